; Inno Setup 6 script: Gadeplan's Windows installer, per machine.
;
; Built by build\windows\build.ps1 on Windows (Inno Setup cannot run on Linux), which passes:
;   /DAppVersion=0.1.0  /DBundleDir=<repo>\dist\gadeplan  /DIconFile=<repo>\.dist-work\icons\gadeplan.ico
;   /DOutputDir=<repo>\dist
;
; Silent install, as software distribution (Intune, SCCM, PDQ) runs it:
;   gadeplan-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /LOG="%TEMP%\gadeplan-setup.log"
; with the machine policy in the same step (copied to C:\ProgramData\Gadeplan\policy.toml):
;   ... /POLICY="\\server\share\gadeplan\policy.toml"
; Silent uninstall:
;   "C:\Program Files\Gadeplan\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Detection rule: HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\{945E0B10-7CBF-4FB8-99AA-9A005D823129}_is1,
; value DisplayVersion.
;
; Upgrades: the AppId below is the installer's identity. It never changes: a newer setup with
; the same AppId replaces the installed version in place (same folder, one entry in Apps &
; features). Changing it would install a second copy beside the first.

#ifndef AppVersion
  #error Pass /DAppVersion=<version> (build.ps1 does).
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\gadeplan"
#endif
#ifndef IconFile
  #define IconFile "..\..\.dist-work\icons\gadeplan.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

[Setup]
; Two braces: Inno Setup's escape for the GUID's opening brace.
AppId={{945E0B10-7CBF-4FB8-99AA-9A005D823129}
AppName=Gadeplan
AppVersion={#AppVersion}
AppVerName=Gadeplan {#AppVersion}
AppPublisher=Gadeplan
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Gadeplan
; Per machine, for every user of the laptop: Program Files, HKLM, all users' Start menu.
PrivilegesRequired=admin
DefaultDirName={autopf}\Gadeplan
DisableDirPage=auto
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=gadeplan-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\gadeplan.exe
UninstallDisplayName=Gadeplan
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; A running Gadeplan is asked to close (and ended if it does not: every saved change is already
; in the store) and not restarted afterwards.
CloseApplications=force
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "danish"; MessagesFile: "compiler:Languages\Danish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the whole bundle: files a newer version no longer has must not linger
; beside the new ones (PyInstaller's loader would still find them).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; IT's machine policy, when given with /POLICY=<file>. Left in place at uninstall: it is IT's,
; and Group Policy or a later install may rely on it.
Source: "{param:POLICY}"; DestDir: "{commonappdata}\Gadeplan"; DestName: "policy.toml"; \
  Flags: external uninsneveruninstall; Check: PolicyGiven

[Icons]
Name: "{autoprograms}\Gadeplan"; Filename: "{app}\gadeplan.exe"; Comment: "Gadeplan"

[Run]
; Interactive installs only: a silent one never starts the program.
Filename: "{app}\gadeplan.exe"; Description: "{cm:LaunchProgram,Gadeplan}"; \
  Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
function PolicyGiven: Boolean;
begin
  Result := ExpandConstant('{param:POLICY|}') <> '';
end;
