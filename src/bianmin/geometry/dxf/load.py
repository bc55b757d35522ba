"""Opening a drawing file: the regular-file checks, then ezdxf's plain reader, ``ezdxf.recover`` for a
file the plain reader refuses, binary DXF, DWG converted by ezdwg, a large drawing's simple background
left out (split.py).  Only a file that cannot be read at all raises :class:`PlanReadError`; what
recovery repaired travels in :class:`LoadNotes` (audit.py puts it in words).
"""

from __future__ import annotations

import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import ezdxf
from ezdxf import recover


class PlanReadError(Exception):
    """The file could not be read as DXF even with recovery; the reason is in words a person can act on."""


@dataclass
class LoadNotes:
    """How a drawing was read: which path, what recovery repaired or could not, what a DWG lost.

    Has ``fixes`` and ``errors`` like ezdxf's Auditor (empty unless recovery ran and changed
    something), so that audit.py speaks only of real repairs."""

    source: str = "dxf"  # dxf | binary-dxf | dwg
    fixes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    recovered: bool = False
    dwg_version: str = ""
    skipped_by_type: dict = field(default_factory=dict)
    background: object = None  # dxf_split.SimpleBackground: the simple background taken out before reading


def is_dwg(head: bytes) -> bool:
    """A DWG file starts with its version, "AC1012" … "AC1032" (detected by content, not by name)."""
    return head[:4] == b"AC10" and head[4:6].isdigit()


def load_document(path: Path, split: str | None = None):
    """``(doc, notes)``; raises PlanReadError with a reason a person can act on.

    ``split="check"`` or ``"draw"``: a large drawing's simple background (LINEs, TEXTs … on the
    architect's layers) is taken out before ezdxf reads it (geometry/dxf/split.py); for "draw" it
    comes back in ``notes.background``. Such a ``doc`` must never be saved.

    Clean DXF files take ezdxf's plain reader (about twice as fast); only a file it refuses goes
    through ``ezdxf.recover``, whose repairs are then reported. A DWG (R13–R2018) is converted
    with ezdwg. Only regular files are opened: a FIFO or a device never hangs a batch.
    """
    path = Path(path)
    if not path.exists():
        raise PlanReadError(f"文件不存在 / file not found: {path}")
    if path.is_dir():
        raise PlanReadError(f"这是文件夹，不是 DXF 文件 / is a folder, not a DXF file: {path}")
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise PlanReadError(f"不是普通文件（管道、设备等），不读取 / not a regular file (a pipe or device): {path}")
        size = st.st_size
        with path.open("rb") as fp:
            head = fp.read(64)
    except OSError as exc:
        raise PlanReadError(f"无法打开文件 / cannot open file: {exc.strerror or exc}") from None
    if size == 0:
        raise PlanReadError("空文件 / the file is empty")
    if is_dwg(head):
        return _load_dwg(path, head[:6].decode("ascii"))
    try:
        if head.startswith(b"AutoCAD Binary DXF"):
            return ezdxf.readfile(path), LoadNotes(source="binary-dxf")
        if not _looks_like_dxf(head):
            raise PlanReadError(
                "不是 DXF 文件（开头不是 DXF 组码）/ not a DXF file (does not start with DXF group codes)"
            )
        try:
            if _has_unicode_escapes(path):
                raise ValueError("\\U+ escapes")  # only recover decodes them (R12/R2000 files with Chinese text)
            if split and size > SPLIT_ABOVE_BYTES:
                done = _read_split(path, split == "draw")
                if done is not None:
                    return done
            return ezdxf.readfile(path), LoadNotes()
        except Exception:  # noqa: BLE001 -- whatever the plain reader refuses, recovery tries
            doc, auditor = recover.readfile(path)
            return doc, LoadNotes(fixes=list(auditor.fixes), errors=list(auditor.errors), recovered=True)
    except (PlanReadError, MemoryError):  # out of memory is not a broken file (cli/work_limits.py says it)
        raise
    except Exception as exc:  # ezdxf raises many kinds on garbage: all mean "unreadable"
        reason = str(exc) or type(exc).__name__
        raise PlanReadError(f"DXF 结构损坏，无法恢复 / broken DXF structure, recovery failed: {reason}") from None


SPLIT_ABOVE_BYTES = 2_000_000  # smaller drawings are read whole: the split would not pay for itself


def _read_split(path: Path, keep_geometry: bool):
    """``(doc, notes)`` of the drawing without its simple background, or None to read it whole."""
    from bianmin.geometry.dxf.split import split

    try:
        parts = split(path.read_bytes(), keep_geometry=keep_geometry)
    except (MemoryError, ValueError):
        return None
    if parts is None:
        return None
    data, background = parts
    with tempfile.TemporaryDirectory(prefix="bianmin-split-") as tmp:
        reduced = Path(tmp) / path.name
        reduced.write_bytes(data)
        del data
        try:
            doc = ezdxf.readfile(reduced)
        except Exception:  # noqa: BLE001 -- what the plain reader refuses is read whole (and recovered)
            return None
    doc.filename = str(path)
    return doc, LoadNotes(background=background if keep_geometry else None)


