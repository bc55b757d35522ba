#!/usr/bin/env bash
# Install the .deb into this machine as a user would, use the installed program, remove it and
# check that nothing is left (run by packaging/smoke.sh as root, i.e. in CI; needs apt-get).
#   bash packaging/linux/install_check.sh bianmin_<version>_<arch>.deb REPO_ROOT
set -euo pipefail
DEB=$(realpath "$1")
ROOT=$(realpath "$2")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
now() { date +%s.%N; }
since() { python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$1"; }
export DEBIAN_FRONTEND=noninteractive

start=$(now)
apt-get install -y -qq "$DEB" >/dev/null
echo "deb install: $(since "$start") s"
# /usr/bin/bianmin, called by its full path: in CI a pip-installed bianmin may come first on PATH
[ "$(readlink /usr/bin/bianmin)" = /opt/bianmin/bianmin ] || { echo "no /usr/bin/bianmin"; exit 1; }
BIANMIN=/usr/bin/bianmin
desktop-file-validate /usr/share/applications/bianmin.desktop 2>/dev/null || true
[ -f /usr/share/icons/hicolor/256x256/apps/bianmin.png ] || { echo "no icon"; exit 1; }

cd "$WORK"
"$BIANMIN" --version
set +e
"$BIANMIN" validate "$ROOT/samples/xiyilu-street-center.dxf" --format json -o r.json
code=$?
set -e
[ "$code" -le 1 ] || { echo "installed validate failed with exit $code"; exit 1; }
python3 -c "import json,sys; d=json.load(open(sys.argv[1], encoding='utf-8')); assert d['files'][0]['status'] in ('pass','fail'), d" r.json
"$BIANMIN" export pdf "$ROOT/src/bianmin/templates/community-station.dxf" -o plan.pdf --paper A3
head -c 5 plan.pdf | grep -q '%PDF-' || { echo "installed export wrote no PDF"; exit 1; }
QT_QPA_PLATFORM=offscreen /opt/bianmin/bianmin-designer "$ROOT/src/bianmin/templates/street-center.dxf" --screenshot shot.png
python3 - shot.png <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert w > 400 and h > 300 and len(data) > 20_000, (w, h, len(data))
print(f"installed designer screenshot {w}x{h}, {len(data) // 1024} KiB")
PY
[ -n "${BIANMIN_SHOT:-}" ] && cp shot.png "$BIANMIN_SHOT"

start=$(now)
apt-get remove -y -qq bianmin >/dev/null
echo "deb remove: $(since "$start") s"
left=$(ls -A /opt/bianmin 2>/dev/null; ls /usr/share/applications | grep -i bianmin; ls /usr/bin/bianmin 2>/dev/null) || true
[ -z "$left" ] || { echo "left after remove: $left"; exit 1; }
[ ! -e /opt/bianmin ] || { echo "/opt/bianmin is still there"; exit 1; }
echo "deb install, use and remove passed"
