"""The shared wire schemas: the limits and measures both ends rely on."""

from __future__ import annotations

import json

from gadeplan.sync import schemas
from gadeplan.sync.schemas import (
    MAX_MUTATION_BYTES,
    MAX_PUSH_BYTES,
    MAX_PUSH_MUTATIONS,
    PROTOCOL_VERSION,
    ErrorBody,
    Mutation,
    MutationOp,
    MutationResult,
    MutationStatus,
    PushRequest,
    wire_size,
)


def test_limits_are_the_contracts() -> None:
    assert PROTOCOL_VERSION == 1
    assert MAX_PUSH_MUTATIONS == 200
    assert MAX_PUSH_BYTES == 1024 * 1024
    assert MAX_MUTATION_BYTES == 256 * 1024
    assert schemas.PROTOCOL_HEADER == "Gadeplan-Protocol"


def test_wire_size_is_the_compact_utf8_json() -> None:
    mutation = Mutation(
        mutation_id=1,
        entity="person",
        id="0193",
        op=MutationOp.UPSERT,
        hlc="1764061200000-00002-d-1",
        fields={"alias": "Søren"},
    )
    compact = json.dumps(
        mutation.model_dump(mode="json"), ensure_ascii=False, separators=(",", ":")
    )
    assert (
        wire_size(mutation) == len(compact.encode()) == wire_size(mutation.model_dump(mode="json"))
    )


def test_a_push_round_trips() -> None:
    raw = {
        "device_id": "d-1",
        "mutations": [
            {
                "mutation_id": 17,
                "entity": "person",
                "id": "0193",
                "op": "upsert",
                "base_version": 3,
                "hlc": "1764061200000-00002-d-1",
                "fields": {"phones": [{"number": "+45 1"}]},
                "old": {"phones": []},
            }
        ],
    }
    assert PushRequest.model_validate(raw).model_dump(mode="json") == raw


def test_error_bodies_leave_out_what_does_not_apply() -> None:
    body = ErrorBody(error="mutation_gap", message="...", expected=3)
    assert body.model_dump(exclude_none=True) == {
        "error": "mutation_gap",
        "message": "...",
        "expected": 3,
    }
    result = MutationResult(mutation_id=1, status=MutationStatus.GONE)
    assert result.version is None
    assert result.clock_skew is False
