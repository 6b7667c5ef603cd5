#!/usr/bin/env bash
# Builds Gadeplan for macOS: Gadeplan.app (PyInstaller's BUNDLE in build/gadeplan.spec), its
# self-test, the .dmg, the SBOM and the audit. Run on a Mac (Apple silicon builds arm64, an Intel
# Mac x86_64) with Python 3.11 and Git:
#
#     build/macos/build.sh [required|offline-ok]     # the audit mode, as for `make dist`
#
# Output in dist/: Gadeplan.app, Gadeplan-<version>-macos-<arch>.dmg, sbom.cdx.json, audit.txt.
#
# Signing and notarisation are hooks that run only when their variables are set:
#   GADEPLAN_CODESIGN_IDENTITY  "Developer ID Application: <Name> (<TEAMID>)", in the login
#                               keychain: every binary in the app is signed with the hardened
#                               runtime (build/macos/entitlements.plist), then the app, then
#                               the .dmg.
#   GADEPLAN_NOTARY_PROFILE     a notarytool keychain profile, made once with
#                               `xcrun notarytool store-credentials <profile> --apple-id ...
#                               --team-id ...`: the .dmg is sent to Apple's notary service,
#                               waited for, and the ticket stapled to it.
# Unsigned, Gatekeeper refuses the app on other Macs unless IT allows it by MDM.
#
# Written on Linux and not run there (PyInstaller builds for the system it runs on, and
# hdiutil, codesign and notarytool exist only on macOS); check the first run on a Mac.
set -euo pipefail
cd "$(dirname "$0")/../.."
audit="${1:-required}"
python="${PYTHON:-python3.11}"

echo "==> environment (.venv, pinned by constraints.txt)"
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check pip==25.3
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dist]'
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' gadeplan/__init__.py)"
arch="$(uname -m)"

echo "==> translations and icons"
.venv/bin/pyside6-lrelease -silent resources/translations/gadeplan_da.ts \
  -qm resources/translations/gadeplan_da.qm
.venv/bin/python build/icons.py .dist-work/icons

echo "==> PyInstaller (Gadeplan.app)"
export PYTHONHASHSEED=0
SOURCE_DATE_EPOCH="$(git log -1 --format=%ct 2>/dev/null || echo 1767225600)"
export SOURCE_DATE_EPOCH
export GADEPLAN_ICONS="$PWD/.dist-work/icons"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath .dist-work/pyinstaller --distpath dist build/gadeplan.spec
app="dist/Gadeplan.app"

echo "==> self-test of the app"
"$app/Contents/MacOS/gadeplan" self-test

if [ -n "${GADEPLAN_CODESIGN_IDENTITY:-}" ]; then
  echo "==> signing (hardened runtime)"
  sign=(codesign --force --timestamp --options runtime
        --entitlements build/macos/entitlements.plist --sign "$GADEPLAN_CODESIGN_IDENTITY")
  # Inside out: every Mach-O file first (libraries, Qt's plugins, the executable), then the
  # app (not `codesign --deep`, which Apple advises against for signing).
  while IFS= read -r -d '' file; do
    if file -b "$file" | grep -q "Mach-O"; then "${sign[@]}" "$file"; fi
  done < <(find "$app/Contents" -type f -print0)
  "${sign[@]}" "$app"
  codesign --verify --strict --deep --verbose=2 "$app"
fi

echo "==> disk image"
dmg="dist/Gadeplan-$version-macos-$arch.dmg"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"  # drag the app onto it to install
rm -f "$dmg"
hdiutil create -volname "Gadeplan $version" -srcfolder "$staging" -fs HFS+ -format UDZO \
  -ov "$dmg"

if [ -n "${GADEPLAN_CODESIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$GADEPLAN_CODESIGN_IDENTITY" "$dmg"
fi
if [ -n "${GADEPLAN_NOTARY_PROFILE:-}" ]; then
  if [ -z "${GADEPLAN_CODESIGN_IDENTITY:-}" ]; then
    echo "Notarisation needs a signed app: set GADEPLAN_CODESIGN_IDENTITY too." >&2
    exit 1
  fi
  echo "==> notarisation"
  xcrun notarytool submit "$dmg" --keychain-profile "$GADEPLAN_NOTARY_PROFILE" --wait
  xcrun stapler staple "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose "$dmg"
fi

echo "==> SBOM and audit (this platform's packages)"
.venv/bin/python build/dist.py --no-bundle --audit "$audit"
echo "Done: $dmg"
