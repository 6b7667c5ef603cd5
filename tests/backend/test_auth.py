"""Sign-in, tokens, rotation, reuse and revocation."""

from __future__ import annotations

from sqlalchemy import select

from gadeplan.backend.models import Device as DeviceRow
from gadeplan.backend.models import Worker
from gadeplan.sync.schemas import PATH_REGISTER
from tests.backend.support import PASSWORD, Device, Server, person
from tests.backend.test_protocol import error_of, snapshot


def register(server: Server, username: str, password: str) -> object:
    return server.client().post(
        PATH_REGISTER,
        json={"username": username, "password": password, "device_name": "Laptop"},
    )


def test_wrong_credentials_are_401(server: Server) -> None:
    team = server.team()
    username = server.worker(team)
    response = server.client().post(
        PATH_REGISTER, json={"username": username, "password": "forkert", "device_name": "L"}
    )
    error_of(response, 401, "invalid_credentials")
    response = server.client().post(
        PATH_REGISTER, json={"username": "ingen-saadan", "password": "x", "device_name": "L"}
    )
    error_of(response, 401, "invalid_credentials")


def test_repeated_failures_are_rate_limited_per_username(server: Server) -> None:
    team = server.team()
    username, other = server.worker(team), server.worker(team)
    http = server.client()
    for _ in range(server.settings.login_max_failures):
        response = http.post(
            PATH_REGISTER, json={"username": username, "password": "gæt", "device_name": "L"}
        )
        error_of(response, 401, "invalid_credentials")
    # Now even the right password is refused until the window has passed.
    response = http.post(
        PATH_REGISTER, json={"username": username, "password": PASSWORD, "device_name": "L"}
    )
    body = error_of(response, 429, "rate_limited")
    assert int(response.headers["Retry-After"]) == body["retry_after"] > 0
    # Another username from the same client is not affected.
    response = http.post(
        PATH_REGISTER, json={"username": other, "password": PASSWORD, "device_name": "L"}
    )
    assert response.status_code == 200
    server.clock.advance(seconds=server.settings.login_window_seconds + 1)
    response = http.post(
        PATH_REGISTER, json={"username": username, "password": PASSWORD, "device_name": "L"}
    )
    assert response.status_code == 200


def test_passwords_are_stored_as_argon2id_and_tokens_as_hashes(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    with server.db.read() as session:
        worker = session.get(Worker, device.worker_id)
        row = session.get(DeviceRow, device.id)
        assert worker is not None
        assert row is not None
        assert worker.password_hash.startswith("$argon2id$")
        stored = [row.access_hash, row.refresh_hash, row.prev_refresh_hash]
    assert device.access not in stored
    assert device.refresh not in stored


def test_expired_access_token_is_401_and_changes_nothing(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    before = snapshot(device)
    server.clock.advance(seconds=server.settings.access_token_seconds + 1)
    error_of(device.push_raw(device.save(person(team))), 401, "token_expired")
    error_of(device.pull_raw(None), 401, "token_expired")
    server.clock.offset = type(server.clock.offset)()
    assert snapshot(device) == before


def test_missing_or_unknown_access_token_is_401(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    response = device.http.post("/v1/sync/pull", json={"cursor": None})
    error_of(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == "Bearer"
    device.access = "not-a-token"
    error_of(device.pull_raw(None), 401, "invalid_token")


def test_refresh_rotates_and_reuse_of_an_old_token_revokes_the_device(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    first = device.refresh
    second = device.token().json()
    third = device.token(second["refresh_token"]).json()
    device.access = third["access_token"]
    assert device.pull_raw(None).status_code == 200

    # The first refresh token was rotated away and its successor used: reuse means theft.
    body = error_of(device.token(first), 401, "device_revoked")
    assert body["wipe"] is True
    error_of(device.pull_raw(None), 401, "device_revoked")
    error_of(device.push_raw(device.save(person(team))), 401, "device_revoked")
    error_of(device.token(third["refresh_token"]), 401, "device_revoked")


def test_a_lost_refresh_response_can_be_retried(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    lost = device.token()  # committed, but the client never saw the answer
    assert lost.status_code == 200
    retry = device.token()  # the same (old) refresh token again
    assert retry.status_code == 200, retry.text
    device.access = retry.json()["access_token"]
    assert device.pull_raw(None).status_code == 200
    # The token in the lost answer was never presented and is now retired: presenting it
    # is reuse, and revokes the device.
    error_of(device.token(lost.json()["refresh_token"]), 401, "device_revoked")


def test_unknown_device_or_token_is_401_invalid_token(server: Server) -> None:
    team = server.team()
    device, other = server.new_device(team), server.new_device(team)
    error_of(device.token("made-up"), 401, "invalid_token")
    # Another device's id with this device's refresh token: nothing is revealed or revoked.
    response = device.http.post(
        "/v1/auth/token", json={"device_id": other.id, "refresh_token": device.refresh}
    )
    error_of(response, 401, "invalid_token")
    assert other.pull_raw(None).status_code == 200


def test_revoked_device_is_told_to_wipe(server: Server) -> None:
    team = server.team()
    device = server.new_device(team)
    server.admin.revoke_device(device.id)
    body = error_of(device.pull_raw(None), 401, "device_revoked")
    assert body["wipe"] is True
    body = error_of(device.token(), 401, "device_revoked")
    assert body["wipe"] is True
    with server.db.read() as session:
        revoked = session.scalar(select(DeviceRow.revoked_at).where(DeviceRow.id == device.id))
    assert revoked is not None


def test_register_gives_a_new_device_each_time(server: Server) -> None:
    team = server.team()
    username = server.worker(team)
    first, second = server.device(username), server.device(username)
    assert first.id != second.id
    assert isinstance(first, Device)
