"""The wire schemas of sync protocol version 1, shared by the client engine and the backend.

One definition of every request and response keeps both ends honest: the server's OpenAPI
document is generated from these models, and the client validates what it receives with the
same ones. The limits live here too, because the client must check them before sending, so it
never queues a mutation that the server will always refuse (the queue would block for ever).

Qt-free and storage-free: the backend may import this module and nothing else of ``sync``.
"""

from __future__ import annotations

import json
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

from pydantic import BaseModel, ConfigDict, Field, JsonValue

PROTOCOL_VERSION: Final = 1
#: Every protocol version this code speaks; ``GET /v1/meta`` lists the server's.
SUPPORTED_PROTOCOL_VERSIONS: Final = (1,)

BASE_PATH: Final = "/v1"
PROTOCOL_HEADER: Final = "Gadeplan-Protocol"
AUTHORIZATION_HEADER: Final = "Authorization"
CONTENT_ENCODING_HEADER: Final = "Content-Encoding"
#: Request body encodings the server accepts besides identity. zstd is named by the contract
#: as optional; Python 3.11 has no zstd in its standard library and the project pins no zstd
#: package, so it is not supported yet (the server answers 415).
REQUEST_ENCODINGS: Final = ("gzip",)

PATH_META: Final = f"{BASE_PATH}/meta"
PATH_REGISTER: Final = f"{BASE_PATH}/auth/register"
PATH_TOKEN: Final = f"{BASE_PATH}/auth/token"
PATH_PUSH: Final = f"{BASE_PATH}/sync/push"
PATH_PULL: Final = f"{BASE_PATH}/sync/pull"

#: At most this many mutations in one push.
MAX_PUSH_MUTATIONS: Final = 200
#: At most this many bytes in one request body, after decompression.
MAX_PUSH_BYTES: Final = 1024 * 1024
#: At most this many bytes in one mutation, measured by :func:`wire_size`.
MAX_MUTATION_BYTES: Final = 256 * 1024
#: A pull returns at most this many changes, whatever ``limit`` asks for.
MAX_PULL_LIMIT: Final = 1000
DEFAULT_PULL_LIMIT: Final = 1000
#: An HLC further ahead of the server's clock than this is replaced (``clock_skew``).
MAX_CLOCK_SKEW_MS: Final = 5 * 60 * 1000
#: Tombstones are kept at least this long; an older cursor must reset.
MIN_TOMBSTONE_RETENTION_DAYS: Final = 180

#: Entities a client may never push: they come from the backend.
READ_ONLY_ENTITIES: Final = frozenset({"team", "worker"})
#: Entities the server never sends back.
PUSH_ONLY_ENTITIES: Final = frozenset({"audit_event"})


def wire_size(value: BaseModel | JsonValue) -> int:
    """Bytes of the compact UTF-8 JSON form, the measure of the per-mutation limit.

    Both ends measure the same way, so a mutation the client accepted is never refused as too
    large by the server.
    """
    data: Any = value.model_dump(mode="json") if isinstance(value, BaseModel) else value
    return len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


class ErrorCode(StrEnum):
    """The ``error`` of an error body: stable, for the client to act on."""

    UPGRADE_REQUIRED = "upgrade_required"
    MALFORMED_JSON = "malformed_json"
    MALFORMED_BODY = "malformed_body"
    INVALID_REQUEST = "invalid_request"
    UNSUPPORTED_ENCODING = "unsupported_encoding"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    TOO_MANY_MUTATIONS = "too_many_mutations"
    MUTATION_TOO_LARGE = "mutation_too_large"
    INVALID_CREDENTIALS = "invalid_credentials"
    RATE_LIMITED = "rate_limited"
    UNAUTHORIZED = "unauthorized"
    INVALID_TOKEN = "invalid_token"  # noqa: S105 - an error code
    TOKEN_EXPIRED = "token_expired"  # noqa: S105 - an error code
    DEVICE_REVOKED = "device_revoked"
    DEVICE_MISMATCH = "device_mismatch"
    MUTATION_GAP = "mutation_gap"
    RESET_REQUIRED = "reset_required"
    NOT_FOUND = "not_found"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    INTERNAL_ERROR = "internal_error"
    UNAVAILABLE = "unavailable"


