#!/usr/bin/env bash
# Build the one-folder bundle with PyInstaller on Linux and use it as a user would (run by .ci/run
# after the tests; the Windows build uses the same spec through packaging/windows/build.ps1):
# the frozen CLI validates a sample and exports a PDF, the frozen designer writes a screenshot.
# Then packs the bundle into the Linux .deb (packaging/linux/) and, as root, installs, uses and removes it.
# Works from the machine's Python or from inside a virtual environment. Prints sizes and times.
set -euo pipefail
cd "$(dirname "$0")/.."
now() { python -c 'import time; print(time.time())'; }
since() { python -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.2f}')" "$1"; }
ROOT=$PWD
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# a plain (non-editable) install in its own venv, so PyInstaller sees real package folders; the
# dependencies come from the machine's Python or, when this runs inside a virtual environment,
# from that environment (its site-packages joins the new venv's path through a .pth file)
python -m venv --system-site-packages "$WORK/venv"
OUTER=$(python -c 'import sys, sysconfig; print(sysconfig.get_paths()["purelib"] if sys.prefix != sys.base_prefix else "")')
if [ -n "$OUTER" ]; then
  INNER=$("$WORK/venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  echo "$OUTER" > "$INNER/outer-venv.pth"
fi
"$WORK/venv/bin/pip" install -q --no-deps "$ROOT"
"$WORK/venv/bin/pip" install -q "pyinstaller>=6.3"
( cd "$WORK" && "$WORK/venv/bin/python" -m PyInstaller --noconfirm --log-level WARN --distpath "$WORK/dist" \
    --workpath "$WORK/build" "$ROOT/packaging/bianmin.spec" )

APP="$WORK/dist/bianmin"
echo "bundle: $(du -sm "$APP" | cut -f1) MiB in $(find "$APP" -type f | wc -l) files"

start=$(now)
"$APP/bianmin" --version
echo "CLI start-up (--version): $(since "$start") s"

set +e
"$APP/bianmin" validate "$ROOT/samples/xiyilu-street-center.dxf" --format json -o "$WORK/r.json"
code=$?
set -e
[ "$code" -le 1 ] || { echo "frozen validate failed with exit $code"; exit 1; }
python -c "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); assert d['files'][0]['status'] in ('pass','fail'), d" "$WORK/r.json"

start=$(now)
"$APP/bianmin" export pdf "$ROOT/src/bianmin/templates/community-station.dxf" -o "$WORK/plan.pdf" --paper A3
echo "CLI export pdf: $(since "$start") s"
head -c 5 "$WORK/plan.pdf" | grep -q '%PDF-' || { echo "no PDF written"; exit 1; }

start=$(now)
QT_QPA_PLATFORM=offscreen "$APP/bianmin-designer" "$ROOT/src/bianmin/templates/street-center.dxf" --screenshot "$WORK/shot.png"
echo "designer open + first check + screenshot: $(since "$start") s"
python - "$WORK/shot.png" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read(32)
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert w > 400 and h > 300, (w, h)
print(f"designer screenshot {w}x{h}")
PY
echo "frozen smoke test passed"

# the Linux package (packaging/linux/build_deb.py) from the same bundle; installed, used and removed
# when this runs as root with apt-get (CI): packaging/linux/install_check.sh
start=$(now)
DEB=$(python "$ROOT/packaging/linux/build_deb.py" "$APP" -o "${BIANMIN_DEB_DIR:-$WORK/deb}" | cut -d' ' -f1)
echo "deb: $(basename "$DEB"), $(du -m "$DEB" | cut -f1) MiB, built in $(since "$start") s"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  bash "$ROOT/packaging/linux/install_check.sh" "$DEB" "$ROOT"
else
  echo "not root or no apt-get: the .deb is built but not installed"
fi
