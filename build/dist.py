"""``make dist``: the laptop program as a one-folder bundle, its tarball, an SBOM and an audit.

    python build/dist.py [--audit required|offline-ok] [--no-bundle]

Steps (docs/it-guide.md describes the result):

1. the icons, from ``resources/icons/gadeplan.svg`` (build/icons.py);
2. PyInstaller on ``build/gadeplan.spec``, with its work folder in ``.dist-work/`` and the
   bundle in ``dist/gadeplan/`` (never in the tracked ``build/``), ``PYTHONHASHSEED=0`` and
   ``SOURCE_DATE_EPOCH`` from the last commit, so two builds of one commit match;
3. on Linux, ``dist/gadeplan-<version>-linux-<machine>.tar.gz``: the bundle, a ``.desktop``
   file and the icon, with sorted entries, fixed times and owners;
4. ``dist/sbom.cdx.json``: CycloneDX, the pinned packages the program runs on;
5. ``dist/audit.json`` and ``dist/audit.txt``: pip-audit of the same packages.

The audit fails the build when it finds a known vulnerability (unless its id is listed, with a
reason, in ``build/audit-ignore.txt``), and also when it could not check every package (no
network, the service down): an audit that did not run must not look like one that found
nothing, which is what pip-audit itself prints in that case. ``--audit offline-ok`` lets a
build without access to the vulnerability service finish, saying loudly what was not checked;
CI on a machine without internet uses it.

``--no-bundle`` makes only the SBOM and the audit (the Windows and macOS build scripts run
PyInstaller themselves and then this, for their own platform's packages).
"""

from __future__ import annotations

import argparse
import filecmp
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".dist-work"
DIST = ROOT / "dist"
SPEC = ROOT / "build" / "gadeplan.spec"
DESKTOP = ROOT / "build" / "linux" / "gadeplan.desktop"
INSTALL_TEXT = ROOT / "build" / "linux" / "INSTALL.txt"
AUDIT_IGNORE = ROOT / "build" / "audit-ignore.txt"
#: When there is no git history to date the build by (a source tarball): 2026-01-01 UTC.
FALLBACK_EPOCH = 1_767_225_600
#: Shipped inside the bundle though not a runtime dependency: the bootloader and run-time hooks.
SHIPPED_BUILD_TOOLS = ("pyinstaller",)


def version() -> str:
    text = (ROOT / "gadeplan" / "__init__.py").read_text("utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if found is None:
        raise SystemExit("gadeplan/__init__.py has no __version__")
    return found.group(1)


def source_date_epoch() -> int:
    """The last commit's time: the same for every build of a commit, wherever it runs."""
    given = os.environ.get("SOURCE_DATE_EPOCH")
    if given:
        return int(given)
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],  # noqa: S607 - git from PATH, as make does
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return int(done.stdout.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        return FALLBACK_EPOCH


def step(text: str) -> None:
    print(f"==> {text}", flush=True)


def run(*command: str | Path, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(part) for part in command], cwd=ROOT, env=env, check=True)  # noqa: S603


# --- the bundle ---------------------------------------------------------------------------------


def build_bundle(epoch: int) -> Path:
    icons = WORK / "icons"
    step("icons")
    run(sys.executable, ROOT / "build" / "icons.py", icons)
    step("PyInstaller (one folder)")
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "SOURCE_DATE_EPOCH": str(epoch),
        "GADEPLAN_ICONS": str(icons),
    }
    run(
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--workpath",
        WORK / "pyinstaller",
        "--distpath",
        DIST,
        SPEC,
        env=env,
    )
    return DIST / "gadeplan"


def _normalised(info: tarfile.TarInfo, epoch: int) -> tarfile.TarInfo:
    """The same entry whoever builds it, whenever: no owner names, one time, two modes."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = epoch
    if info.isdir() or info.mode & 0o111:
        info.mode = 0o755
    elif not info.issym():
        info.mode = 0o644
    return info


def _walk(folder: Path) -> Iterable[Path]:
    """Every path under ``folder`` in a fixed order (not the file system's)."""
    yield folder
    yield from sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix())


