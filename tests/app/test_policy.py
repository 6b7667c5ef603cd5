"""The machine policy: defaults < policy.toml < the Windows registry, key by key; a policy
that cannot be trusted stops the program; ``gadeplan policy show`` tells IT what it adds up to.

The registry is played by an injected reader, so these run on any system.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import certifi
import pytest

from gadeplan.app.policy import REGISTRY_SOURCE, Policy, PolicyError, load_policy

CA = certifi.where()
ROW = re.compile(r"  (\S+) +(\S.*?) {2,}(\S+)")


def no_registry() -> Mapping[str, object] | None:
    return None


def registry(**values: object) -> Mapping[str, object]:
    return values


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_without_a_policy_every_key_has_its_default(tmp_path: Path) -> None:
    policy = load_policy(tmp_path / "absent.toml", registry=no_registry)
    assert policy == Policy()
    assert policy.source == "defaults"
    assert {src for _, _, src in policy.settings()} == {"default"}
    assert policy.retention_days is None


def test_the_file_wins_over_defaults_and_the_registry_over_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'backend_url = "https://gadeplan.esbjerg.dk"\n'
        "idle_lock_minutes = 10\n"
        "retention_days = 365\n"
        f'ca_certificate = "{CA}"\n',
    )
    policy = load_policy(
        path,
        registry=lambda: registry(
            idle_lock_minutes=3, allow_passphrase_only=0, language="da", min_passphrase_length=16
        ),
    )
    assert policy.backend_url == "https://gadeplan.esbjerg.dk"
    assert policy.retention_days == 365
    assert policy.ca_certificate == CA
    assert policy.idle_lock_minutes == 3  # set in both: Group Policy has the last word
    assert policy.allow_passphrase_only is False  # a REG_DWORD 0 is false
    assert policy.language == "da"
    assert policy.min_passphrase_length == 16
    assert dict(policy.sources) == {
        "backend_url": str(path),
        "retention_days": str(path),
        "ca_certificate": str(path),
        "idle_lock_minutes": REGISTRY_SOURCE,
        "allow_passphrase_only": REGISTRY_SOURCE,
        "language": REGISTRY_SOURCE,
        "min_passphrase_length": REGISTRY_SOURCE,
    }
    assert policy.source == f"{path} + {REGISTRY_SOURCE}"


def test_keys_nobody_set_say_default(tmp_path: Path) -> None:
    path = write(tmp_path, "idle_lock_minutes = 2\n")
    policy = load_policy(path, registry=no_registry)
    sources = {key: src for key, _, src in policy.settings()}
    assert sources.pop("idle_lock_minutes") == str(path)
    assert set(sources.values()) == {"default"}
    assert policy.source == str(path)


def test_the_registry_alone_and_its_names_in_any_case(tmp_path: Path) -> None:
    policy = load_policy(
        tmp_path / "absent.toml",
        registry=lambda: {"Retention_Days": 90, "": "", "Backend_URL": "https://x.example.dk"},
    )
    assert policy.retention_days == 90
    assert policy.backend_url == "https://x.example.dk"
    assert policy.source_of("retention_days") == REGISTRY_SOURCE
    assert policy.source == REGISTRY_SOURCE


def test_the_environment_variable_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "retention_days = 60\n")
    monkeypatch.setenv("GADEPLAN_POLICY", str(path))
    assert load_policy(registry=no_registry).retention_days == 60


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("idle_lock_minutes = \n", "not valid TOML"),
        ("retention_dayz = 90\n", "unknown keys: retention_dayz"),
        ("allow_passphrase_only = 'maybe'\n", "allow_passphrase_only must be true or false"),
        ("allow_passphrase_only = 1\n", "allow_passphrase_only must be true or false"),
        ("idle_lock_minutes = '5'\n", "idle_lock_minutes must be a whole number"),
        ("idle_lock_minutes = true\n", "idle_lock_minutes must be a whole number"),
        ("retention_days = 90.0\n", "retention_days must be a whole number"),
        ("backend_url = 8080\n", "backend_url must be a string"),
        ("retention_days = 29\n", "retention_days must be at least 30 days"),
        ("retention_days = 0\n", "retention_days must be at least 30 days"),
        ("idle_lock_minutes = 0\n", "idle_lock_minutes must be between 1 and 240"),
        ("idle_lock_minutes = 241\n", "idle_lock_minutes must be between 1 and 240"),
        ("min_passphrase_length = 4\n", "min_passphrase_length must be between 8 and 128"),
        ("min_passphrase_length = 129\n", "min_passphrase_length must be between 8 and 128"),
        ("language = 'de'\n", "language must be one of da, en"),
        ("backend_url = 'ftp://gadeplan.esbjerg.dk'\n", "backend_url is not a usable address"),
        ("backend_url = 'http://gadeplan.esbjerg.dk'\n", "backend_url is not a usable address"),
        ("backend_url = 'gadeplan.esbjerg.dk'\n", "backend_url is not a usable address"),
        ("ca_certificate = '/nowhere/ca.pem'\n", "ca_certificate names no such file"),
        ("ca_certificate = 'ca.pem'\n", "ca_certificate must be an absolute path"),
    ],
)
def test_a_malformed_file_is_refused(tmp_path: Path, text: str, complaint: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(PolicyError, match=complaint) as caught:
        load_policy(path, registry=no_registry)
    assert str(path) in str(caught.value)


def test_a_ca_file_that_is_no_certificate_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "ca.pem"
    fake.write_text("not a certificate\n")
    path = write(tmp_path, f'ca_certificate = "{fake}"\n')
    with pytest.raises(PolicyError, match="holds no PEM certificate"):
        load_policy(path, registry=no_registry)


def test_plain_http_to_this_computer_is_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, 'backend_url = "http://127.0.0.1:8000"\n')
    assert load_policy(path, registry=no_registry).backend_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    ("values", "complaint"),
    [
        ({"idle_lock_minutes": "5"}, "idle_lock_minutes must be a REG_DWORD"),
        ({"allow_passphrase_only": 2}, "allow_passphrase_only must be a REG_DWORD of 0 or 1"),
        ({"backend_url": 1}, "backend_url must be a REG_SZ"),
        ({"retention_days": 7}, "retention_days must be at least 30 days"),
        ({"retention_days": b"\x5a\x00"}, "retention_days must be a REG_DWORD"),
        ({"AutoLock": 5}, "unknown keys: autolock"),
    ],
)
def test_a_malformed_registry_is_refused(
    tmp_path: Path, values: dict[str, object], complaint: str
) -> None:
    with pytest.raises(PolicyError, match=complaint) as caught:
        load_policy(tmp_path / "absent.toml", registry=lambda: values)
    assert REGISTRY_SOURCE in str(caught.value)


def test_a_malformed_file_is_refused_even_where_the_registry_sets_the_same_key(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "idle_lock_minutes = 0\n")
    with pytest.raises(PolicyError, match="idle_lock_minutes"):
        load_policy(path, registry=lambda: registry(idle_lock_minutes=5))


def test_an_unreadable_registry_is_refused(tmp_path: Path) -> None:
    def broken() -> Mapping[str, object] | None:
        raise PolicyError(f"the registry policy {REGISTRY_SOURCE} cannot be read")

    with pytest.raises(PolicyError, match="cannot be read"):
        load_policy(tmp_path / "absent.toml", registry=broken)


def test_code_that_builds_a_policy_by_hand_still_can() -> None:
    strict = Policy(allow_passphrase_only=False, idle_lock_minutes=3)
    assert strict.source_of("idle_lock_minutes") == "default"
    assert hash(strict) == hash(Policy(allow_passphrase_only=False, idle_lock_minutes=3))


# --- gadeplan policy show ----------------------------------------------------------------------


def gadeplan(policy: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real command, with no profile anywhere and nothing on standard input."""
    env = {**os.environ, "GADEPLAN_POLICY": str(policy)}
    return subprocess.run(
        [sys.executable, "-m", "gadeplan.app.cli", *args],
        input="",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_policy_show_prints_each_setting_and_where_it_came_from(tmp_path: Path) -> None:
    path = write(tmp_path, "retention_days = 90\nidle_lock_minutes = 3\nlanguage = 'da'\n")
    result = gadeplan(path, "--data-dir", str(tmp_path / "no-profile"), "policy", "show")
    assert result.returncode == 0, result.stderr
    lines = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:8]}
    assert lines["retention_days"] == ["retention_days", "90", str(path)]
    assert lines["idle_lock_minutes"] == ["idle_lock_minutes", "3", str(path)]
    assert lines["language"] == ["language", "da", str(path)]
    assert lines["allow_passphrase_only"] == ["allow_passphrase_only", "true", "default"]
    assert lines["backend_url"] == ["backend_url", "(not", "set)", "default"]
    # Aligned: every value starts in the same column, and so does every source.
    rows = [ROW.fullmatch(row) for row in result.stdout.splitlines()[1:8]]
    assert all(rows)
    assert len({row.start(2) for row in rows if row}) == 1
    assert len({row.start(3) for row in rows if row}) == 1
    assert f"Policy file: {path}" in result.stdout
    assert not (tmp_path / "no-profile").exists()


