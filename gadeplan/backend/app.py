"""The HTTP API: ``create_app(settings)`` builds the FastAPI application.

Endpoints are plain (sync) functions: FastAPI runs them in its thread pool, which suits the
blocking database drivers and Argon2, and keeps each request one transaction on one thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from datetime import UTC
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from gadeplan import __version__
from gadeplan.app.domain.clock import Clock, SystemClock
from gadeplan.backend.admin import Admin
from gadeplan.backend.auth import AuthService
from gadeplan.backend.db import Database
from gadeplan.backend.errors import ApiError
from gadeplan.backend.feed import Caller
from gadeplan.backend.middleware import GuardMiddleware
from gadeplan.backend.models import ServerState
from gadeplan.backend.pull import PullService
from gadeplan.backend.push import PushService
from gadeplan.backend.security import Passwords
from gadeplan.backend.settings import Settings
from gadeplan.sync.schemas import (
    AUTHORIZATION_HEADER,
    MAX_PUSH_BYTES,
    MAX_PUSH_MUTATIONS,
    PATH_META,
    PATH_PULL,
    PATH_PUSH,
    PATH_REGISTER,
    PATH_TOKEN,
    PROTOCOL_HEADER,
    SUPPORTED_PROTOCOL_VERSIONS,
    ErrorBody,
    ErrorCode,
    MetaResponse,
    PullRequest,
    PullResponse,
    PushRequest,
    PushResponse,
    RegisterRequest,
    RegisterResponse,
    TokenRequest,
    TokenResponse,
    wire_size,
)
from gadeplan.sync.schemas import MAX_MUTATION_BYTES as MAX_MUTATION

log = logging.getLogger("gadeplan.backend")
#: gzip level of the answers (pull pages): see create_app.
GZIP_LEVEL = 5


def _error_response(status: int, body: ErrorBody, headers: Mapping[str, str] | None = None) -> Any:
    return JSONResponse(
        status_code=status, content=body.model_dump(exclude_none=True), headers=headers
    )


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorBody} for status in statuses}


class Services:
    """Everything a request needs, built once per application."""

    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self.db = Database(settings.db_url)
        self.admin = Admin(self.db, settings, clock)
        self.auth = AuthService(self.db, settings, clock, Passwords(settings.password_hashing))
        self.push = PushService(self.db, clock)
        self.pull = PullService(self.db, settings, clock)


def _services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


def current_caller(
    request: Request,
    authorization: Annotated[str | None, Header(alias=AUTHORIZATION_HEADER)] = None,
) -> Caller:
    return _services(request).auth.authenticate(authorization)


def protocol_header(
    _version: Annotated[
        str,
        Header(alias=PROTOCOL_HEADER, description="The protocol version: 1."),
    ],
) -> None:
    """Documents the header in OpenAPI; the guard middleware has already checked it."""


Who = Annotated[Caller, Depends(current_caller)]


def create_app(settings: Settings, clock: Clock | None = None) -> FastAPI:
    """The application. ``clock`` is injectable so tests can move time (token expiry,
    clock skew, retention)."""
    services = Services(settings, clock or SystemClock())

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = None
        if settings.retention_interval_seconds > 0:
            task = asyncio.create_task(_retention_loop(services))
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            services.db.dispose()

    app = FastAPI(
        title="Gadeplan sync backend",
        version=__version__,
        summary="Sync protocol version 1 (see docs/sync-protocol.md)",
        lifespan=lifespan,
    )
    v1 = APIRouter(dependencies=[Depends(protocol_header)])
    app.state.services = services
    _install_error_handlers(app)
    app.add_middleware(GuardMiddleware, max_body_bytes=MAX_PUSH_BYTES)
    # Level 5, as the client sends: level 9 (Starlette's default) cost the server a large share
    # of a pull page's CPU for a few percent fewer bytes (bench/sync.py).
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=GZIP_LEVEL)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict[str, str]:
        """For the reverse proxy and the service manager: is the database reachable?"""
        with services.db.read() as session:
            session.get(ServerState, 1)
        return {"status": "ok"}

    @v1.get(PATH_META, responses=_errors(426, 503))
    def meta() -> MetaResponse:
        with services.db.read() as session:
            state = session.get(ServerState, 1)
            if state is None:
                raise ApiError(503, ErrorCode.UNAVAILABLE, "The server is not initialised.")
            epoch = state.epoch
        return MetaResponse(
            protocol_versions=list(SUPPORTED_PROTOCOL_VERSIONS),
            server_time=services.clock.now().astimezone(UTC),
            epoch=epoch,
            name=settings.name,
        )

    @v1.post(PATH_REGISTER, responses=_errors(400, 401, 413, 422, 426, 429))
    def register(body: RegisterRequest, request: Request) -> RegisterResponse:
        client = request.client.host if request.client else "unknown"
        return services.auth.register(body, client)

    @v1.post(PATH_TOKEN, responses=_errors(400, 401, 413, 422, 426))
    def token(body: TokenRequest) -> TokenResponse:
        return services.auth.refresh(body)

    @v1.post(PATH_PUSH, responses=_errors(400, 401, 403, 409, 413, 415, 422, 426))
    def push(
        body: PushRequest,
        who: Who,
    ) -> PushResponse:
        if len(body.mutations) > MAX_PUSH_MUTATIONS:
            raise ApiError(
                413,
                ErrorCode.TOO_MANY_MUTATIONS,
                f"A push holds at most {MAX_PUSH_MUTATIONS} mutations.",
                limit=MAX_PUSH_MUTATIONS,
            )
        for mutation in body.mutations:
            if wire_size(mutation) > MAX_MUTATION:
                raise ApiError(
                    413,
                    ErrorCode.MUTATION_TOO_LARGE,
                    "One mutation is larger than the limit.",
                    limit=MAX_MUTATION,
                    mutation_id=mutation.mutation_id,
                )
        return services.push.push(who, body)

    @v1.post(
        PATH_PULL, response_model=PullResponse, responses=_errors(400, 401, 410, 413, 422, 426)
    )
    def pull(
        body: PullRequest,
        who: Who,
    ) -> Response:
        # The service writes the JSON itself: FastAPI's own path (a Python dict of the page,
        # then json.dumps) was a fifth of the server's time per page of 1000.
        return Response(services.pull.pull(who, body), media_type="application/json")

    app.include_router(v1)
    return app


async def _retention_loop(services: Services) -> None:
    """Applies retention now and then, so old logs go without a cron job."""
    while True:
        try:
            report = await run_in_threadpool(services.admin.apply_retention)
            log.info("retention applied: %s", report)
        except Exception as exc:  # keep the timer alive; the next round retries
            log.error("retention failed: %s", type(exc).__name__)
        await asyncio.sleep(services.settings.retention_interval_seconds)


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_request: Request, exc: ApiError) -> Any:
        return _error_response(exc.status, exc.body, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> Any:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return _error_response(
                400, ErrorBody(error=ErrorCode.MALFORMED_JSON, message="The body is not JSON.")
            )
        # Where and what kind of problem, never the submitted value (it may be personal data).
        details = [
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
            for e in errors[:20]
        ]
        return _error_response(
            422,
            ErrorBody(
                error=ErrorCode.INVALID_REQUEST,
                message="The request does not match the protocol.",
                details=details,
            ),
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> Any:
        code = {
            404: ErrorCode.NOT_FOUND,
            405: ErrorCode.METHOD_NOT_ALLOWED,
        }.get(exc.status_code, ErrorCode.INVALID_REQUEST)
        return _error_response(
            exc.status_code, ErrorBody(error=code, message=str(exc.detail)), exc.headers
        )
