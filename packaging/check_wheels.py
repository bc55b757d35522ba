"""Check that every runtime dependency has binary wheels for the platforms the program ships on.

For each requirement in pyproject.toml's [project] dependencies that applies to Python 3.11, pip
downloads (without dependencies, into a temporary folder) a wheel for Windows x86-64, manylinux
x86-64 and manylinux aarch64 (统信UOS / 麒麟 on ARM), so no user's install ever needs a compiler.
A pure-Python wheel (py3-none-any) counts. Prints a table; exits 1 if any cell is missing.

    python packaging/check_wheels.py
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10: the same parser, from PyPI (a dependency of bianmin there)
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYTHON = "3.11"
# glibc 2.28 is the oldest the domestic desktops ship (统信UOS 20, 银河麒麟 V10), so a Linux wheel
# counts if it is manylinux_2_28 or older; pip takes the listed tags as they are, hence the list
GLIBC = [f"manylinux_2_{minor}" for minor in range(28, 16, -1)] + ["manylinux2014"]
PLATFORMS = {
    "win_amd64": ["win_amd64"],
    "linux x86-64": [f"{tag}_x86_64" for tag in GLIBC],
    "linux aarch64": [f"{tag}_aarch64" for tag in GLIBC],
}


def requirements() -> list[Requirement]:
    """The runtime dependencies whose environment marker holds on CPython 3.11."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        deps = tomllib.load(f)["project"]["dependencies"]
    env = default_environment() | {"python_version": PYTHON, "python_full_version": f"{PYTHON}.0"}
    reqs = [Requirement(d) for d in deps]
    return [r for r in reqs if r.marker is None or r.marker.evaluate(env)]


def wheel_for(req: Requirement, platforms: list[str], dest: Path) -> str:
    """The wheel pip picks for *req* on any of *platforms*, or '' if there is none."""
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--only-binary=:all:",
            "--no-deps",
            *(arg for tag in platforms for arg in ("--platform", tag)),
            "--python-version",
            PYTHON,
            "--implementation",
            "cp",
            "--dest",
            str(dest),
            "--progress-bar",
            "off",
            str(req),
        ],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        return ""
    name = re.sub(r"[-_.]+", "_", req.name).lower()
    found = [p.name for p in dest.glob("*.whl") if p.name.lower().startswith(name + "-")]
    return found[0] if found else ""


def platform_of(wheel: str) -> str:
    """'any', 'win_amd64' or the oldest glibc a manylinux wheel runs on ('glibc 2.17')."""
    tags = wheel[:-4].split("-")[-1]
    if tags == "any" or not tags.startswith("manylinux"):
        return tags
    minors = [int(m) for m in re.findall(r"manylinux_2_(\d+)", tags)]
    minors += [17] * ("manylinux2014" in tags)
    return f"glibc 2.{min(minors)}"


def main() -> int:
    rows, missing = [], 0
    for req in requirements():
        cells = []
        for platforms in PLATFORMS.values():
            with tempfile.TemporaryDirectory() as tmp:
                wheel = wheel_for(req, platforms, Path(tmp))
            missing += not wheel
            version = wheel.split("-")[1] if wheel else ""
            cells.append(f"{version} {platform_of(wheel)}" if wheel else "MISSING")
        rows.append((str(req), cells))
    width = max(len(r) for r, _ in rows)
    print(f"wheels for CPython {PYTHON}")
    print(f"{'requirement':<{width}}  " + "  ".join(f"{p:<16}" for p in PLATFORMS))
    for req, cells in rows:
        print(f"{req:<{width}}  " + "  ".join(f"{c:<16}" for c in cells))
    if missing:
        print(f"{missing} platform(s) without a wheel: a user there would need a compiler")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
