"""The way in: first run (a new profile and its recovery key), unlock, and recovery.

The passphrase never leaves these widgets except inside the job that derives the key on the
worker thread; the fields are cleared as soon as the job is sent, and the recovery key is taken
off the screen once the worker confirms it is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gadeplan.app.errors import (
    KeychainEntryMissing,
    KeychainUnavailable,
    ProfileNotFound,
    Throttled,
    WeakPassphrase,
)
from gadeplan.app.services.access import ProfileAccess, Protection
from gadeplan.ui import i18n
from gadeplan.ui.messages import error_text, throttled_text
from gadeplan.ui.tasks import Context, TaskRunner
from gadeplan.ui.widgets import (
    Form,
    MessageBar,
    hbox,
    heading,
    link_button,
    muted,
    ok_color,
)


def _card(*widgets: QWidget) -> QWidget:
    """A narrow column in the middle of the window: the first screens are short forms."""
    outer = QWidget()
    column = QFrame()
    column.setMaximumWidth(560)
    layout = QVBoxLayout(column)
    layout.setSpacing(12)
    for widget in widgets:
        layout.addWidget(widget)
    wrapper = QVBoxLayout(outer)
    wrapper.addStretch(1)
    wrapper.addLayout(hbox(None, column, None))
    wrapper.addStretch(2)
    return outer


class PassphrasePair(QWidget):
    """A new passphrase typed twice, with the rules shown as they are met."""

    changed = Signal()

    def __init__(self, form: Form, first_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minimum = 10
        self.first = QLineEdit()
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form.add("passphrase", first_label, self.first)
        form.add("repeat", self.tr("&Repeat it"), self.second)
        self.show_plain = QCheckBox(self.tr("&Show what I type"))
        self.show_plain.toggled.connect(self._toggle_plain)
        form.add_widget(self.show_plain)
        self.length_rule = QLabel()
        self.same_rule = QLabel()
        form.add_widget(self.length_rule)
        form.add_widget(self.same_rule)
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self._update()

    def set_minimum(self, minimum: int) -> None:
        self.minimum = minimum
        self._update()

    @property
    def long_enough(self) -> bool:
        return len(self.first.text().strip()) >= self.minimum

    @property
    def same(self) -> bool:
        return bool(self.first.text()) and self.first.text() == self.second.text()

    @property
    def valid(self) -> bool:
        return self.long_enough and self.same

    def value(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def _toggle_plain(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _update(self) -> None:
        self._rule(
            self.length_rule,
            self.long_enough,
            self.tr("At least %n characters; a few words are easy to remember", "", self.minimum),
        )
        self._rule(self.same_rule, self.same, self.tr("The two are the same"))
        self.changed.emit()

    def _rule(self, label: QLabel, met: bool, text: str) -> None:
        mark = "✓" if met else "•"
        label.setText(f"{mark} {text}")
        palette = label.palette()
        color = ok_color(label) if met else self.palette().color(QPalette.ColorRole.WindowText)
        palette.setColor(QPalette.ColorRole.WindowText, color)
        label.setPalette(palette)
        state = self.tr("met") if met else self.tr("not met yet")
        label.setAccessibleName(f"{text}: {state}")


class FirstRunPage(QWidget):
    """Create the profile: the protection it will get, the passphrase rules, then the key."""

    created = Signal(str, str)  # recovery key, protection

    def __init__(self, access: ProfileAccess, runner: TaskRunner) -> None:
        super().__init__()
        self.access = access
        self.runner = runner
        self.protection: Protection | None = None
        self.title = heading(self.tr("Welcome to Gadeplan"))
        self.intro = muted(
            self.tr(
                "Gadeplan keeps your notes about the people you meet encrypted on this "
                "computer, and works without a network. Choose a passphrase to lock them with."
            )
        )
        self.protection_label = QLabel()
        self.protection_label.setWordWrap(True)
        self.message = MessageBar()
        self.form = Form()
        self.passphrase = PassphrasePair(self.form, self.tr("&Passphrase"))
        self.create_button = QPushButton(self.tr("&Create profile"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_profile)
        self.passphrase.changed.connect(self._update)
        self.passphrase.second.returnPressed.connect(self.create_profile)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _card(
                self.title,
                self.intro,
                self.protection_label,
                self.message,
                self.form,
                self.create_button,
            )
        )
        self._update()

    def start(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.form.setEnabled(False)
        access = self.access

        def job(ctx: Context) -> tuple[Protection, int]:
            protection = access.protection_for_new()
            return protection, access.minimum_passphrase(protection)

        self.runner.submit(self, job, self._got_protection)

    def _got_protection(
        self, result: tuple[Protection, int] | None, error: BaseException | None
    ) -> None:
        if error is not None or result is None:
            self.protection = None
            self.protection_label.clear()
            if isinstance(error, KeychainUnavailable):
                self.message.show_error(error_text(error))
            else:
                self.message.show_error(error_text(error or RuntimeError()))
            self._update()
            return
        self.protection, minimum = result
        self.passphrase.set_minimum(minimum)
        text = self.tr("Your profile will be protected by {protection}.").format(
            protection=i18n.protection_text(self.protection)
        )
        if self.protection == "passphrase":
            text += " " + self.tr(
                "Without a keychain the passphrase is the only lock, so it must be longer."
            )
        self.protection_label.setText(text)
        self.form.setEnabled(True)
        self._update()
        self.passphrase.first.setFocus()

    def _update(self) -> None:
        self.create_button.setEnabled(self.protection is not None and self.passphrase.valid)

    def create_profile(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase = self.passphrase.value()
        self.passphrase.clear()
        self.form.setEnabled(False)
        self.create_button.setEnabled(False)
        self.message.show_info(self.tr("Creating the encrypted profile…"))
        access = self.access

        def job(ctx: Context) -> tuple[str, str]:
            created = access.create(passphrase)
            ctx.open(created.session)
            return created.recovery_key, created.protection

        self.runner.submit(self, job, self._created)

    def _created(self, result: tuple[str, str] | None, error: BaseException | None) -> None:
        self.form.setEnabled(True)
        if error is not None or result is None:
            self.message.show_error(error_text(error or RuntimeError()))
            if isinstance(error, WeakPassphrase):
                self.passphrase.set_minimum(error.minimum)
            self._update()
            self.passphrase.first.setFocus()
            return
        self.message.clear()
        self.created.emit(*result)


class RecoveryKeyPage(QWidget):
    """The recovery key, shown once; the worker must say it is stored before going on."""

    confirmed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.title = heading(self.tr("Your recovery key"))
        self.intro = muted(
            self.tr(
                "If you forget the passphrase, or this computer's keychain is reset, the "
                "recovery key opens your profile. It is shown only this once. Write it down "
                "and keep it away from the laptop, or hand it to IT as your team has agreed."
            )
        )
        self.key = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.key.setFont(font)
        self.key.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key.setWordWrap(True)
        self.key.setFrameShape(QFrame.Shape.StyledPanel)
        self.key.setContentsMargins(12, 12, 12, 12)
        self.key.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.protection_label = QLabel()
        self.protection_label.setWordWrap(True)
        self.stored = QCheckBox(self.tr("I have &stored the recovery key safely"))
        self.stored.toggled.connect(self._update)
        self.continue_button = QPushButton(self.tr("C&ontinue"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self._continue)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _card(
                self.title,
                self.intro,
                self.key,
                self.protection_label,
                self.stored,
                self.continue_button,
            )
        )
        self._update()

    def show_key(self, recovery_key: str, protection: str) -> None:
        self.key.setText(recovery_key)
        self.key.setAccessibleName(self.tr("Recovery key: {key}").format(key=recovery_key))
        self.protection_label.setText(
            self.tr("Your profile is protected by {protection}.").format(
                protection=i18n.protection_text(protection)
            )
        )
        self.stored.setChecked(False)
        self._update()
        self.key.setFocus()

    def _update(self) -> None:
        self.continue_button.setEnabled(self.stored.isChecked())

    def _continue(self) -> None:
        if not self.stored.isChecked():
            return
        self.key.clear()
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.confirmed.emit()


class UnlockPage(QWidget):
    unlocked = Signal()
    #: The passphrase went to the worker: the key is being derived (the window may prepare).
    unlocking = Signal()
    want_recovery = Signal()
    no_profile = Signal()

    def __init__(self, access: ProfileAccess, runner: TaskRunner) -> None:
        super().__init__()
        self.access = access
        self.runner = runner
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.title = heading(self.tr("Gadeplan is locked"))
        self.intro = muted(self.tr("Type your passphrase to open your profile."))
        self.message = MessageBar()
        self.form = Form()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add("passphrase", self.tr("&Passphrase"), self.passphrase)
        self.passphrase.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.recover_link = link_button(self.tr("Forgot the passphrase? Use the &recovery key"))
        self.recover_link.clicked.connect(self.want_recovery)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _card(
                self.title,
                self.intro,
                self.message,
                self.form,
                self.unlock_button,
                self.recover_link,
            )
        )

    def start(self, notice: str = "") -> None:
        self.passphrase.clear()
        if notice:
            self.message.show_info(notice)
        elif not self._countdown.isActive():
            self.message.clear()
        self.passphrase.setFocus()

    def unlock(self) -> None:
        if self._countdown.isActive() or not self.passphrase.isEnabled():
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            return
        self.passphrase.clear()
        self._set_busy(True)
        self.message.show_info(self.tr("Unlocking…"))
        access = self.access

        def job(ctx: Context) -> None:
            ctx.open(access.open(passphrase))

        self.runner.submit(self, job, self._done)
        self.unlocking.emit()

    def _done(self, result: object, error: BaseException | None) -> None:
        self._set_busy(False)
        if error is None:
            self.message.clear()
            self.unlocked.emit()
            return
        if isinstance(error, ProfileNotFound):
            self.no_profile.emit()
            return
        if isinstance(error, Throttled):
            self._start_wait(error.retry_after_seconds)
        else:
            self.message.show_error(error_text(error, locked_means_in_use=True))
        if isinstance(error, KeychainEntryMissing):
            self.recover_link.setFocus()
        else:
            self.passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.passphrase.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy and not self._countdown.isActive())

    def _start_wait(self, seconds: int) -> None:
        self._wait_left = seconds
        self.unlock_button.setEnabled(False)
        self.message.show_error(throttled_text(seconds))
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._countdown.stop()
            self.unlock_button.setEnabled(True)
            self.message.show_info(self.tr("You can try again now."))
        else:
            self.message.show_error(throttled_text(self._wait_left))


class RecoveryPage(QWidget):
    """Open with the recovery key and choose a new passphrase."""

    recovered = Signal(str)  # the protection the profile has now
    back = Signal()

    def __init__(self, access: ProfileAccess, runner: TaskRunner) -> None:
        super().__init__()
        self.access = access
        self.runner = runner
        self.title = heading(self.tr("Open with the recovery key"))
        self.intro = muted(
            self.tr(
                "Type the recovery key you were shown when the profile was created (the "
                "dashes do not matter), then choose a new passphrase."
            )
        )
        self.message = MessageBar()
        self.form = Form()
        self.key = QLineEdit()
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.form.add("recovery_key", self.tr("Recovery &key"), self.key)
        self.passphrase = PassphrasePair(self.form, self.tr("&New passphrase"))
        self.passphrase.changed.connect(self._update)
        self.key.textChanged.connect(self._update)
        self.recover_button = QPushButton(self.tr("&Open and set the new passphrase"))
        self.recover_button.setDefault(True)
        self.recover_button.clicked.connect(self.recover)
        self.back_link = link_button(self.tr("&Back to unlock"))
        self.back_link.clicked.connect(self.back)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _card(
                self.title,
                self.intro,
                self.message,
                self.form,
                self.recover_button,
                self.back_link,
            )
        )
        self._update()

    def start(self) -> None:
        self.key.clear()
        self.passphrase.clear()
        self.message.clear()
        access = self.access

        def job(ctx: Context) -> int:
            return access.minimum_passphrase(access.protection())

        def done(minimum: int | None, error: BaseException | None) -> None:
            if minimum is not None:
                self.passphrase.set_minimum(minimum)
            elif error is not None:
                self.message.show_error(error_text(error))

        self.runner.submit(self, job, done)
        self.key.setFocus()

    def _update(self) -> None:
        self.recover_button.setEnabled(bool(self.key.text().strip()) and self.passphrase.valid)

    def recover(self) -> None:
        if not self.recover_button.isEnabled():
            return
        key, passphrase = self.key.text(), self.passphrase.value()
        self.key.clear()
        self.passphrase.clear()
        self.form.setEnabled(False)
        self.message.show_info(self.tr("Opening…"))
        access = self.access

        def job(ctx: Context) -> str:
            ctx.open(access.recover(key, passphrase))
            return access.protection()

        self.runner.submit(self, job, self._done)

    def _done(self, protection: str | None, error: BaseException | None) -> None:
        self.form.setEnabled(True)
        if error is not None or protection is None:
            self.message.show_error(error_text(error or RuntimeError()))
            self.key.setFocus()
            return
        self.message.clear()
        self.recovered.emit(protection)


class Gate(QStackedWidget):
    """The screens before the profile is open. ``opened`` carries a notice to show once."""

    opened = Signal(str)
    #: The unlock page sent a passphrase to the worker.
    unlocking = Signal()

    def __init__(self, access: ProfileAccess, runner: TaskRunner) -> None:
        super().__init__()
        self.access = access
        self.runner = runner
        #: The page nearly every start shows. The others are made when first shown: building
        #: them took two thirds of the window's construction (about 9 ms) at every start.
        self.unlock = UnlockPage(access, runner)
        self.addWidget(self.unlock)
        self.unlock.unlocked.connect(lambda: self.opened.emit(""))
        self.unlock.unlocking.connect(self.unlocking)
        self.unlock.want_recovery.connect(self.show_recovery)
        self.unlock.no_profile.connect(self.show_first_run)
        self._first_run: FirstRunPage | None = None
        self._recovery_key: RecoveryKeyPage | None = None
        self._recovery: RecoveryPage | None = None

    @property
    def first_run(self) -> FirstRunPage:
        if self._first_run is None:
            self._first_run = FirstRunPage(self.access, self.runner)
            self._first_run.created.connect(self._created)
            self.addWidget(self._first_run)
        return self._first_run

    @property
    def recovery_key(self) -> RecoveryKeyPage:
        if self._recovery_key is None:
            self._recovery_key = RecoveryKeyPage()
            self._recovery_key.confirmed.connect(lambda: self.opened.emit(""))
            self.addWidget(self._recovery_key)
        return self._recovery_key

    @property
    def recovery(self) -> RecoveryPage:
        if self._recovery is None:
            self._recovery = RecoveryPage(self.access, self.runner)
            self._recovery.back.connect(lambda: self.show_unlock())
            self._recovery.recovered.connect(self._recovered)
            self.addWidget(self._recovery)
        return self._recovery

    @property
    def showing_first_run(self) -> bool:
        return self._first_run is not None and self.currentWidget() is self._first_run

    @property
    def showing_recovery_key(self) -> bool:
        return self._recovery_key is not None and self.currentWidget() is self._recovery_key

    def start(self, notice: str = "") -> None:
        if self.access.exists():
            self.show_unlock(notice)
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        self.setCurrentWidget(self.first_run)
        self.first_run.start()

    def show_unlock(self, notice: str = "") -> None:
        self.setCurrentWidget(self.unlock)
        self.unlock.start(notice)

    def show_recovery(self) -> None:
        self.setCurrentWidget(self.recovery)
        self.recovery.start()

    def _created(self, recovery_key: str, protection: str) -> None:
        self.setCurrentWidget(self.recovery_key)
        self.recovery_key.show_key(recovery_key, protection)

    def _recovered(self, protection: str) -> None:
        self.opened.emit(
            self.tr(
                "The profile is open with your new passphrase. It is protected by {protection}."
            ).format(protection=i18n.protection_text(protection))
        )
