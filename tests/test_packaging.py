"""``make dist``'s rules that a build without network cannot show: an audit that checked
nothing is never a clean audit, and the SBOM lists what the program runs on, not the tools."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

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
    pins = dict(
        line.split("==")
        for line in (ROOT / "constraints.txt").read_text().splitlines()
        if "==" in line
    )
    pinned = {name.lower().replace("_", "-"): version for name, version in pins.items()}
    assert packages["keyring"] == pinned["keyring"]
