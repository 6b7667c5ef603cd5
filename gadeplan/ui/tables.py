"""The table model every list screen shares (Vorta's pattern): a list of rows, column
constants, header labels translated each time they are asked for (so a language change needs
no rebuild), a record role that gives the row itself, and the text of each cell. A screen's
model says only what is its own: its headers, a cell's text, and any other role it answers.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)


class RowsModel(QAbstractTableModel, Generic[T]):
    COLUMNS: ClassVar[int] = 0
    RECORD_ROLE = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def _text(self, row: T, column: int) -> str:
        raise NotImplementedError

    def _other(self, row: T, column: int, role: int) -> Any:
        """Roles besides the text and the record (alignment, colour, tool tip, sort key)."""
        return None

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and 0 <= section < self.COLUMNS and role in TEXT_ROLES:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role in TEXT_ROLES:
            return self._text(row, index.column())
        if role == self.RECORD_ROLE:
            return row
        return self._other(row, index.column(), role)


RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
