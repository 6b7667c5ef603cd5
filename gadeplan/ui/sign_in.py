"""Signing this laptop in to the municipal backend.

The password goes to the server once and is forgotten: the field is cleared as the request is
sent, and what the laptop keeps is a device token inside the encrypted store. The work done on
the laptop before signing in is moved into the worker's team by the sync service, and the
dialog says so, because it changes who can see that work.
"""

from __future__ import annotations

import platform

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from gadeplan.app.services.sync import Registration
from gadeplan.ui.env import Env
from gadeplan.ui.messages import sign_in_error_text
from gadeplan.ui.sync_status import SignInOutcome, SyncController
from gadeplan.ui.widgets import Form, MessageBar, hbox, heading, muted, ok_color


def computer_name() -> str:
    """The default device name: what IT sees in the list of devices to revoke."""
    return platform.node().split(".")[0] or "Gadeplan"


class SignInDialog(QDialog):
    signed_in = Signal(object)  # Registration

    def __init__(
        self,
        env: Env,
        controller: SyncController,
        parent: QWidget | None = None,
        *,
        address: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.controller = controller
        self.setObjectName("SignInDialog")
        self.setWindowTitle(self.tr("Sign in to the server"))
        self.registration: Registration | None = None
        policy = env.prefs.policy

        self.message = MessageBar()
        intro = muted(
            self.tr(
                "Use the username and password IT gave you. The password is not stored: this "
                "computer gets its own key, kept in the encrypted profile, until IT revokes it."
            )
        )
        self.form = Form()
        self.address = QLineEdit(address or policy.backend_url or "")
        self.address.setPlaceholderText("https://gadeplan.kommune.dk")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.device_name = QLineEdit(computer_name())
        self.device_name.setMaxLength(80)
        self.form.add("address", self.tr("Server &address"), self.address)
        if policy.backend_url:
            self.form.add_widget(muted(self.tr("Filled in from the machine policy.")))
        self.form.add("username", self.tr("&Username"), self.username)
        self.form.add("password", self.tr("&Password"), self.password)
        self.form.add("device_name", self.tr("&Computer name"), self.device_name)
        self.form.add_widget(muted(self.tr("IT sees this name in the list of devices.")))
        self.moves = QLabel(
            self.tr(
                "When you sign in, the work already saved on this computer moves into your team "
                "on the server, and your colleagues in the team see it after the first sync."
            )
        )
        self.moves.setWordWrap(True)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.outcome.hide()

        self.sign_in_button = QPushButton(self.tr("&Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        for field in (self.address, self.username, self.password, self.device_name):
            field.textChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Sign in to the server"), 2))
        layout.addWidget(intro)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        layout.addWidget(self.moves)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addLayout(hbox(None, self.close_button, self.sign_in_button))
        self.setMinimumWidth(580)
        self._update()
        (self.username if self.address.text() else self.address).setFocus()

    def _update(self) -> None:
        ready = all(
            f.text().strip() for f in (self.address, self.username, self.device_name)
        ) and bool(self.password.text())
        self.sign_in_button.setEnabled(ready and self.registration is None)

    def sign_in(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        password = self.password.text()
        self.password.clear()
        self.form.setEnabled(False)
        self.sign_in_button.setEnabled(False)
        self.message.show_info(self.tr("Signing in…"))
        self.controller.sign_in(
            self,
            self.address.text(),
            self.username.text().strip(),
            password,
            self.device_name.text().strip(),
            self._done,
        )

    def _done(self, outcome: SignInOutcome) -> None:
        registration = outcome.registration
        if registration is None:
            self.form.setEnabled(True)
            self.message.show_error(sign_in_error_text(outcome.error or "sync_error"))
            self.password.setFocus()
            self._update()
            return
        self.registration = registration
        self.message.clear()
        text = self.tr("Signed in as {worker}. Team: {teams}.").format(
            worker=registration.worker_name, teams=", ".join(registration.team_names)
        )
        text += " " + self.tr("The first sync has started; the status bar shows how it goes.")
        self.outcome.setText(text)
        self.outcome.setAccessibleName(text)
        palette = self.outcome.palette()
        palette.setColor(self.outcome.foregroundRole(), ok_color(self))
        self.outcome.setPalette(palette)
        self.outcome.show()
        self.moves.hide()
        self.sign_in_button.hide()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.signed_in.emit(registration)

    def done(self, result: int) -> None:
        self.env.runner.forget(self)
        super().done(result)
