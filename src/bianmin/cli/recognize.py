"""``bianmin recognize``: the architect's drawing in, the same drawing plus a recognized plan out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

EXIT_FOUND, EXIT_NONE = 0, 2


def add_parser(sub) -> None:
    p = sub.add_parser("recognize", help="识别建筑底图中的大厅、门和柱 / recognize the hall, doors and columns")
    p.add_argument("drawing", metavar="IN.dxf", help="建筑底图（DXF 或 DWG）/ the architect's drawing")
    p.add_argument("-o", "--output", metavar="OUT.dxf", help="写入识别结果 / write the recognized plan here")
    p.add_argument(
        "--at",
        metavar="X,Y",
        help="大厅内一点：图纸单位；两个值都以 m 结尾（如 12.5m,6m）则为距图纸左下角的米数 / a point inside the "
        "hall in drawing units; both values ending in m (e.g. 12.5m,6m): metres from the drawing's lower-left",
    )
    p.add_argument(
        "--list", action="store_true", help="列出识别到的房间（编号、名称、面积、门数）/ list the rooms found"
    )
    p.add_argument(
        "--room", type=int, metavar="N", help="取 --list 中第 N 号房间为大厅 / take room N of --list as the hall"
    )
    p.add_argument("--format", choices=["text", "json"], default="text", help="报告格式 / report format")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="报告语言 / report language")
    for kind, zh in (("wall", "墙"), ("door", "门"), ("window", "窗"), ("column", "柱")):
        p.add_argument(
            f"--{kind}-layers",
            metavar="REGEX",
            help=f"另外按此正则识别{zh}图层（不区分大小写）/ also take layers matching REGEX as {kind}s",
        )


def _point(text: str):
    """``--at``: (x, y, in_metres). Both values ending in ``m`` are metres from the drawing's lower-left."""
    parts = [v.strip() for v in text.replace("，", ",").split(",")]
    metres = len(parts) == 2 and all(v.lower().endswith("m") for v in parts)
    mixed = any(v.lower().endswith("m") for v in parts) and not metres
    try:
        if mixed:
            raise ValueError
        x, y = (float(v[:-1] if metres else v) for v in parts)
    except ValueError:
        raise ValueError(
            f"--at {text!r}：应为 X,Y（图纸单位）或 Xm,Ym（距左下角米数），例如 --at 12000,5000 或 --at 12.5m,6m / "
            "--at needs X,Y (drawing units) or Xm,Ym (metres from the lower-left), e.g. --at 12000,5000 or --at 12.5m,6m"
        ) from None
    return x, y, metres


def _fail(message: str) -> int:
    print(f"bianmin recognize: {message}", file=sys.stderr)
    return EXIT_NONE


def run(args) -> int:
    from bianmin.geometry.dxf.load import PlanReadError, load_document
    from bianmin.geometry.recognize.api import recognize_at
    from bianmin.geometry.recognize.output import list_text, to_dict, to_text, write_recognized
    from bianmin.geometry.recognize.patterns import DEFAULT

    src = Path(args.drawing)
    try:
        if args.at and args.room is not None:
            raise ValueError("--at 与 --room 只能用一个 / give --at or --room, not both")
        at = _point(args.at) if args.at else None
        patterns = DEFAULT.extended(
            wall_layers=args.wall_layers,
            door_layers=args.door_layers,
            window_layers=args.window_layers,
            column_layers=args.column_layers,
        )
    except ValueError as exc:
        return _fail(str(exc))
    out = Path(args.output) if args.output else None
    if out is not None:
        if out.resolve() == src.resolve():
            return _fail(f"{out}：输出不能覆盖底图本身 / the output must not replace the drawing itself")
        if out.exists() and not args.force:
            return _fail(f"{out} 已存在；用 --force 覆盖 / already exists; use --force to overwrite")
    try:
        doc = load_document(src)[0]  # a DWG is read by its content (ezdwg, in the DXF adapter)
    except PlanReadError as exc:
        return _fail(f"{src}: {exc}")
    try:
        rec = recognize_at(
            doc,
            at=None if at is None else at[:2],
            metres=bool(at and at[2]),
            room=args.room,
            patterns=patterns,
        )
    except MemoryError:  # said by cli/work_limits.py, not as a broken drawing
        raise
    except Exception as exc:  # noqa: BLE001 -- never a traceback: name the file and what broke
        return _fail(f"{src}: 识别失败 / recognition failed: {type(exc).__name__}: {exc}")
    if args.list:
        if args.format == "json":
            rooms = to_dict(rec, str(src))["rooms_found"]
            sys.stdout.write(json.dumps(rooms, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(list_text(rec, args.lang))
        return EXIT_FOUND if rec.room_list else _fail(f"{src}: 未找到房间 / no room found")
    if args.format == "json":
        sys.stdout.write(json.dumps(to_dict(rec, str(src)), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(to_text(rec, str(src), args.lang))
    if not rec.found:
        return _fail(f"{src}: 未找到房间，无法识别大厅 / no room found: no hall recognized")
    if rec.doubts and args.format == "json":  # the text report lists them above; JSON readers get a line too
        print(f"bianmin recognize: {src}: 识别结果需要核对 / check the recognized hall", file=sys.stderr)
    if out is not None:
        try:
            write_recognized(doc, rec, out)
        except OSError as exc:
            return _fail(f"无法写入 {out}：{exc.strerror or exc} / cannot write {out}")
        print(f"已写入 / written {out}", file=sys.stderr if args.format == "json" else sys.stdout)
    return EXIT_FOUND
