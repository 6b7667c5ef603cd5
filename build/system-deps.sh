#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the test suite needs, only where they are missing, so a
# fresh machine (and CI) never depends on what happens to be installed.
set -euo pipefail
needed=()
# Qt's offscreen platform still loads these shared libraries.
for pkg in libgl1 libegl1 libxkbcommon0 libfontconfig1 libglib2.0-0 libdbus-1-3 fonts-dejavu-core; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || needed+=("$pkg")
done
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
