"""``make dist``'s rules that a build without network cannot show: an audit that checked
nothing is never a clean audit, and the SBOM lists what the program runs on, not the tools."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dist() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gadeplan_dist", ROOT / "build" / "dist.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_an_audit_that_skipped_every_package_is_not_clean(dist: ModuleType) -> None:
    # What pip-audit writes (with exit status 0 and "No known vulnerabilities found") when
    # the vulnerability service cannot be reached.
    report = {
        "dependencies": [
            {"name": "keyring", "skip_reason": "Dependency not found on PyPI: keyring (25.7.0)"},
            {"name": "httpx", "skip_reason": "Dependency not found on PyPI: httpx (0.28.1)"},
        ],
        "fixes": [],
    }
    result = dist.interpret(report, packages=2)
    assert not result.complete
    assert not result.vulnerabilities
    text = dist.audit_text(result)
    assert text.startswith("NOT AUDITED: 2 of 2 packages")
    assert "Packages audited: 0 of 2." in text


def test_an_audit_that_missed_packages_is_not_clean(dist: ModuleType) -> None:
    report = {"dependencies": [{"name": "keyring", "version": "25.7.0", "vulns": []}]}
    result = dist.interpret(report, packages=2)
    assert not result.complete
    assert "1 of 2" in result.failure


def test_a_vulnerability_is_reported_with_its_fix(dist: ModuleType) -> None:
    report = {
        "dependencies": [
            {"name": "keyring", "version": "25.7.0", "vulns": []},
            {
                "name": "httpx",
                "version": "0.28.1",
                "vulns": [{"id": "GHSA-test", "fix_versions": ["0.28.2"]}],
            },
        ]
    }
    result = dist.interpret(report, packages=2)
    assert result.complete
    assert result.vulnerabilities == [("httpx", "0.28.1", "GHSA-test", ["0.28.2"])]
    assert "httpx 0.28.1: GHSA-test, fixed in 0.28.2" in dist.audit_text(result)


def test_the_runtime_packages_are_the_programs_not_the_tools(dist: ModuleType) -> None:
    packages = dist.runtime_packages(shipped=())  # PyInstaller: not in the tests' install
    for needed in ("keyring", "sqlcipher3", "pyside6-essentials", "pyside6-addons", "truststore"):
        assert needed in packages
    for tool in ("fastapi", "sqlalchemy", "pytest", "mypy", "pip-audit", "cyclonedx-bom"):
        assert tool not in packages
    # Pinned: the versions are constraints.txt's.
    pinned: dict[str, str] = {
        canonicalize_name(r.name): str(r.specifier)[2:] for r in constraints()
    }
    assert packages["keyring"] == pinned["keyring"]


def constraints() -> list[Requirement]:
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    return [Requirement(line) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_what_only_another_platform_installs_is_pinned_too(platform: str) -> None:
    """`make lock` freezes Linux: a Windows or macOS build would otherwise take whatever
    version of these the index has that day."""
    environment = {
        "sys_platform": platform,
        "platform_system": {"win32": "Windows"}.get(platform, "Darwin"),
        "os_name": "nt" if platform == "win32" else "posix",
    }
    pinned = {
        canonicalize_name(r.name)
        for r in constraints()
        if r.specifier and (r.marker is None or r.marker.evaluate(environment))
    }
    needed: set[str] = set()
    for dist in metadata.distributions():
        for text in dist.requires or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or "extra" in str(marker):
                continue
            if marker.evaluate(environment) and not marker.evaluate({"sys_platform": "linux"}):
                needed.add(canonicalize_name(requirement.name))
    if platform == "win32":
        assert "pywin32-ctypes" in needed  # keyring's: the search itself works
    assert needed <= pinned, (
        f"pin these in build/constraints-other-platforms.txt: {needed - pinned}"
    )


# --- the system libraries in the SBOM ------------------------------------------------------------


def _debian_library(dist: ModuleType, name: str) -> Path:
    if shutil.which("dpkg") is None:
        pytest.skip("needs dpkg (a Debian or Ubuntu build machine)")
    for folder in dist._library_folders():
        if (folder / name).is_file():
            return Path(folder / name)
    pytest.skip(f"{name} is not installed here")


def test_the_sbom_lists_the_system_libraries_copied_into_the_bundle(
    dist: ModuleType, tmp_path: Path
) -> None:
    internal = tmp_path / "_internal"
    internal.mkdir()
    zlib = _debian_library(dist, "libz.so.1")
    shutil.copyfile(zlib, internal / "libz.so.1")  # as PyInstaller copies it
    # Same names, other files: Qt's from the PySide6 wheel (that package's component), and a
    # library that only shares its name with Debian's (pyenv's libpython, say).
    (internal / "libQt6Core.so.6").write_bytes(b"from the wheel")
    (internal / "libexpat.so.1").write_bytes(b"not Debian's libexpat")
    (internal / "libmystery.so.2.1").write_bytes(b"who knows")
    (internal / "base_library.zip").write_bytes(b"")

    names = [p.name for p in dist.bundled_system_libraries(internal)]
    assert names == ["libexpat.so.1", "libmystery.so.2.1", "libz.so.1"]

    components = {c["name"]: c for c in dist.system_components(internal)}
    owner = subprocess.run(
        ["dpkg", "-S", str(zlib)], capture_output=True, text=True, check=True
    ).stdout.split(":")[0]
    version = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", owner], capture_output=True, text=True, check=True
    ).stdout
    zlib_component = components[owner]
    assert zlib_component["type"] == "library"
    assert zlib_component["version"] == version
    assert str(zlib_component["purl"]).startswith("pkg:deb/")
    assert "libz.so.1" in str(zlib_component["properties"])
    for stranger in ("libexpat.so.1", "libmystery.so.2.1"):
        assert components[stranger]["type"] == "file"
        [digest] = components[stranger]["hashes"]
        content = (internal / stranger).read_bytes()
        assert digest == {"alg": "SHA-256", "content": hashlib.sha256(content).hexdigest()}
    assert "libQt6Core.so.6" not in components