def linux_tarball(bundle: Path, epoch: int) -> Path:
    """``gadeplan/`` with the bundle, the .desktop file, the icon and the install notes,
    ready for ``tar -xzf … -C /opt`` (docs/it-guide.md)."""
    machine = platform.machine().lower()
    name = f"gadeplan-{version()}-linux-{machine}.tar.gz"
    step(name)
    extras = {
        "gadeplan.desktop": DESKTOP,
        "gadeplan.png": WORK / "icons" / "gadeplan.png",
        "INSTALL.txt": INSTALL_TEXT,
    }
    target = DIST / name
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=epoch, compresslevel=6) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        entries = [(path, path.relative_to(bundle.parent).as_posix()) for path in _walk(bundle)]
        entries += [(source, f"gadeplan/{arcname}") for arcname, source in extras.items()]
        for path, arcname in sorted(entries, key=lambda entry: entry[1]):
            info = _normalised(tar.gettarinfo(str(path), arcname), epoch)
            if info.isfile():
                with path.open("rb") as handle:
                    tar.addfile(info, handle)
            else:
                tar.addfile(info)
    return target


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# --- what the program runs on -------------------------------------------------------------------


def runtime_packages(shipped: tuple[str, ...] = SHIPPED_BUILD_TOOLS) -> dict[str, str]:
    """The installed packages ``gadeplan`` needs to run on this platform (its dependencies
    without extras, followed through theirs), by canonical name, with their pinned version,
    and the ``shipped`` build tools without theirs. The backend's and the tools' packages are
    in the same environment and are left out."""
    found: dict[str, str] = {}
    todo = ["gadeplan", *shipped]
    while todo:
        name = canonicalize_name(todo.pop())
        if name in found:
            continue
        dist = metadata.distribution(name)
        found[name] = dist.version
        if name in shipped:
            continue  # what PyInstaller itself needs stays on the build machine
        for line in dist.requires or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    del found["gadeplan"]
    return dict(sorted(found.items()))


def write_requirements(packages: dict[str, str]) -> Path:
    path = WORK / "runtime-requirements.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{name}=={pinned}" for name, pinned in packages.items()]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def sbom(packages: dict[str, str], epoch: int, bundle: Path | None = None) -> Path:
    """CycloneDX from the installed packages' metadata (so licences are in it), cut down to
    the runtime packages: the environment also holds the backend, the tests and these tools.
    With the Linux ``bundle``, also the system libraries PyInstaller copied into it."""
    step("SBOM (CycloneDX)")
    everything = WORK / "environment.cdx.json"
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    run(
        sys.executable,
        "-m",
        "cyclonedx_py",
        "environment",
        "--pyproject",
        ROOT / "pyproject.toml",
        "--output-reproducible",
        "--of",
        "JSON",
        "-o",
        everything,
        sys.executable,
        env=env,
    )
    document = json.loads(everything.read_text("utf-8"))
    keep_refs = {"root-component"}
    components = []
    for component in document.get("components", []):
        if canonicalize_name(component["name"]) in packages:
            components.append(component)
            keep_refs.add(component["bom-ref"])
    system = system_components(bundle / "_internal") if bundle is not None else []
    document["components"] = components + system
    document["dependencies"] = [
        {**dep, "dependsOn": sorted(r for r in dep.get("dependsOn", []) if r in keep_refs)}
        for dep in document.get("dependencies", [])
        if dep["ref"] in keep_refs
    ]
    for dep in document["dependencies"]:
        if dep["ref"] == "root-component":
            dep["dependsOn"] = sorted([*dep["dependsOn"], *(str(c["bom-ref"]) for c in system)])
    document["dependencies"] += [{"ref": c["bom-ref"], "dependsOn": []} for c in system]
    scope = (
        f"the Python packages of the {platform.system()} bundle; the C libraries inside them "
        "(Qt, ICU, OpenSSL in sqlcipher3 and cryptography) are part of each package; "
    )
    if bundle is not None:
        scope += (
            "the system libraries PyInstaller copied from the build machine are listed by their "
            "Debian package (found with dpkg), the Python runtime as cpython, and any other "
            "library by file name and SHA-256"
        )
    else:
        scope += "system libraries PyInstaller copied from the build machine are not listed"
    document["metadata"].setdefault("properties", []).append(
        {"name": "gadeplan:scope", "value": scope}
    )
    target = DIST / "sbom.cdx.json"
    target.write_text(json.dumps(document, indent=2, sort_keys=True) + "\n", "utf-8")
    missing = sorted(set(packages) - {canonicalize_name(c["name"]) for c in components})
    if missing:
        raise SystemExit(f"the SBOM lacks installed packages: {', '.join(missing)}")
    print(
        f"{target.relative_to(ROOT)}: {len(components)} Python packages,"
        f" {len(system)} system libraries"
    )
    return target


