"""The one exception the API raises on purpose; the app turns it into the contract's error body."""

from __future__ import annotations

from gadeplan.sync.schemas import ErrorBody, ErrorCode


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: ErrorCode,
        message: str,
        *,
        headers: dict[str, str] | None = None,
        **extra: int | bool | list[str] | None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = ErrorBody(error=code.value, message=message, **extra)  # type: ignore[arg-type]
        self.headers = headers or {}


def unauthorized(code: ErrorCode, message: str, **extra: bool) -> ApiError:
    return ApiError(401, code, message, headers={"WWW-Authenticate": "Bearer"}, **extra)


def device_revoked() -> ApiError:
    return unauthorized(
        ErrorCode.DEVICE_REVOKED,
        "This device has been revoked. Its local data must be deleted.",
        wipe=True,
    )
