; Inno Setup script for Bianmin (便民中心平面设计与校验). Built by packaging\windows\build.ps1:
;   ISCC.exe /DAppVersion=0.2.0 /DSourceDir=...\dist\bianmin /O...\dist packaging\windows\bianmin.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\bianmin"
#endif
#define DesignerExe "便民中心平面设计.exe"

[Setup]
AppId={{6F1B6E0E-2C1D-4C55-9B1F-4A6B0D2F8E21}
AppName=便民中心平面设计与校验
AppVerName=便民中心平面设计与校验 {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Bianmin
DefaultDirName={autopf}\Bianmin
DefaultGroupName=便民中心平面设计与校验
OutputBaseFilename=bianmin-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#DesignerExe}
WizardStyle=modern

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "assocdxf"; Description: "在 DXF/DWG 文件的右键菜单中加入“用便民中心平面设计打开”"; GroupDescription: "文件关联"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\便民中心平面设计"; Filename: "{app}\{#DesignerExe}"
Name: "{group}\命令行（bianmin）"; Filename: "{cmd}"; Parameters: "/k ""{app}\bianmin.exe"" --help"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallProgram,便民中心平面设计与校验}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\便民中心平面设计"; Filename: "{app}\{#DesignerExe}"; Tasks: desktopicon

[Registry]
; "用便民中心平面设计打开" on .dxf and .dwg files, without taking over the default program
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.dxf\shell\Bianmin"; ValueType: string; ValueName: ""; ValueData: "用便民中心平面设计打开"; Flags: uninsdeletekey; Tasks: assocdxf
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.dxf\shell\Bianmin\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#DesignerExe}"" ""%1"""; Tasks: assocdxf
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.dwg\shell\Bianmin"; ValueType: string; ValueName: ""; ValueData: "用便民中心平面设计打开"; Flags: uninsdeletekey; Tasks: assocdxf
Root: HKA; Subkey: "Software\Classes\SystemFileAssociations\.dwg\shell\Bianmin\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#DesignerExe}"" ""%1"""; Tasks: assocdxf
; the folder on PATH for the current user, so that `bianmin` works in PowerShell
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#DesignerExe}"; Description: "{cm:LaunchProgram,便民中心平面设计}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Param: string): boolean;
var
  OrigPath: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', OrigPath) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Param) + ';', ';' + Uppercase(OrigPath) + ';') = 0;
end;
