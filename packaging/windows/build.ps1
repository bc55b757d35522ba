# Build the Windows bundle and installer for Bianmin (便民中心平面设计与校验).
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
#
# Needs: Python 3.11 (python.org, "Add to PATH"), and for the installer Inno Setup 6
# (its ISCC.exe on PATH or in the default folder). Produces dist\bianmin\ (the one-folder
# app: bianmin.exe for the command line, 便民中心平面设计.exe for the designer) and
# dist\bianmin-setup-<version>.exe (Start-menu entry, "用便民中心平面设计打开" for .dxf/.dwg, uninstall).
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

$Venv = Join-Path $Root "build\venv-win"
if (-not (Test-Path $Venv)) { py -3.11 -m venv $Venv }
$Py = Join-Path $Venv "Scripts\python.exe"
& $Py -m pip install --upgrade pip
& $Py -m pip install . "pyinstaller>=6.3"
& $Py -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\bianmin.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# a quick check of the frozen command line before packing it
& "dist\bianmin\bianmin.exe" validate "samples\xiyilu-street-center.dxf"
if ($LASTEXITCODE -gt 1) { throw "the frozen bianmin.exe could not validate a sample" }

$Version = & $Py -c "from importlib.metadata import version; print(version('bianmin'))"
$Iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if (Test-Path $Iscc) {
    & $Iscc "/DAppVersion=$Version" "/DSourceDir=$Root\dist\bianmin" "/O$Root\dist" packaging\windows\bianmin.iss
    if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
    Write-Host "installer: dist\bianmin-setup-$Version.exe"
} else {
    Write-Host "Inno Setup not found: the app is in dist\bianmin (copy the folder, or install Inno Setup 6 for the installer)"
}