class ErrorBody(BaseModel):
    """Every error answer: ``{"error", "message"}`` plus what the client needs to act on it."""

    model_config = ConfigDict(extra="forbid")

    error: str
    message: str
    #: ``mutation_gap``: the mutation id the server expects next.
    expected: int | None = None
    #: ``device_revoked``: always true; the client deletes its store and keyring entries.
    wipe: bool | None = None
    #: ``mutation_too_large``: the offending mutation.
    mutation_id: int | None = None
    #: 413 answers: the limit that was exceeded.
    limit: int | None = None
    #: ``rate_limited``: seconds until a new attempt is allowed (also the Retry-After header).
    retry_after: int | None = None
    #: ``invalid_request``: where the request is wrong (never the submitted values).
    details: list[str] | None = None


# --- meta and auth -------------------------------------------------------------------------------


class MetaResponse(BaseModel):
    protocol_versions: list[int]
    server_time: datetime
    #: Changes when the server is restored from a backup; cursors of another epoch reset.
    epoch: str
    name: str


class RegisterRequest(BaseModel):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1024)
    device_name: str = Field(min_length=1, max_length=200)


class TeamRef(BaseModel):
    id: str
    name: str


class WorkerInfo(BaseModel):
    id: str
    name: str
    teams: list[TeamRef]


class RegisterResponse(BaseModel):
    device_id: str
    refresh_token: str
    access_token: str
    #: Seconds the access token is valid.
    expires_in: int
    worker: WorkerInfo


class TokenRequest(BaseModel):
    device_id: str = Field(min_length=1, max_length=200)
    refresh_token: str = Field(min_length=1, max_length=1024)


class TokenResponse(BaseModel):
    access_token: str
    #: The rotated refresh token; the one sent is retired.
    refresh_token: str
    expires_in: int


# --- push ----------------------------------------------------------------------------------------