# --- the system libraries in the bundle ---------------------------------------------------------

_SHARED_LIBRARY = re.compile(r"\.so(\.\d+)*$")


def bundled_system_libraries(internal: Path) -> list[Path]:
    """The shared libraries PyInstaller copied into the bundle from the build machine: those at
    the top of ``_internal/`` that no installed Python package ships (Qt's own libraries come
    from the PySide6 wheels and are part of those components)."""
    from_packages = {
        Path(str(file)).name
        for dist in metadata.distributions()
        for file in dist.files or ()
        if _SHARED_LIBRARY.search(str(file))
    }
    return sorted(
        path
        for path in internal.iterdir()
        if path.is_file() and _SHARED_LIBRARY.search(path.name) and path.name not in from_packages
    )


def _library_folders() -> list[Path]:
    """Where Debian installs shared libraries."""
    multiarch = sysconfig.get_config_var("MULTIARCH") or f"{platform.machine()}-linux-gnu"
    return [Path(base, sub) for base in ("/lib", "/usr/lib") for sub in (multiarch, "")]


def debian_owners(libraries: Iterable[Path]) -> dict[str, str]:
    """File name -> the Debian package (``name:arch``) that installed the same file on this
    machine, under /lib or /usr/lib (with or without the merged /usr). Only byte-identical
    files count: a library of the same name from elsewhere (the Python of pyenv, say) is not
    the Debian package's."""
    candidates = [
        str(folder / library.name)
        for library in libraries
        for folder in _library_folders()
        if (folder / library.name).is_file()
        and filecmp.cmp(folder / library.name, library, shallow=False)
    ]
    dpkg = shutil.which("dpkg")
    if not candidates or dpkg is None:
        return {}
    # Exit status 1 when some path is not a package's: the others are still printed.
    done = subprocess.run(  # noqa: S603 - our own paths
        [dpkg, "-S", *candidates], capture_output=True, text=True, check=False
    )
    owners: dict[str, str] = {}
    for line in done.stdout.splitlines():
        if line.startswith("diversion ") or ": " not in line:
            continue
        packages, path = line.split(": ", 1)
        owners.setdefault(Path(path).name, packages.split(", ")[0])
    return owners


