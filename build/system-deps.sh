#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the test suite needs, only where they are missing, so a
# fresh machine (and CI) never depends on what happens to be installed.
set -euo pipefail
needed=()
# Qt's offscreen platform still loads these shared libraries.
for pkg in libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
# `make screenshots` turns the council report's first PDF page into a PNG with pdftoppm (the
# PySide6 wheels carry no QtPdf); the tests read the PDF in pure Python and do not need it.
command -v pdftoppm >/dev/null || needed+=(poppler-utils)
# The backend tests start a throw-away PostgreSQL server (initdb, pg_ctl). Debian keeps them in
# /usr/lib/postgresql/<version>/bin, off PATH, so look there too before installing.
have_postgres() {
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then return 0; fi
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/pg_ctl" ]; then return 0; fi
  done
  return 1
}
have_postgres || needed+=(postgresql)
# CI checks that the frozen bundle finds the Secret Service keychain (the back end a bundle most
# easily loses): a GNOME Keyring daemon in a private D-Bus session (.ci/run).
command -v gnome-keyring-daemon >/dev/null || needed+=(gnome-keyring)
# PyInstaller reads the libraries it bundles with binutils' objdump (`make dist`).
command -v objdump >/dev/null || needed+=(binutils)
command -v dbus-run-session >/dev/null || needed+=(dbus-daemon)
if [ ${#needed[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Missing system packages: ${needed[*]} (install them with your package manager)." >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing system packages: ${needed[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
