"""Every endpoint's happy path, and the protocol errors: each gets the documented answer and
changes nothing."""

from __future__ import annotations

import gzip
import json
import zlib
from typing import Any

import httpx
import pytest

from gadeplan.app.domain.records import Phone
from gadeplan.sync.schemas import (
    MAX_MUTATION_BYTES,
    MAX_PUSH_BYTES,
    MAX_PUSH_MUTATIONS,
    PATH_META,
    PATH_PULL,
    PATH_PUSH,
    PATH_REGISTER,
    PATH_TOKEN,
    ErrorBody,
    MetaResponse,
    PullResponse,
    PushResponse,
    RegisterResponse,
    TokenResponse,
)
from tests.backend.support import PASSWORD, Device, Server, person

ENDPOINTS = [
    ("GET", PATH_META),
    ("POST", PATH_REGISTER),
    ("POST", PATH_TOKEN),
    ("POST", PATH_PUSH),
    ("POST", PATH_PULL),
]


def error_of(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = response.json()
    ErrorBody.model_validate(body)
    assert body["error"] == code
    assert body["message"]
    assert "Traceback" not in response.text
    return body


def snapshot(device: Device) -> tuple[int, dict[str, dict[str, Any]]]:
    return device.last_mutation_id(), device.everything()


# --- happy paths -------------------------------------------------------------------------------


def test_meta(server: Server) -> None:
    body = MetaResponse.model_validate(server.client().get(PATH_META).json())
    assert body.protocol_versions == [1]
    assert body.name == "Testkommune"
    assert len(body.epoch) == 36
    assert body.server_time.tzinfo is not None


def test_register_token_push_pull(server: Server) -> None:
    team = server.team()
    username = server.worker(team)
    http = server.client()
    response = http.post(
        PATH_REGISTER,
        json={"username": username, "password": PASSWORD, "device_name": "Bærbar 7"},
    )
    registration = RegisterResponse.model_validate(response.json())
    assert registration.device_id.startswith("d-")
    assert registration.expires_in == server.settings.access_token_seconds
    assert [t.id for t in registration.worker.teams] == [team]
    assert registration.worker.name == username

    device = Device(server, http, response.json())
    p = person(team, phones=(Phone("+45 12 34 56 78"),))
    push = PushResponse.model_validate(device.push_raw(device.save(p)).json())
    assert push.last_mutation_id == 1
    assert [(r.mutation_id, r.status, r.version) for r in push.results] == [(1, "applied", 1)]

    pull = PullResponse.model_validate(device.pull_raw(None).json())
    assert pull.last_mutation_id == 1
    assert not pull.more
    by_id = {c.id: c for c in pull.changes}
    assert by_id[team].entity == "team"
    assert by_id[device.worker_id].entity == "worker"
    put = by_id[p.id]
    assert (put.entity, put.op, put.version) == ("person", "put", 1)
    assert put.fields == p.to_fields()
    assert put.field_hlc is not None
    assert set(put.field_hlc) == set(p.to_fields())

    token = TokenResponse.model_validate(device.token().json())
    assert token.refresh_token != device.refresh
    assert token.access_token != device.access
    device.access = token.access_token
    assert device.pull_raw(None).status_code == 200


def test_a_page_carries_the_stored_json_as_pushed(server: Server) -> None:
    """The server writes a page's records from their stored JSON text (backend/pull.py):
    text that JSON must escape, non-ASCII letters and nested values come back as pushed,
    and each field with the HLC of its own last change."""
    team = server.team()
    device = server.new_device(team)
    tricky = 'Siger "nej tak"\\ til Åbo\nsover på bænken 🙂\t\u2028'
    p = person(team, alias="Ærø-Søren", description=tricky, phones=(Phone("+45 12 34 56 78"),))
    first = device.save(p)
    device.push(first)
    edit = device.mutation("person", p.id, {"alias": "Østen"}, base_version=1)
    device.push(edit)

    raw = device.pull_raw(None).content
    page = PullResponse.model_validate_json(raw)  # the bytes themselves are valid JSON
    [put] = [c for c in page.changes if c.id == p.id]
    assert put.fields == {**p.to_fields(), "alias": "Østen"}
    assert put.fields is not None
    assert put.fields["description"] == tricky
    assert put.field_hlc == {
        name: edit["hlc"] if name == "alias" else first["hlc"] for name in p.to_fields()
    }
    assert put.version == 2


def test_openapi_describes_every_endpoint(server: Server) -> None:
    spec = server.client().get("/openapi.json").json()
    for method, path in ENDPOINTS:
        assert method.lower() in spec["paths"][path]
    push = spec["paths"][PATH_PUSH]["post"]
    assert "409" in push["responses"]
    assert "413" in push["responses"]
    assert "PushRequest" in json.dumps(push["requestBody"])


def test_responses_are_gzipped_when_asked(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    device.push(*[device.save(person(team, alias=f"P{i}")) for i in range(30)])
    response = device.http.post(
        PATH_PULL, json={"cursor": None}, headers={**device.auth, "Accept-Encoding": "gzip"}
    )
    assert response.headers["content-encoding"] == "gzip"
    assert len(response.json()["changes"]) == 32


def test_gzip_request_bodies_are_accepted(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    p = person(team)
    body = json.dumps({"device_id": device.id, "mutations": [device.save(p)]}).encode()
    response = device.http.post(
        PATH_PUSH,
        content=gzip.compress(body),
        headers={
            **device.auth,
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
        },
    )
    assert response.status_code == 200, response.text
    assert p.id in device.everything()


# --- protocol errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("header", [None, "0", "2", "one"])
def test_missing_or_unsupported_protocol_is_426(server: Server, header: str | None) -> None:
    team = server.team()
    device = server.new_device(team)
    before = snapshot(device)
    headers = {} if header is None else {"Gadeplan-Protocol": header}
    with httpx.Client(base_url=server.base_url, headers=headers) as plain:
        for method, path in ENDPOINTS:
            body = {"device_id": device.id, "mutations": [device.save(person(team))]}
            response = plain.request(method, path, json=body, headers=device.auth)
            error_of(response, 426, "upgrade_required")
    assert snapshot(device) == before


def test_malformed_json_is_400_and_changes_nothing(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    before = snapshot(device)
    for path in (PATH_PUSH, PATH_PULL, PATH_REGISTER, PATH_TOKEN):
        response = device.http.post(
            path,
            content=b'{"device_id": "' + device.id.encode() + b'", "mutations": [',
            headers={**device.auth, "Content-Type": "application/json"},
        )
        error_of(response, 400, "malformed_json")
    assert snapshot(device) == before


def test_wrong_shape_is_422_without_echoing_values(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    before = snapshot(device)
    secret = "Jens Jensen 010190-1234"
    bad: dict[str, Any] = device.save(person(team, alias=secret))
    del bad["hlc"]
    bad["op"] = secret
    response = device.push_raw(bad)
    body = error_of(response, 422, "invalid_request")
    assert body["details"]
    assert secret not in response.text
    assert "hlc" in " ".join(body["details"])
    assert snapshot(device) == before


def test_damaged_gzip_is_400_and_unknown_encoding_415(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    headers = {**device.auth, "Content-Type": "application/json"}
    response = device.http.post(
        PATH_PULL, content=b"\x1f\x8b not gzip", headers={**headers, "Content-Encoding": "gzip"}
    )
    error_of(response, 400, "malformed_body")
    response = device.http.post(
        PATH_PULL, content=b"{}", headers={**headers, "Content-Encoding": "zstd"}
    )
    error_of(response, 415, "unsupported_encoding")


def test_oversize_pushes_are_413_and_change_nothing(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    before = snapshot(device)

    too_many = [device.save(person(team)) for _ in range(MAX_PUSH_MUTATIONS + 1)]
    body = error_of(device.push_raw(*too_many), 413, "too_many_mutations")
    assert body["limit"] == MAX_PUSH_MUTATIONS

    device.next_mutation_id = 1
    big = device.save(person(team, description="x" * (MAX_MUTATION_BYTES + 10)))
    body = error_of(device.push_raw(big), 413, "mutation_too_large")
    assert body["mutation_id"] == 1

    device.next_mutation_id = 1
    huge = [device.save(person(team, description="y" * 200_000)) for _ in range(6)]
    error_of(device.push_raw(*huge), 413, "payload_too_large")

    # A gzip bomb: small on the wire, far beyond the limit inflated.
    payload = json.dumps(
        {"device_id": device.id, "mutations": [], "pad": " " * (MAX_PUSH_BYTES * 4)}
    ).encode()
    compressed = zlib.compress(payload, 9, wbits=31)
    assert len(compressed) < 100_000
    response = device.http.post(
        PATH_PUSH,
        content=compressed,
        headers={**device.auth, "Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    error_of(response, 413, "payload_too_large")
    assert snapshot(device) == before


def test_mutation_gap_is_409_and_changes_nothing(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    device.push(device.save(person(team)))
    before = snapshot(device)
    device.next_mutation_id = 5
    body = error_of(device.push_raw(device.save(person(team))), 409, "mutation_gap")
    assert body["expected"] == 2
    assert snapshot(device) == before


def test_decreasing_mutation_ids_are_refused(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    first, second = device.save(person(team)), device.save(person(team))
    error_of(device.push_raw(second, first), 400, "invalid_request")
    assert device.last_mutation_id() == 0


def test_duplicates_return_the_stored_result_and_change_nothing(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    p = person(team)
    create = device.save(p)
    [applied] = device.push(create)
    edit = device.mutation("person", p.id, {"alias": "Svend"}, base_version=1)
    [edited] = device.push(edit)
    assert edited["version"] == 2
    before = snapshot(device)

    # The response was lost after the commit: the client sends both again, and one more.
    extra = device.save(person(team))
    results = device.push(create, edit, extra)
    assert results[0] == applied
    assert results[1] == edited
    assert results[2]["status"] == "applied"
    after = snapshot(device)
    assert after[0] == 3
    assert after[1][p.id] == before[1][p.id]

    # A duplicate whose content differs is still the stored result: ids decide, not content.
    tampered = {**edit, "fields": {"alias": "Noget andet"}}
    assert device.push(tampered) == [edited]
    assert device.record(p.id)["fields"]["alias"] == "Svend"  # type: ignore[index]


def test_push_for_another_device_id_is_403(server: Server) -> None:
    team = server.team()
    device, other = server.new_device(team), server.new_device(team)
    response = device.push_raw(device.save(person(team)), device_id=other.id)
    error_of(response, 403, "device_mismatch")
    assert other.last_mutation_id() == 0


def test_unknown_paths_and_methods_are_json(server: Server) -> None:
    http = server.client()
    error_of(http.get("/v1/nothing"), 404, "not_found")
    error_of(http.get(PATH_PUSH), 405, "method_not_allowed")


def test_an_internal_failure_is_json_and_logs_no_personal_data(
    server: Server, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    team = server.team()
    device = server.new_device(team)
    secret = "Jens Jensen 010190-1234"

    def broken(*_args: object) -> None:
        raise RuntimeError(secret)

    monkeypatch.setattr(server.app.state.services.push, "push", broken)
    with caplog.at_level("ERROR"):
        response = device.push_raw(device.save(person(team, alias=secret)))
    error_of(response, 500, "internal_error")
    assert secret not in response.text
    assert "RuntimeError" in caplog.text
    assert secret not in caplog.text