def system_components(internal: Path) -> list[dict[str, object]]:
    """CycloneDX components for :func:`bundled_system_libraries`: one per Debian package (with
    its version and a ``pkg:deb`` purl that vulnerability scanners match), the Python runtime,
    and any file of unknown origin by name and SHA-256, so nothing in the bundle is unlisted."""
    libraries = bundled_system_libraries(internal)
    owners = debian_owners(libraries)
    by_package: dict[str, list[str]] = {}
    for library in libraries:
        if library.name in owners:
            by_package.setdefault(owners[library.name], []).append(library.name)
    versions: dict[str, str] = {}
    if by_package:
        query = shutil.which("dpkg-query") or "dpkg-query"
        done = subprocess.run(  # noqa: S603 - package names dpkg gave
            [query, "-W", "-f", "${binary:Package}\t${Version}\n", *sorted(by_package)],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stdout.splitlines():
            package, package_version = line.split("\t")
            versions[package] = package_version
    release = platform.freedesktop_os_release()
    distro = f"{release.get('ID', 'debian')}-{release.get('VERSION_ID', '')}".rstrip("-")
    components: list[dict[str, object]] = []
    for package, files in sorted(by_package.items()):
        name, _, arch = package.partition(":")
        package_version = versions.get(package) or versions.get(name, "")
        qualifiers = f"?arch={arch}&distro={distro}" if arch else f"?distro={distro}"
        components.append(
            {
                "type": "library",
                "bom-ref": f"deb:{package}@{package_version}",
                "name": name,
                "version": package_version,
                "purl": f"pkg:deb/{release.get('ID', 'debian')}/{name}@"
                f"{quote(package_version, safe='')}{qualifiers}",
                "properties": [{"name": "gadeplan:files", "value": ", ".join(sorted(files))}],
            }
        )
    for library in libraries:
        if library.name in owners:
            continue
        if library.name.startswith("libpython"):
            python = platform.python_version()
            components.append(
                {
                    "type": "library",
                    "bom-ref": f"cpython@{python}",
                    "name": "cpython",
                    "version": python,
                    "purl": f"pkg:generic/cpython@{python}",
                    "properties": [{"name": "gadeplan:files", "value": library.name}],
                }
            )
            continue
        components.append(
            {
                "type": "file",
                "bom-ref": f"file:{library.name}",
                "name": library.name,
                "hashes": [
                    {"alg": "SHA-256", "content": hashlib.sha256(library.read_bytes()).hexdigest()}
                ],
                "properties": [{"name": "gadeplan:origin", "value": "unknown"}],
            }
        )
    return components


# --- the audit ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditResult:
    packages: int
    not_audited: dict[str, str]
    vulnerabilities: list[tuple[str, str, str, list[str]]]  # package, version, id, fixed in
    failure: str | None  # pip-audit itself did not produce an answer

    @property
    def complete(self) -> bool:
        return self.failure is None and not self.not_audited


def ignored_vulnerabilities() -> dict[str, str]:
    """``build/audit-ignore.txt``: one id per line and, after ``#``, why it does not apply."""
    ignored: dict[str, str] = {}
    if not AUDIT_IGNORE.exists():
        return ignored
    for line in AUDIT_IGNORE.read_text("utf-8").splitlines():
        entry, _, reason = line.partition("#")
        if entry.strip():
            if not reason.strip():
                raise SystemExit(f"{AUDIT_IGNORE}: {entry.strip()} needs a reason after '#'")
            ignored[entry.strip()] = reason.strip()
    return ignored


def interpret(report: dict[str, object], packages: int) -> AuditResult:
    """pip-audit's JSON, read strictly: a package it skipped was not audited, whatever the
    exit status says (pip-audit reports "No known vulnerabilities found" after skipping all)."""
    not_audited: dict[str, str] = {}
    vulnerabilities: list[tuple[str, str, str, list[str]]] = []
    dependencies = report.get("dependencies")
    if not isinstance(dependencies, list):
        return AuditResult(packages, {}, [], "pip-audit's report has no dependency list")
    for dep in dependencies:
        name = str(dep.get("name"))
        if dep.get("skip_reason"):
            not_audited[name] = str(dep["skip_reason"])
            continue
        for vuln in dep.get("vulns", []):
            fixes = [str(v) for v in vuln.get("fix_versions", [])]
            vulnerabilities.append((name, str(dep.get("version")), str(vuln.get("id")), fixes))
    if len(dependencies) < packages:
        return AuditResult(
            packages,
            not_audited,
            vulnerabilities,
            f"pip-audit reported on {len(dependencies)} of {packages} packages",
        )
    return AuditResult(packages, not_audited, vulnerabilities, None)


def audit(requirements: Path, packages: int) -> AuditResult:
    step("vulnerability audit (pip-audit)")
    target = DIST / "audit.json"
    target.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "pip_audit",
        "--requirement",
        str(requirements),
        "--no-deps",  # the file is the whole, pinned closure already
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--format",
        "json",
        "--output",
        str(target),
        "--timeout",
        "20",
    ]
    for vuln_id in ignored_vulnerabilities():
        command += ["--ignore-vuln", vuln_id]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    if not target.exists():
        last = [line for line in done.stderr.splitlines() if line.strip()][-1:] or ["no output"]
        return AuditResult(packages, {}, [], f"pip-audit ended without a report: {last[0]}")
    return interpret(json.loads(target.read_text("utf-8")), packages)


