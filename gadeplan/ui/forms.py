"""One editor for every part of a person: a form built from field descriptions.

Every record type of the domain validates itself and reports ``FieldError(field, code)``; the
form puts the translated message under the field it is about, so the worker reads what is
wrong where it is wrong. Text that cannot even be read (a date like 31-02, letters in an
amount) is caught here with the same kind of message, before the record is built.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, Generic, Literal, TypeVar

import msgspec
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.domain.records import FieldError, Phone, TeamRecord
from gadeplan.app.errors import ValidationError
from gadeplan.app.services.session import Session
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.messages import error_text
from gadeplan.ui.tasks import Context
from gadeplan.ui.widgets import (
    ChoiceBox,
    DateField,
    FieldInputError,
    Form,
    MessageBar,
    hbox,
    heading,
    muted,
)

Kind = Literal["text", "multiline", "int", "date", "bool", "tristate", "choice", "lines", "phones"]

_NUMBER = re.compile(r"^-?\d+$")


class FieldSpec(msgspec.Struct, frozen=True):
    name: str
    label: str
    kind: Kind = "text"
    options: tuple[tuple[str, object], ...] = ()
    #: A required text or date: empty is an error here, not None.
    required: bool = False
    placeholder: str = ""


class _Input:
    """The widget for one field, and how to read and write its value."""

    def __init__(self, spec: FieldSpec, env: Env) -> None:
        self.spec = spec
        kind = spec.kind
        self.widget: QWidget
        if kind in ("multiline", "lines", "phones"):
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(96 if kind == "multiline" else 72)
            self.widget = edit
        elif kind == "date":
            self.widget = DateField(env.today)
        elif kind == "bool":
            self.widget = QCheckBox()
        elif kind in ("tristate", "choice"):
            combo = ChoiceBox()
            options = spec.options
            if kind == "tristate":
                options = (
                    (i18n.translate(i18n.UNKNOWN_TEXT), None),
                    (i18n.translate(i18n.YES_TEXT), True),
                    (i18n.translate(i18n.NO_TEXT), False),
                )
            for label, value in options:
                combo.add(label, value)
            self.widget = combo
        else:
            line = QLineEdit()
            if kind == "int":
                line.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
            self.widget = line
        if spec.placeholder and hasattr(self.widget, "setPlaceholderText"):
            self.widget.setPlaceholderText(spec.placeholder)

    def set(self, value: Any) -> None:
        w, kind = self.widget, self.spec.kind
        if isinstance(w, QPlainTextEdit):
            if kind == "phones":
                w.setPlainText("\n".join(p.number for p in value or ()))
            elif kind == "lines":
                w.setPlainText("\n".join(value or ()))
            else:
                w.setPlainText(value or "")
        elif isinstance(w, DateField):
            w.set_value(value)
        elif isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, ChoiceBox):
            w.set_value(value)
        elif isinstance(w, QLineEdit):
            w.setText("" if value is None else str(value))

    def get(self, old: Any) -> Any:
        """The typed value; raises FieldInputError for text that cannot be read."""
        w, spec = self.widget, self.spec
        if isinstance(w, QPlainTextEdit):
            text = w.toPlainText()
            if spec.kind == "lines":
                return tuple(line.strip() for line in text.splitlines() if line.strip())
            if spec.kind == "phones":
                known = {p.number: p for p in old or ()}
                return tuple(
                    known.get(line.strip(), Phone(number=line.strip()))
                    for line in text.splitlines()
                    if line.strip()
                )
            return self._text(text)
        if isinstance(w, DateField):
            value = w.value()
            if value is None and spec.required:
                raise FieldInputError("required")
            return value
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, ChoiceBox):
            return w.value()
        assert isinstance(w, QLineEdit)
        if spec.kind == "int":
            text = w.text().replace(" ", "").replace(".", "")
            if not text:
                return None
            if not _NUMBER.match(text):
                raise FieldInputError("number_format")
            return int(text)
        return self._text(w.text())

    def _text(self, text: str) -> str | None:
        text = text.strip()
        if text:
            return text
        return "" if self.spec.required else None


class RecordDialog(QDialog):
    """Edit (or create) one record; saving runs on the worker and closes on success."""

    saved = Signal(object)

    def __init__(
        self,
        env: Env,
        parent: QWidget,
        title: str,
        record: TeamRecord,
        specs: Sequence[FieldSpec],
        save: Callable[[Session, Any], object],
        *,
        intro: str = "",
        delete: Callable[[Session, Any], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = env.runner
        self.record = record
        self.specs = list(specs)
        self._save = save
        self._delete = delete
        self._confirm_delete = False
        self.setWindowTitle(title)
        self.setObjectName("RecordDialog")
        self.message = MessageBar()
        self.form = Form()
        self.inputs: dict[str, _Input] = {}
        for spec in self.specs:
            field = _Input(spec, env)
            field.set(getattr(record, spec.name))
            self.form.add(spec.name, spec.label, field.widget)
            self.inputs[spec.name] = field
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(delete is not None)
        shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        shortcut.activated.connect(self.save)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        if intro:
            body_layout.addWidget(muted(intro))
        body_layout.addWidget(self.form)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2))
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addLayout(hbox(self.delete_button, None, self.cancel_button, self.save_button))
        self.resize(560, min(120 + 64 * len(self.specs), 720))
        if self.specs:
            self.inputs[self.specs[0].name].widget.setFocus()

    def widget(self, name: str) -> QWidget:
        return self.inputs[name].widget

    def candidate(self) -> Any:
        """The record as typed; raises ValidationError with every problem at once."""
        values: dict[str, Any] = {}
        errors: list[FieldError] = []
        for name, field in self.inputs.items():
            try:
                values[name] = field.get(getattr(self.record, name))
            except FieldInputError as exc:
                errors.append(FieldError(name, exc.code, ""))
        if errors:
            raise ValidationError(errors)
        record = msgspec.structs.replace(self.record, **values)
        errors = record.validate()
        if errors:
            raise ValidationError(errors)
        return record

    def save(self) -> None:
        self.form.clear_errors()
        self.message.clear()
        try:
            record = self.candidate()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        self.save_button.setEnabled(False)
        save = self._save

        def job(ctx: Context) -> object:
            return save(ctx.require(), record)

        def done(result: object, error: BaseException | None) -> None:
            self.save_button.setEnabled(True)
            if error is not None:
                if isinstance(error, ValidationError):
                    self.show_errors(error.errors)
                else:
                    self.message.show_error(error_text(error))
                return
            self.saved.emit(record)
            self.accept()

        self.runner.submit(self, job, done, mutates=True)

    def delete(self) -> None:
        if self._delete is None:
            return
        if not self._confirm_delete:
            self._confirm_delete = True
            self.delete_button.setText(self.tr("Click again to &delete"))
            self.message.show_warning(self.tr("Delete this? It cannot be undone here."))
            return
        delete, record = self._delete, self.record

        def job(ctx: Context) -> object:
            return delete(ctx.require(), record)

        def done(result: object, error: BaseException | None) -> None:
            if error is not None:
                self.message.show_error(error_text(error))
                return
            self.accept()

        self.runner.submit(self, job, done, mutates=True)

    def show_errors(self, errors: Sequence[FieldError]) -> None:
        general: list[str] = []
        first: QWidget | None = None
        for error in errors:
            text = i18n.field_error_text(error)
            if self.form.show_error(error.field, text):
                first = first or self.inputs[error.field].widget
            else:
                general.append(text)
        if general:
            self.message.show_error(" ".join(general))
        if first is not None:
            first.setFocus()

    def done(self, result: int) -> None:
        self.runner.forget(self)
        super().done(result)


S = TypeVar("S")


class ScreenSettingsDialog(QDialog, Generic[S]):
    """A profile's settings of one screen (the radar's thresholds, Overblik's goal): read on
    the worker, shown in a form, checked by :meth:`candidate`, saved on the worker, and
    ``saved`` emitted with them. A subclass builds its fields in ``self.form``, then calls
    :meth:`finish`; it says how the settings are read, shown, checked and stored."""

    saved = Signal(object)

    def __init__(self, env: Env, parent: QWidget) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = env.runner
        self.settings: S | None = None
        self.message = MessageBar()
        self.form = Form()

    def finish(self, title: str, extra: QPushButton | None = None) -> None:
        """The buttons and the layout around the fields, then the settings are read."""
        self.setWindowTitle(title)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, 2))
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addLayout(hbox(extra, None, cancel, self.save_button))
        self.form.setEnabled(False)
        self.runner.submit(self, self.load, self._loaded)

    # --- what a subclass says ------------------------------------------------------------------

    def load(self, ctx: Context) -> S:
        """On the worker."""
        raise NotImplementedError

    def show_settings(self, settings: S) -> None:
        """Fill the fields, and put the focus where the worker starts."""
        raise NotImplementedError

    def candidate(self) -> S | None:
        """The settings as entered; None (with the reason shown) if they do not make sense."""
        raise NotImplementedError

    def store(self, ctx: Context, settings: S) -> None:
        """On the worker."""
        raise NotImplementedError

    # --- the flow --------------------------------------------------------------------------------

    def _loaded(self, settings: S | None, error: BaseException | None) -> None:
        if error is not None or settings is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.settings = settings
        self.form.setEnabled(True)
        self.show_settings(settings)

    def save(self) -> None:
        settings = self.candidate()
        if settings is None or not self.form.isEnabled():
            return

        def job(ctx: Context) -> S:
            self.store(ctx, settings)
            return settings

        self.runner.submit(self, job, self._saved)

    def _saved(self, settings: S | None, error: BaseException | None) -> None:
        if error is not None or settings is None:
            self.message.show_error(error_text(error or RuntimeError()))
            return
        self.saved.emit(settings)
        self.accept()

    def done(self, result: int) -> None:
        self.runner.forget(self)
        super().done(result)