def _has_unicode_escapes(path: Path) -> bool:
    """Whether the file spells characters as \\U+XXXX (what ANSI-codepage DXF does with Chinese)."""
    with path.open("rb") as fp:
        tail = b""
        while chunk := fp.read(1 << 20):
            if b"\\U+" in tail + chunk:
                return True
            tail = chunk[-3:]
    return False


def _load_dwg(path: Path, version: str):
    try:
        import ezdwg  # noqa: F401 -- only to say at once when it is missing
    except ImportError:
        raise PlanReadError(
            "这是 DWG 文件；读取 DWG 需要 ezdwg（pip install ezdwg），或在 CAD 中另存为 DXF / "
            "this is a DWG file: reading it needs ezdwg, or save it as DXF in a CAD program"
        ) from None
    with tempfile.TemporaryDirectory(prefix="bianmin-dwg-") as tmp:
        out = Path(tmp) / "converted.dxf"
        skipped = convert_dwg(path, out, version)
        try:
            doc = ezdxf.readfile(out)
        except Exception as exc:  # noqa: BLE001 -- what ezdwg wrote and ezdxf refuses: unreadable, not a crash
            raise PlanReadError(
                f"这是 DWG 文件（{version}），但无法读取：{exc}；请在 CAD 中另存为 DXF / "
                f"this is a DWG file ({version}) that cannot be read: {exc}; save it as DXF"
            ) from None
        # ezdwg 0.17 writes ezdxf's default $INSUNITS (6, metres) whatever the DWG said: treat the
        # units as unknown, so that the reader guesses them from the hall and says so (units.py)
        doc.header["$INSUNITS"] = 0
    return doc, LoadNotes(source="dwg", dwg_version=version, skipped_by_type=skipped)


# a damaged DWG made ezdwg ask for 7.8 GB; where the PC could not reserve it the process aborted (a Rust
# allocation failure cannot be caught) and the designer lost everything since its last autosave.  The
# conversion therefore runs in a child process of its own, with these bounds:
DWG_TIME_LIMIT_S = 120.0
DWG_MEMORY_LIMIT_MB = 2048


def convert_dwg(path: Path, out: Path, version: str = "") -> dict[str, int]:
    """Convert a DWG to DXF with ezdwg in a child process; the entity types it skipped.  A child that
    dies, runs out of memory or past the time limit costs only itself: it is a PlanReadError here."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")  # no fork: the designer's threads and Qt stay out of it
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=CHILD, args=(str(path), str(out), send), daemon=True)
    child.start()
    send.close()
    outcome = None
    try:
        if receive.poll(DWG_TIME_LIMIT_S):
            outcome = receive.recv()
    except (EOFError, OSError):
        outcome = None  # the child died before it could answer
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
    what = f"DWG 文件（{version}）" if version else "DWG 文件"
    if outcome is None:
        raise PlanReadError(
            f"读取{what}时转换进程意外终止或超过 {DWG_TIME_LIMIT_S:.0f} 秒（文件可能已损坏，需要的内存超过 "
            f"{DWG_MEMORY_LIMIT_MB} MB）；请在 CAD 中另存为 DXF / the DWG conversion died or ran past its time "
            f"limit (the file may be damaged and need too much memory); save it as DXF in a CAD program"
        )
    kind, value = outcome
    if kind == "error":
        raise PlanReadError(
            f"这是{what}，但无法读取：{value}；请在 CAD 中另存为 DXF / "
            f"this is a DWG file ({version}) that cannot be read: {value}; save it as DXF"
        )
    return value


def _convert_in_child(path: str, out: str, send) -> None:
    """The child's side of :func:`convert_dwg`: cap memory where possible, convert, answer."""
    try:
        import resource  # not on Windows: there a failed allocation ends this child alone

        limit = DWG_MEMORY_LIMIT_MB * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (ImportError, ValueError, OSError):
        pass
    try:
        import ezdwg

        result = ezdwg.to_dxf(path, out)
        skipped = {k: int(v) for k, v in (getattr(result, "skipped_by_type", None) or {}).items() if v}
        send.send(("ok", skipped))
    except BaseException as exc:  # noqa: BLE001 -- said to the parent, whatever it was
        send.send(("error", str(exc) or type(exc).__name__))
    finally:
        send.close()


CHILD = _convert_in_child  # what the child runs (a test puts one that dies in its place)


def _looks_like_dxf(head: bytes) -> bool:
    """A DXF starts with a group code and, within its first pairs, a SECTION (or a 999 comment)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    first = text.split(b"\n", 1)[0].strip()
    if first.startswith(b"999"):
        return True
    return first.isdigit() and b"SECTION" in text.upper()


# the last pair of an ASCII DXF: a file without it was cut short (audit.py says so)
_EOF = re.compile(rb"(^|\n)\s*0\s*\r?\nEOF\s*($|\r?\n)")


def has_eof(path: Path) -> bool:
    """An ASCII DXF ends with ``0/EOF`` (anything after it is ignored, as CAD programs do)."""
    with path.open("rb") as fp:
        if fp.read(18) == b"AutoCAD Binary DXF":
            return True
        fp.seek(0, 2)
        size = fp.tell()
        fp.seek(max(0, size - 65536))
        tail = fp.read()
    return bool(_EOF.search(tail)) or (size > 65536 and b"EOF" in tail)
