"""Where Save and Save As write, kept apart from file.py: the architect's drawing is never written over
unasked (Save on a drawing the program did not make proposes NAME-布置.dxf beside it), the first Save
dialog opens in the drawing's folder or Documents (never the program's templates folder), and Save As
offers the DXF version to write."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QStandardPaths

from bianmin.designer.i18n import tr

SUFFIX = "-布置"  # the planner's copy of the architect's drawing: NAME-布置.dxf

# (ezdxf version code, name in the dialog); newest first.  R12 cannot be written from a newer drawing.
VERSIONS = (
    ("AC1032", "AutoCAD 2018"),
    ("AC1027", "AutoCAD 2013"),
    ("AC1024", "AutoCAD 2010"),
    ("AC1021", "AutoCAD 2007"),
    ("AC1018", "AutoCAD 2004"),
    ("AC1015", "AutoCAD 2000"),
)


def is_architects_drawing(document) -> bool:
    """The open file is a drawing the program did not make (nothing of the convention in it when
    read) and the plan would still be written into that very file."""
    read_from = getattr(document.read, "path", None)
    if document.path is None or read_from is None or getattr(document.read, "bm_content", True):
        return False
    try:
        return Path(read_from).resolve() == Path(document.path).resolve()
    except OSError:
        return False


def planner_copy(path: Path) -> Path:
    """NAME-布置.dxf beside the drawing (NAME-布置-2.dxf … when that exists)."""
    candidate = path.with_name(f"{path.stem}{SUFFIX}.dxf")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}{SUFFIX}-{n}.dxf")
        n += 1
    return candidate


def _templates_dir() -> Path:
    from bianmin.templates import path_of

    return path_of("street-center").parent.resolve()


def documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def start_for_save_as(window) -> str:
    """What the Save As dialog starts on: a proposed file, else a folder that is the user's own."""
    document = window.document
    if is_architects_drawing(document):
        return str(planner_copy(document.path))
    proposed = document.proposed_path()  # the plan's own file, or NAME.dxf beside a DWG
    if proposed is not None:
        return str(proposed)
    folder = window.settings.value("last_dir", "") or ""
    templates = _templates_dir()
    if not folder or Path(folder).resolve() == templates or templates in Path(folder).resolve().parents:
        folder = documents_dir()
    name = (document.plan.properties.name or "").strip() or tr("便民服务中心布置", "service-hall-plan")
    return str(Path(folder) / f"{name}.dxf")


def version_filters(doc) -> tuple[list[str], str]:
    """The dialog's file types, one per DXF version, and the one of the drawing now."""
    now = getattr(doc, "dxfversion", "AC1032")
    if now < "AC1015":
        label = tr(f"DXF 图纸，保持原版本 {now} (*.dxf)", f"DXF drawing, keep version {now} (*.dxf)")
        return [label], label
    filters = [tr(f"DXF 图纸 {name} (*.dxf)", f"DXF drawing {name} (*.dxf)") for _, name in VERSIONS]
    current = next((f for (code, _), f in zip(VERSIONS, filters, strict=False) if code == now), filters[0])
    return filters, current


def apply_version(doc, chosen_filter: str) -> None:
    """Set the drawing's DXF version to the one the chosen file type names (ezdxf writes it so)."""
    filters, _ = version_filters(doc)
    for (code, _), f in zip(VERSIONS, filters, strict=False):
        if f == chosen_filter and getattr(doc, "dxfversion", None) != code and doc.dxfversion >= "AC1015":
            doc.dxfversion = code
            return