def test_policy_show_as_json(tmp_path: Path) -> None:
    path = write(tmp_path, "retention_days = 90\n")
    result = gadeplan(path, "policy", "show", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["file"] == str(path)
    assert document["settings"]["retention_days"] == {"value": 90, "source": str(path)}
    assert document["settings"]["ca_certificate"] == {"value": None, "source": "default"}
    assert len(document["settings"]) == 7


def test_policy_show_without_a_policy_file(tmp_path: Path) -> None:
    result = gadeplan(tmp_path / "absent.toml", "policy", "show")
    assert result.returncode == 0, result.stderr
    assert f"Policy file: {tmp_path / 'absent.toml'} (none)" in result.stdout
    assert str(tmp_path) not in result.stdout.split("Policy file:")[0]


def test_policy_show_refuses_a_malformed_policy_like_every_command(tmp_path: Path) -> None:
    path = write(tmp_path, "retention_days = 14\n")
    result = gadeplan(path, "policy", "show")
    assert result.returncode == 78
    assert "machine policy is invalid, so Gadeplan will not start" in result.stderr
    assert "retention_days must be at least 30 days" in result.stderr
    assert result.stdout == ""


def test_the_it_guide_documents_every_policy_key() -> None:
    """IT configures from docs/it-guide.md alone: its table must name every key, and no other."""
    guide = (Path(__file__).resolve().parents[2] / "docs" / "it-guide.md").read_text()
    section = guide[guide.index("## The machine policy") : guide.index("### Local retention")]
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE))
    keys = set(Policy.__struct_fields__) - {"source", "sources"}
    assert documented == keys
