<#
.SYNOPSIS
    Builds Gadeplan for Windows: the one-folder bundle, its self-test, the Inno Setup installer,
    the SBOM and the audit.

.DESCRIPTION
    Run on Windows 10/11 x64 with Python 3.11 (the py launcher), Git and Inno Setup 6, from any
    folder:

        powershell -ExecutionPolicy Bypass -File build\windows\build.ps1

    Output in dist\: gadeplan\ (the bundle: gadeplan.exe for the Start menu, gadeplan-cli.exe
    for the command line), gadeplan-<version>-windows-x64-setup.exe, sbom.cdx.json, audit.txt.
    PyInstaller's work folder is .dist-work\, never build\.

    Signing (optional hook): set GADEPLAN_SIGN_THUMBPRINT to the SHA-1 thumbprint of a code
    signing certificate in the certificate store (and GADEPLAN_SIGN_TIMESTAMP_URL, default
    DigiCert's). The executables are signed before they go into the installer, then the
    installer itself. Without it, the build is unsigned and SmartScreen warns on first start.

    Written on Linux and not run there (PyInstaller and Inno Setup build for the system they
    run on); check the first run on a Windows build machine.

.PARAMETER Audit
    "required" (default): a vulnerability audit that cannot reach its service fails the build.
    "offline-ok": build anyway, saying so (a build machine without internet).
#>
[CmdletBinding()]
param(
    [ValidateSet("required", "offline-ok")]
    [string]$Audit = "required"
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Python = Join-Path $Root ".venv\Scripts\python.exe"
$Work = Join-Path $Root ".dist-work"
$Dist = Join-Path $Root "dist"
$Icons = Join-Path $Work "icons"

function Invoke-Checked {
    # PowerShell does not stop on a native program's exit status: check every one.
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program failed with exit status $LASTEXITCODE" }
}

Write-Host "==> environment (.venv, pinned by constraints.txt)"
if (-not (Test-Path $Python)) { Invoke-Checked "py" @("-3.11", "-m", "venv", ".venv") }
Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "pip==25.3")
Invoke-Checked $Python @("-m", "pip", "install", "--quiet", "--disable-pip-version-check",
    "-c", "constraints.txt", "-e", ".[dist]")

$Version = (Select-String -Path "gadeplan\__init__.py" -Pattern '^__version__ = "([^"]+)"').Matches[0].Groups[1].Value

Write-Host "==> translations and icons"
Invoke-Checked (Join-Path $Root ".venv\Scripts\pyside6-lrelease.exe") @("-silent",
    "resources\translations\gadeplan_da.ts", "-qm", "resources\translations\gadeplan_da.qm")
Invoke-Checked $Python @("build\icons.py", $Icons)

Write-Host "==> PyInstaller (one folder, two executables)"
$env:PYTHONHASHSEED = "0"
$epoch = (& git log -1 --format=%ct 2>$null)
if ($LASTEXITCODE -ne 0 -or -not $epoch) { $epoch = "1767225600" }
$env:SOURCE_DATE_EPOCH = "$epoch"
$env:GADEPLAN_ICONS = $Icons
Invoke-Checked $Python @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--workpath", (Join-Path $Work "pyinstaller"), "--distpath", $Dist, "build\gadeplan.spec")

$Bundle = Join-Path $Dist "gadeplan"
Write-Host "==> self-test of the bundle"
Invoke-Checked (Join-Path $Bundle "gadeplan-cli.exe") @("self-test")

function Invoke-Sign {
    param([string[]]$Files)
    if (-not $env:GADEPLAN_SIGN_THUMBPRINT) { return }
    $timestamp = if ($env:GADEPLAN_SIGN_TIMESTAMP_URL) { $env:GADEPLAN_SIGN_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
    Invoke-Checked "signtool.exe" (@("sign", "/sha1", $env:GADEPLAN_SIGN_THUMBPRINT, "/fd", "SHA256",
        "/tr", $timestamp, "/td", "SHA256") + $Files)
}
Invoke-Sign @((Join-Path $Bundle "gadeplan.exe"), (Join-Path $Bundle "gadeplan-cli.exe"))

Write-Host "==> installer (Inno Setup)"
$Iscc = @(
    (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
    (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe")
) | Where-Object { Test-Path $_ } | Select-Object -First 1
if (-not $Iscc) { throw "Inno Setup 6 is not installed (https://jrsoftware.org/isinfo.php)" }
Invoke-Checked $Iscc @("/Q", "/DAppVersion=$Version", "/DBundleDir=$Bundle",
    "/DIconFile=$(Join-Path $Icons 'gadeplan.ico')", "/DOutputDir=$Dist", "build\windows\gadeplan.iss")
$Setup = Join-Path $Dist "gadeplan-$Version-windows-x64-setup.exe"
Invoke-Sign @($Setup)

Write-Host "==> SBOM and audit (this platform's packages)"
Invoke-Checked $Python @("build\dist.py", "--no-bundle", "--audit", $Audit)
Write-Host "Done: $Setup"