def audit_text(result: AuditResult) -> str:
    lines = []
    if result.failure:
        lines.append(f"NOT AUDITED: {result.failure}.")
    if result.not_audited:
        everything = len(result.not_audited) == result.packages
        lines.append(
            f"NOT AUDITED: {len(result.not_audited)} of {result.packages} packages could not be "
            "checked. "
            + (
                "The vulnerability service answered for none of them: it is not reachable "
                "from this machine (no internet, a proxy, or the service is down). "
                if everything
                else "The vulnerability service did not answer for these. "
            )
            + "This is not a clean result."
        )
        first = next(iter(sorted(result.not_audited.items())))
        lines.append(f"  pip-audit said, for example: {first[1]}")
        if not everything:
            lines += [f"  not audited: {name}" for name in sorted(result.not_audited)]
    audited = result.packages - len(result.not_audited) if not result.failure else 0
    lines.append(f"Packages audited: {audited} of {result.packages}.")
    if result.vulnerabilities:
        lines.append(f"KNOWN VULNERABILITIES: {len(result.vulnerabilities)}")
        for name, pinned, vuln_id, fixes in result.vulnerabilities:
            fixed = f", fixed in {', '.join(fixes)}" if fixes else ", no fixed version yet"
            lines.append(f"  {name} {pinned}: {vuln_id}{fixed}")
    elif audited:
        lines.append("Known vulnerabilities in the audited packages: none.")
    for vuln_id, reason in ignored_vulnerabilities().items():
        lines.append(f"Ignored by build/audit-ignore.txt: {vuln_id} ({reason})")
    return "\n".join(lines) + "\n"


def write_checksums() -> None:
    """``dist/SHA256SUMS`` for what is handed on (``sha256sum -c SHA256SUMS`` checks it)."""
    files = sorted(p for p in DIST.iterdir() if p.is_file() and p.name != "SHA256SUMS")
    lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}" for p in files]
    (DIST / "SHA256SUMS").write_text("\n".join(lines) + "\n", "utf-8")


# --- main ---------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--audit", choices=("required", "offline-ok"), default="required")
    parser.add_argument("--no-bundle", action="store_true", help="only the SBOM and the audit")
    args = parser.parse_args(argv)
    started = time.monotonic()
    epoch = source_date_epoch()
    DIST.mkdir(exist_ok=True)
    if not args.no_bundle:
        bundle = build_bundle(epoch)
        built = time.monotonic() - started
        print(
            f"bundle: {bundle.relative_to(ROOT)}, {folder_size(bundle) / 1e6:.0f} MB, "
            f"built in {built:.0f} s"
        )
        if sys.platform.startswith("linux"):
            tarball = linux_tarball(bundle, epoch)
            print(f"{tarball.relative_to(ROOT)}: {tarball.stat().st_size / 1e6:.0f} MB")
    packages = runtime_packages()
    requirements = write_requirements(packages)
    linux_bundle = (
        DIST / "gadeplan" if sys.platform.startswith("linux") and not args.no_bundle else None
    )
    sbom(packages, epoch, linux_bundle)
    result = audit(requirements, len(packages))
    text = audit_text(result)
    (DIST / "audit.txt").write_text(text, "utf-8")
    print(text, end="")
    write_checksums()
    print(f"make dist took {time.monotonic() - started:.0f} s")
    if result.vulnerabilities:
        print(
            "The build FAILED the audit: update the package, or list the id with a reason in "
            "build/audit-ignore.txt.",
            file=sys.stderr,
        )
        return 1
    if not result.complete:
        if args.audit == "offline-ok":
            print(
                "WARNING: the audit could not run; accepted because of AUDIT=offline-ok. "
                "Run 'make dist' with network access before a release.",
                file=sys.stderr,
            )
            return 0
        print(
            "The audit could not run (see dist/audit.txt). With no network to the "
            "vulnerability service, 'make dist AUDIT=offline-ok' builds anyway.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