class MutationOp(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class Mutation(BaseModel):
    """One local change, as the outbox holds it.

    Content is checked per mutation by the server and refused with ``rejected`` rather than by
    this schema, so a single bad mutation is acknowledged and never blocks the queue; only the
    shape (types) is checked here.
    """

    mutation_id: int = Field(ge=1)
    entity: str
    id: str
    op: MutationOp
    #: The record version the client last saw; ``None`` for a create.
    base_version: int | None = None
    hlc: str
    #: Only the changed fields.
    fields: dict[str, JsonValue] = Field(default_factory=dict)
    #: The changed fields' values as the client last saw them (informational).
    old: dict[str, JsonValue] = Field(default_factory=dict)


class PushRequest(BaseModel):
    device_id: str
    #: In ascending ``mutation_id`` order; at most :data:`MAX_PUSH_MUTATIONS` (else 413).
    mutations: list[Mutation]


class MutationStatus(StrEnum):
    APPLIED = "applied"
    #: Applied per field; at least one concurrent value lost and is kept in a conflict record.
    CONFLICT = "conflict"
    #: Permanently invalid; ``error`` says why. Acknowledged, shown to the worker.
    REJECTED = "rejected"
    #: The record (or the person it is about) was erased: drop the mutation and the record.
    GONE = "gone"


class RejectReason(StrEnum):
    """The ``error`` of a rejected mutation."""

    UNKNOWN_ENTITY = "unknown_entity"
    READ_ONLY = "read_only"
    INVALID_ID = "invalid_id"
    INVALID_HLC = "invalid_hlc"
    ENTITY_MISMATCH = "entity_mismatch"
    UNKNOWN_FIELD = "unknown_field"
    VALIDATION_FAILED = "validation_failed"
    NO_ACCESS = "no_access"
    NOT_AUTHOR = "not_author"
    APPEND_ONLY = "append_only"
    RECORD_DELETED = "record_deleted"


class FieldProblem(BaseModel):
    """Why one field is invalid; ``code`` is stable and translated by the client."""

    field: str
    code: str
    message: str


class MutationResult(BaseModel):
    mutation_id: int
    status: MutationStatus
    #: The record's version after this mutation (``None`` when there is no record).
    version: int | None = None
    #: ``rejected``: why (a :class:`RejectReason`).
    error: str | None = None
    message: str | None = None
    field_errors: list[FieldProblem] = Field(default_factory=list)
    #: The mutation's HLC was too far ahead of the server's clock and was replaced by ``hlc``.
    clock_skew: bool = False
    #: The HLC the server stored for the changed fields.
    hlc: str | None = None
    #: Ids of the ``conflict`` records this mutation created.
    conflict_ids: list[str] = Field(default_factory=list)


class PushResponse(BaseModel):
    last_mutation_id: int
    results: list[MutationResult]


# --- pull ----------------------------------------------------------------------------------------


class PullRequest(BaseModel):
    #: ``None`` for everything; else the ``cursor`` of the previous page.
    cursor: str | None = None
    #: Capped at :data:`MAX_PULL_LIMIT` by the server.
    limit: int = Field(default=DEFAULT_PULL_LIMIT, ge=1)


class ChangeOp(StrEnum):
    #: The whole current record.
    PUT = "put"
    #: A tombstone: the record was deleted.
    DELETE = "delete"
    #: The record left this worker's teams: drop it locally, it still exists.
    REMOVE = "remove"
    #: GDPR erasure: purge it locally, with every copy in the outbox and in conflicts.
    ERASE = "erase"


class Change(BaseModel):
    entity: str
    id: str
    op: ChangeOp
    #: ``put`` and ``delete``: the record's version.
    version: int | None = None
    #: ``put``: all fields.
    fields: dict[str, JsonValue] | None = None
    #: ``put``: per field, the HLC of its last change.
    field_hlc: dict[str, str] | None = None


class PullResponse(BaseModel):
    changes: list[Change]
    #: Opaque; carries the server's epoch. Store it with the page in one local transaction.
    cursor: str
    more: bool
    #: The device's last applied mutation, read in the same snapshot as the changes.
    last_mutation_id: int
    #: The client's HLC observes this, so its next edits order after everything it has seen.
    server_hlc: str


__all__ = [
    "AUTHORIZATION_HEADER",
    "BASE_PATH",
    "CONTENT_ENCODING_HEADER",
    "DEFAULT_PULL_LIMIT",
    "MAX_CLOCK_SKEW_MS",
    "MAX_MUTATION_BYTES",
    "MAX_PULL_LIMIT",
    "MAX_PUSH_BYTES",
    "MAX_PUSH_MUTATIONS",
    "MIN_TOMBSTONE_RETENTION_DAYS",
    "PATH_META",
    "PATH_PULL",
    "PATH_PUSH",
    "PATH_REGISTER",
    "PATH_TOKEN",
    "PROTOCOL_HEADER",
    "PROTOCOL_VERSION",
    "PUSH_ONLY_ENTITIES",
    "READ_ONLY_ENTITIES",
    "REQUEST_ENCODINGS",
    "SUPPORTED_PROTOCOL_VERSIONS",
    "Change",
    "ChangeOp",
    "ErrorBody",
    "ErrorCode",
    "FieldProblem",
    "MetaResponse",
    "Mutation",
    "MutationOp",
    "MutationResult",
    "MutationStatus",
    "PullRequest",
    "PullResponse",
    "PushRequest",
    "PushResponse",
    "RegisterRequest",
    "RegisterResponse",
    "RejectReason",
    "TeamRef",
    "TokenRequest",
    "TokenResponse",
    "WorkerInfo",
    "wire_size",
]
