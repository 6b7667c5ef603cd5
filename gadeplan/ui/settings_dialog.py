"""Settings and About: language, idle lock time (within the machine policy), passphrase change,
the sign-in to the municipal server, and what the program is and how the profile is protected."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.policy import APP_NAME
from gadeplan.app.services.sync import SyncService, SyncStatus
from gadeplan.ui import i18n
from gadeplan.ui.env import Env
from gadeplan.ui.gate import PassphrasePair
from gadeplan.ui.messages import error_text
from gadeplan.ui.sync_status import SyncController
from gadeplan.ui.tasks import Context
from gadeplan.ui.widgets import ChoiceBox, Form, MessageBar, hbox, heading, muted


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    idle_changed = Signal(int)
    #: The worker asked to sign in to the server (the main window opens the dialog).
    sign_in = Signal()

    def __init__(
        self,
        env: Env,
        parent: QWidget,
        *,
        unlocked: bool = False,
        about: bool = False,
        sync: SyncController | None = None,
    ) -> None:
        super().__init__(parent)
        self.env = env
        self.runner = env.runner
        self.unlocked = unlocked
        self.sync = sync
        self.about_first = about
        self.setObjectName("SettingsDialog")
        self.content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self.build()
        self.resize(620, 680)

    def build(self) -> None:
        """(Re)build every widget in the current language."""
        if self.content is not None:
            self._layout.removeWidget(self.content)
            self.content.deleteLater()
        self.setWindowTitle(self.tr("Settings"))
        env = self.env
        prefs = env.prefs
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(self.tr("Settings"), 2))
        self.message = MessageBar()
        layout.addWidget(self.message)

        general = QGroupBox(self.tr("Language and lock"))
        form = Form()
        self.language = ChoiceBox()
        for code in i18n.LANGUAGES:
            self.language.add(i18n.LANGUAGE_NAMES[code], code)
        self.language.set_value(env.translations.language)
        self.language.setEnabled(not prefs.language_locked)
        self.language.currentIndexChanged.connect(self._language_chosen)
        form.add("language", self.tr("&Language"), self.language)
        if prefs.language_locked:
            form.add_widget(muted(self.tr("The machine policy sets the language.")))
        self.idle = QSpinBox()
        self.idle.setRange(1, prefs.idle_lock_limit)
        self.idle.setValue(prefs.idle_lock_minutes)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.valueChanged.connect(self._idle_chosen)
        form.add("idle", self.tr("Lock after &no use for"), self.idle)
        form.add_widget(
            muted(
                self.tr("The machine policy allows at most %n minutes.", "", prefs.idle_lock_limit)
            )
        )
        QVBoxLayout(general).addWidget(form)
        layout.addWidget(general)

        passphrase = QGroupBox(self.tr("Passphrase"))
        self.passphrase_form = Form()
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_form.add("current", self.tr("C&urrent passphrase"), self.current)
        self.new = PassphrasePair(self.passphrase_form, self.tr("&New passphrase"))
        self.change_button = QPushButton(self.tr("&Change passphrase"))
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self.change_passphrase)
        self.new.changed.connect(self._update)
        self.current.textChanged.connect(self._update)
        self.passphrase_form.add_widget(
            muted(self.tr("The recovery key stays the same; the data is not re-encrypted."))
        )
        self.passphrase_form.add_widget(self.change_button)
        QVBoxLayout(passphrase).addWidget(self.passphrase_form)
        layout.addWidget(passphrase)

        server = QGroupBox(self.tr("Server and sync"))
        self.server_text = QLabel()
        self.server_text.setWordWrap(True)
        self.server_text.setTextFormat(Qt.TextFormat.PlainText)
        self.server_hint = muted()
        self.sign_in_button = QPushButton(self.tr("Sign &in to the server…"))
        self.sign_in_button.setAutoDefault(False)
        self.sign_in_button.clicked.connect(self._sign_in)
        self.sign_in_button.hide()
        server_layout = QVBoxLayout(server)
        server_layout.addWidget(self.server_text)
        server_layout.addWidget(self.server_hint)
        server_layout.addLayout(hbox(self.sign_in_button, None))
        layout.addWidget(server)

        about = QGroupBox(self.tr("About Gadeplan"))
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        QVBoxLayout(about).addWidget(self.about)
        layout.addWidget(about)
        layout.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addLayout(hbox(None, close))
        self._layout.addWidget(content)
        self.content = content
        self._load_about()
        self._load_server()
        self._update()
        (close if self.about_first else self.language).setFocus()

    # --- language and idle time ------------------------------------------------------------------

    def _language_chosen(self) -> None:
        code = self.language.value()
        if code == self.env.translations.language:
            return
        self.env.prefs.language = code
        self.env.translations.apply(code)
        self.language_changed.emit(code)
        self.build()

    def _idle_chosen(self, minutes: int) -> None:
        self.env.prefs.idle_lock_minutes = minutes
        self.idle_changed.emit(self.env.prefs.idle_lock_minutes)

    # --- passphrase ------------------------------------------------------------------------------

    def _load_passphrase_minimum(self, minimum: int) -> None:
        self.new.set_minimum(minimum)

    def _update(self) -> None:
        self.change_button.setEnabled(bool(self.current.text()) and self.new.valid)

    def change_passphrase(self) -> None:
        if not self.change_button.isEnabled():
            return
        old, new = self.current.text(), self.new.value()
        self.current.clear()
        self.new.clear()
        self.passphrase_form.setEnabled(False)
        self.message.show_info(self.tr("Changing the passphrase…"))
        access = self.env.access

        def job(ctx: Context) -> None:
            access.change_passphrase(old, new)

        def done(result: object, error: BaseException | None) -> None:
            self.passphrase_form.setEnabled(True)
            if error is not None:
                self.message.show_error(error_text(error))
                self.current.setFocus()
                return
            self.message.show_info(
                self.tr("The passphrase is changed. Use the new one from now on.")
            )

        self.runner.submit(self, job, done)

    # --- server ----------------------------------------------------------------------------------

    def _load_server(self) -> None:
        if not self.unlocked:
            self.server_text.setText(self.tr("Unlock Gadeplan to see or change the sign-in."))
            return
        policy = self.env.prefs.policy

        def job(ctx: Context) -> SyncStatus:
            return SyncService(ctx.require(), policy).status()

        self.runner.submit(self, job, self._got_server)

    def _got_server(self, status: SyncStatus | None, error: BaseException | None) -> None:
        if status is None:
            self.server_text.setText(error_text(error or RuntimeError()))
            return
        if status.registered:
            text = self.tr("Signed in as {worker} on {server}.").format(
                worker=status.worker_name or "?", server=status.server_url or "?"
            )
            if status.team_names:
                text += " " + self.tr("Team: {teams}.").format(teams=", ".join(status.team_names))
            self.server_hint.setText(
                self.tr(
                    "Work syncs by itself every few minutes while Gadeplan is open, and with "
                    "Ctrl+S. To sign in as someone else, IT must first revoke this computer."
                )
            )
            self.sign_in_button.hide()
        else:
            text = self.tr(
                "Not signed in. Until you sign in, your work is saved on this computer only."
            )
            self.server_hint.setText(
                self.tr("Signing in moves the work saved here into your team on the server.")
            )
            self.sign_in_button.setVisible(self.sync is not None)
        self.server_text.setText(text)
        self.server_text.setAccessibleName(text)

    def _sign_in(self) -> None:
        self.sign_in.emit()
        self.accept()

    # --- about -----------------------------------------------------------------------------------

    def _load_about(self) -> None:
        access = self.env.access

        def job(ctx: Context) -> tuple[str | None, int | None]:
            if not access.exists():
                return None, None
            protection = access.protection()
            return protection, access.minimum_passphrase(protection)

        def done(result: tuple[str | None, int | None] | None, error: BaseException | None) -> None:
            protection, minimum = result or (None, None)
            if minimum is not None:
                self._load_passphrase_minimum(minimum)
            policy = self.env.prefs.policy
            lines = [
                self.tr("{name} version {version}").format(
                    name=APP_NAME, version=self.env.version or "?"
                ),
                self.tr("Protection: {protection}").format(
                    protection=i18n.protection_text(protection)
                    if protection
                    else self.tr("no profile yet")
                ),
                self.tr("Data folder: {folder}").format(folder=access.folder),
                self.tr("Machine policy: {source}").format(
                    source=self.tr("none (defaults)")
                    if policy.source == "defaults"
                    else policy.source
                ),
            ]
            self.about.setText("\n".join(lines))
            self.about.setAccessibleName("\n".join(lines))
            if error is not None:
                self.message.show_error(error_text(error))

        self.runner.submit(self, job, done)

    def done(self, result: int) -> None:
        self.runner.forget(self)
        super().done(result)
