"""Build bianmin_<version>_<arch>.deb from the PyInstaller one-folder bundle (for CI and packagers).

    python packaging/linux/build_deb.py dist/bianmin -o dist

The bundle (packaging/bianmin.spec) goes to /opt/bianmin, so installing needs no network and no
Python on the PC; /usr/bin/bianmin links to the CLI; the desktop entry puts 便民中心平面设计 in the
Office/Graphics menu and offers it for .dxf and .dwg files (用便民中心平面设计打开); the icon
goes to the hicolor theme. dpkg's triggers (desktop-file-utils, shared-mime-info, hicolor icon
cache) refresh the menus, so the package has no maintainer scripts. The architecture is the build
machine's (`dpkg --print-architecture`): run the same command on an arm64 PC for the arm64 package.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI (a dependency of bianmin there)
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

# a Chinese font for the drawings and the interface, and the system libraries the PyQt6 wheels
# expect from the distribution: OpenGL, fontconfig, D-Bus and the xcb ones Qt's X11 plugin loads
# (PyInstaller reports them as "Library not found" when the build machine lacks them)
DEPENDS = ", ".join(
    [
        "fonts-wqy-microhei | fonts-noto-cjk",
        "libegl1",
        "libgl1",
        "libfontconfig1",
        "libdbus-1-3",
        "libxkbcommon0",
        "libxkbcommon-x11-0",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-image0",
        "libxcb-keysyms1",
        "libxcb-randr0",
        "libxcb-render-util0",
        "libxcb-shape0",
        "libxcb-xfixes0",
        "libxcb-xkb1",
    ]
)

DESKTOP = """\
[Desktop Entry]
Type=Application
Name=便民中心平面设计
Name[en]=Bianmin service hall designer
GenericName=便民服务中心平面设计与校验
Comment=规划并校验便民服务中心的平面图（DXF/DWG）
Exec=/opt/bianmin/bianmin-designer %f
Icon=bianmin
Terminal=false
Categories=Office;Graphics;
MimeType=image/vnd.dxf;image/vnd.dwg;application/x-dxf;application/x-dwg;
Keywords=DXF;DWG;便民;平面;
"""

# .dxf and .dwg for systems whose shared-mime-info lacks them (it knows image/vnd.dxf already)
MIME_XML = """\
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="image/vnd.dxf">
    <comment>DXF drawing</comment>
    <comment xml:lang="zh_CN">DXF 图纸</comment>
    <glob pattern="*.dxf"/>
    <glob pattern="*.DXF"/>
  </mime-type>
  <mime-type type="image/vnd.dwg">
    <comment>DWG drawing</comment>
    <comment xml:lang="zh_CN">DWG 图纸</comment>
    <glob pattern="*.dwg"/>
    <glob pattern="*.DWG"/>
  </mime-type>
</mime-info>
"""


def project_version() -> str:
    """The version in pyproject.toml, which the bundle was built from."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return tomllib.load(f)["project"]["version"]


def architecture() -> str:
    """The build machine's Debian architecture (amd64, arm64): the bundle's binaries are its own."""
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def installed_size_kib(tree: Path) -> int:
    """Installed-Size for the control file: the sum of the files, in KiB."""
    total = sum(p.stat().st_size for p in tree.rglob("*") if p.is_file() and not p.is_symlink())
    return (total + 1023) // 1024


def write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def build(bundle: Path, out_dir: Path) -> Path:
    """Lay the package tree out in a temporary folder and pack it with dpkg-deb."""
    if not (bundle / "bianmin").is_file() or not (bundle / "bianmin-designer").is_file():
        sys.exit(f"{bundle} is not the PyInstaller bundle (bianmin and bianmin-designer missing)")
    version, arch = project_version(), architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "pkg"
        shutil.copytree(bundle, tree / "opt" / "bianmin", symlinks=True)
        (tree / "usr" / "bin").mkdir(parents=True)
        os.symlink("/opt/bianmin/bianmin", tree / "usr" / "bin" / "bianmin")
        write(tree / "usr/share/applications/bianmin.desktop", DESKTOP)
        write(tree / "usr/share/mime/packages/bianmin.xml", MIME_XML)
        icon = tree / "usr/share/icons/hicolor/256x256/apps/bianmin.png"
        icon.parent.mkdir(parents=True)
        shutil.copyfile(HERE / "bianmin.png", icon)
        icon.chmod(0o644)
        control = (
            f"Package: bianmin\nVersion: {version}\nArchitecture: {arch}\n"
            "Maintainer: Bianmin maintainers <bianmin@localhost>\n"
            f"Installed-Size: {installed_size_kib(tree)}\nDepends: {DEPENDS}\n"
            "Section: graphics\nPriority: optional\n"
            "Description: 便民中心平面设计 — plan and check government service hall floor plans\n"
            " The designer (便民中心平面设计) and the bianmin command: check DXF/DWG plans of\n"
            " grassroots government service halls against the standards, lay halls out and\n"
            " print drawing sets. Self-contained in /opt/bianmin; no Python needed.\n"
        )
        write(tree / "DEBIAN" / "control", control)
        for d in [tree, *(p for p in tree.rglob("*") if p.is_dir() and not p.is_symlink())]:
            d.chmod(0o755)
        deb = out_dir / f"bianmin_{version}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(tree), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the PyInstaller folder (dist/bianmin)")
    parser.add_argument("-o", "--out", type=Path, default=Path("dist"), help="where the .deb goes")
    args = parser.parse_args()
    deb = build(args.bundle.resolve(), args.out.resolve())
    print(f"{deb} ({deb.stat().st_size / 2**20:.1f} MiB)")


if __name__ == "__main__":
    main()
