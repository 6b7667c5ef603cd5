"""Small widgets every screen uses: a labelled form, a date field, an inline message bar.

Every input gets a visible label that is its buddy (so Alt+letter reaches it) and the same text
as its accessible name (so a screen reader says what it is). Colours come from the palette, so
the OS dark mode works; the only colours of our own are the error and success tints, chosen for
the palette's lightness.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

_MNEMONIC = re.compile(r"&(?!&)")


def plain(text: str) -> str:
    """A label's text without its mnemonic ampersand, for accessible names."""
    return _MNEMONIC.sub("", text).replace("&&", "&")


def is_dark(widget: QWidget | None = None) -> bool:
    palette = widget.palette() if widget is not None else QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(widget: QWidget | None = None) -> QColor:
    return QColor("#ff8a80") if is_dark(widget) else QColor("#b3261e")


def warning_color(widget: QWidget | None = None) -> QColor:
    return QColor("#ffcc80") if is_dark(widget) else QColor("#8a4b00")


def ok_color(widget: QWidget | None = None) -> QColor:
    return QColor("#a5d6a7") if is_dark(widget) else QColor("#1b5e20")


def heading(text: str, level: int = 1, *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * {1: 1.6, 2: 1.25, 3: 1.05}.get(level, 1.0))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(wrap)
    label.setAccessibleName(plain(text))
    return label


def muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def link_button(text: str) -> QPushButton:
    """A quiet button that reads like a link but is reachable with Tab and Enter."""
    button = QPushButton(text)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    font = QFont(button.font())
    font.setUnderline(True)
    button.setFont(font)
    return button


class MessageBar(QFrame):
    """An inline message above a form: errors stay until the next attempt, never a modal box
    that steals focus (and blocks tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.hide()

    @property
    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def show_error(self, text: str) -> None:
        self._show(text, error_color(self))

    def show_warning(self, text: str) -> None:
        self._show(text, warning_color(self))

    def show_info(self, text: str) -> None:
        self._show(text, None)

    def _show(self, text: str, color: QColor | None) -> None:
        palette = self.label.palette()
        if color is not None:
            palette.setColor(QPalette.ColorRole.WindowText, color)
        else:
            palette = QApplication.palette(self.label)
        self.label.setPalette(palette)
        self.label.setText(text)
        self.setAccessibleName(text)
        self.show()

    def clear(self) -> None:
        self.label.clear()
        self.hide()


class ChoiceBox(QComboBox):
    """A combo box whose values stay Python objects. QComboBox's item data goes through
    QVariant, which turns a StrEnum into a plain str; the domain compares enums by identity."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[object] = []

    def add(self, label: str, value: object) -> None:
        self._values.append(value)
        self.addItem(label)

    def value(self) -> Any:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def index_of(self, value: object) -> int:
        for index, candidate in enumerate(self._values):
            if candidate == value and type(candidate) is type(value):
                return index
        return -1

    def set_value(self, value: object) -> None:
        self.setCurrentIndex(max(0, self.index_of(value)))


class AgeBox(QSpinBox):
    """An age, or "unknown" (the minimum). Typing a digit over "unknown" starts a number
    instead of being refused, wherever the cursor is."""

    def __init__(self, unknown_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 120)
        self.setSpecialValueText(unknown_text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.value() == self.minimum() and event.text().isdigit():
            self.lineEdit().clear()
        super().keyPressEvent(event)

    def age(self) -> int | None:
        return self.value() or None


class FieldInputError(ValueError):
    """Text that cannot be read as the field's type; ``code`` is one of the FieldErrors codes."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


_DATE = re.compile(r"^\s*(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{2}|\d{4})\s*$")
_COMPACT = re.compile(r"^\s*(\d{2})(\d{2})(\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
_RELATIVE = re.compile(r"^\s*\+\s*(\d{1,4})\s*$")


def parse_date(text: str, today: date) -> date | None:
    """Dates as Danes write them (24-12-2026, 24.12.26, 241226), ISO, or ``+7`` for a week
    from today. Empty is None; anything else raises FieldInputError."""
    if not text.strip():
        return None
    relative = _RELATIVE.match(text)
    if relative:
        return today + timedelta(days=int(relative.group(1)))
    iso = _ISO.match(text)
    if iso:
        parts = (int(iso.group(3)), int(iso.group(2)), int(iso.group(1)))
    else:
        match = _DATE.match(text) or _COMPACT.match(text)
        if not match:
            raise FieldInputError("date_format")
        day, month, year_text = match.groups()
        year = int(year_text)
        if len(year_text) == 2:
            # Two digits: the nearest century that keeps the date within 80 years back.
            year += 2000 if year <= (today.year % 100) + 20 else 1900
        parts = (int(day), int(month), year)
    try:
        return date(parts[2], parts[1], parts[0])
    except ValueError as exc:
        raise FieldInputError("date_format") from exc


class DateField(QLineEdit):
    """A date typed from the keyboard; ``+7`` means a week from today."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.setPlaceholderText(self.tr("DD-MM-YYYY"))
        self.setMaxLength(12)

    def value(self) -> date | None:
        return parse_date(self.text(), self._today())

    def set_value(self, value: date | datetime | None) -> None:
        if isinstance(value, datetime):
            value = value.date()
        self.setText(f"{value:%d-%m-%Y}" if value else "")


class Form(QWidget):
    """Label above or beside each input, an error line under it, tab order top to bottom."""

    def __init__(self, parent: QWidget | None = None, *, columns: int = 1) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setVerticalSpacing(4)
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self._row = 0
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, name: str, text: str, widget: QWidget, *, stretch: bool = False) -> QWidget:
        label = QLabel(text)
        label.setBuddy(widget)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        label.setContentsMargins(0, 4, 0, 0)
        widget.setAccessibleName(plain(text))
        error = QLabel()
        error.setWordWrap(True)
        palette = error.palette()
        palette.setColor(QPalette.ColorRole.WindowText, error_color(self))
        error.setPalette(palette)
        error.hide()
        self.grid.addWidget(label, self._row, 0)
        self.grid.addWidget(widget, self._row, 1)
        self.grid.addWidget(error, self._row + 1, 1)
        if stretch:
            self.grid.setRowStretch(self._row, 1)
        self._row += 2
        self.inputs[name] = widget
        self.labels[name] = label
        self.errors[name] = error
        return widget

    def add_widget(self, widget: QWidget | QLayout) -> None:
        """Something without its own label (a row of buttons, a hint)."""
        if isinstance(widget, QLayout):
            self.grid.addLayout(widget, self._row, 1)
        else:
            self.grid.addWidget(widget, self._row, 1)
        self._row += 1

    def show_error(self, name: str, text: str) -> bool:
        """Show ``text`` under the field ``name``; False if the form has no such field."""
        error = self.errors.get(name)
        if error is None:
            return False
        error.setText(text)
        error.setAccessibleName(text)
        error.show()
        self.inputs[name].setAccessibleDescription(text)
        return True

    def clear_errors(self) -> None:
        for name, error in self.errors.items():
            error.clear()
            error.hide()
            self.inputs[name].setAccessibleDescription("")

    def visible_errors(self) -> dict[str, str]:
        return {n: e.text() for n, e in self.errors.items() if not e.isHidden()}


def vbox(*items: QWidget | QLayout, margins: int = 0, spacing: int = 8) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


def hbox(*items: QWidget | QLayout | None, spacing: int = 8) -> QHBoxLayout:
    """``None`` is a stretch."""
    layout = QHBoxLayout()
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for item in items:
        if item is None:
            layout.addStretch(1)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout
