"""Checking pushed field values against the domain's record types.

The domain converter (``from_fields``) is deliberately lenient: it would turn the string
``"false"`` into ``True``. The server must never store a value the client did not mean, so each
pushed value is first type-checked strictly against the record field's type with pydantic
(JSON mode, strict), then canonicalised, and the merged record is finally built with the
domain's ``from_fields`` and checked with its ``validate``: the same rules the client applies.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass
from functools import cache, reduce
from operator import or_
from typing import Any

import msgspec
from pydantic import JsonValue, TypeAdapter
from pydantic import ValidationError as PydanticError

from gadeplan.app.domain.records import ENTITIES, JSON, Entity, to_json
from gadeplan.sync.schemas import FieldProblem


@dataclass(frozen=True)
class Checked:
    entity: Entity | None
    fields: dict[str, JSON]
    problems: list[FieldProblem]


_JSON_VALUE: TypeAdapter[Any] = TypeAdapter(JsonValue)


@cache
def _adapters_of(entity: str) -> dict[str, TypeAdapter[Any]]:
    cls = ENTITIES[entity]
    hints = typing.get_type_hints(cls)
    adapters: dict[str, TypeAdapter[Any]] = {}
    annotations = cls.annotations()
    for name in cls.field_names():
        # The recursive JSON alias defeats pydantic; JsonValue is the same set of values.
        is_json = annotations[name] in ("JSON", JSON)
        adapters[name] = _JSON_VALUE if is_json else TypeAdapter(_checkable(hints[name]))
    return adapters


def _checkable(tp: Any) -> Any:
    """``tp`` with each msgspec Struct in it (a phone of a person) replaced by a standard
    dataclass of the same fields, which pydantic checks as strictly as any other value."""
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return _dataclass_of(tp)
    args = typing.get_args(tp)
    if not args:
        return tp
    checked = tuple(_checkable(arg) for arg in args)
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return reduce(or_, checked)
    return typing.get_origin(tp)[checked]


@cache
def _dataclass_of(struct: type[msgspec.Struct]) -> type:
    fields: list[tuple[str, Any, Any]] = []
    for f in msgspec.structs.fields(struct):
        if f.default is not msgspec.NODEFAULT:
            spec = dataclasses.field(default=f.default)
        elif f.default_factory is not msgspec.NODEFAULT:
            spec = dataclasses.field(default_factory=f.default_factory)
        else:
            spec = dataclasses.field()
        fields.append((f.name, _checkable(f.type), spec))
    return dataclasses.make_dataclass(struct.__name__, fields, frozen=True)


def _plain(value: Any) -> Any:
    """A checked value with its dataclasses (see ``_checkable``) as dicts, for ``to_json``."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


def _adapters(cls: type[Entity]) -> dict[str, TypeAdapter[Any]]:
    return _adapters_of(cls.ENTITY)


def unknown_fields(cls: type[Entity], names: typing.Iterable[str]) -> list[FieldProblem]:
    known = _adapters(cls)
    return [
        FieldProblem(field=name, code="unknown_field", message="This field does not exist.")
        for name in sorted(set(names) - set(known))
    ]


def canonical_values(
    cls: type[Entity], values: dict[str, Any]
) -> tuple[dict[str, JSON], list[FieldProblem]]:
    """Each value strictly type-checked and in its canonical JSON form (e.g. one spelling of a
    datetime), so equal values compare equal. Messages never quote the value."""
    adapters = _adapters(cls)
    out: dict[str, JSON] = {}
    problems: list[FieldProblem] = []
    for name, value in values.items():
        try:
            parsed = adapters[name].validate_json(json.dumps(value), strict=True)
        except PydanticError as exc:
            first = exc.errors(include_input=False, include_url=False)[0]
            problems.append(FieldProblem(field=name, code=first["type"], message=first["msg"]))
            continue
        out[name] = to_json(_plain(parsed))
    return out, problems


def check_record(cls: type[Entity], record_id: str, values: dict[str, JSON]) -> Checked:
    """Build the whole record through the domain and validate it."""
    missing = [
        f.name
        for f in msgspec.structs.fields(cls)
        if f.name != "id" and f.name not in values and f.required
    ]
    if missing:
        return Checked(
            None,
            {},
            [
                FieldProblem(field=n, code="required", message="This field is required.")
                for n in missing
            ],
        )
    try:
        entity = cls.from_fields(record_id, values)
    except (TypeError, ValueError):
        # Only reachable if the strict check above let something through; never echo values.
        return Checked(
            None, {}, [FieldProblem(field="*", code="invalid", message="The record is invalid.")]
        )
    problems = [
        FieldProblem(field=e.field, code=e.code, message=e.message) for e in entity.validate()
    ]
    return Checked(entity, entity.to_fields(), problems)
