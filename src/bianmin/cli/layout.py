"""``bianmin layout IN -o OUT [--only …]``: complete a plan with what is missing (issue 13)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bianmin.autolayout import KINDS

EXIT_PASS, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2
_COVER_ZH = {
    "extinguisher points": "灭火器设置点",
    "manual call points": "手动报警按钮",
    "emergency lights": "应急照明灯",
    "cameras": "监控摄像机",
    "evacuation signs": "疏散指示标志",
}


def add_parser(sub) -> None:
    p = sub.add_parser("layout", help="自动布置 / complete a plan automatically")
    p.add_argument("input", help="输入图纸 DXF / the plan to complete")
    p.add_argument("-o", "--output", required=True, help="输出图纸 DXF / where to write the completed plan")
    p.add_argument(
        "--only",
        default=",".join(KINDS),
        help=f"只布置这些类别，逗号分隔 / only these kinds, comma-separated: {','.join(KINDS)}",
    )
    p.add_argument("--config", metavar="FILE.toml", help="审批局的规则配置（距离按其参数） / the bureau's rules config")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite an existing file")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="输出语言 / output language")


def cmd_layout(args) -> int:
    from bianmin.geometry.atomic import same_file
    from bianmin.geometry.dxf.read import PlanReadError, read_plan
    from bianmin.geometry.dxf.write import write_plan

    from bianmin.autolayout.api import layout

    from bianmin.standards.config import Config

    en = args.lang == "en"
    try:
        config = Config.from_option(getattr(args, "config", None))
    except ValueError as exc:
        print(f"bianmin: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    only = [k.strip().lower() for k in args.only.split(",") if k.strip()]
    bad = [k for k in only if k not in KINDS]
    if bad or not only:
        print(
            f"bianmin: --only {args.only!r}: 应为 {','.join(KINDS)} 中的若干项 / expected some of {','.join(KINDS)}",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    src, out = Path(args.input), Path(args.output)
    if out.exists() and same_file(out, src):
        print(
            f"bianmin: 输出文件 {out} 就是输入的图纸，不能覆盖 / the output is the input: refusing to overwrite it",
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    if out.exists() and not args.force:  # another street's plan, or any file: never replaced unasked
        print(f"bianmin: {out} 已存在；用 --force 覆盖 / already exists; use --force to overwrite", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        read = read_plan(src)
    except (PlanReadError, OSError) as exc:
        print(f"bianmin: 无法读取 {src}：{exc} / cannot read {src}", file=sys.stderr)
        return EXIT_UNREADABLE
    start = time.perf_counter()
    result = layout(read.plan, only, config=config)
    took = time.perf_counter() - start
    if read.plan.hall is None or not result.added and any(n.rule == "DXF-HALL" for n in result.notes):
        for n in result.notes:
            print(f"{n.rule}: {n.en if en else n.zh}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        write_plan(result.plan, out, doc=read.doc, units_factor=read.units_factor)
    except OSError as exc:
        print(f"bianmin: 无法写入 {out}：{exc.strerror or exc} / cannot write {out}", file=sys.stderr)
        return EXIT_UNREADABLE
    counts: dict[str, int] = {}
    for obj in result.added:
        counts[obj.block] = counts.get(obj.block, 0) + 1
    added = "，".join(f"{b} ×{n}" for b, n in sorted(counts.items())) or ("nothing" if en else "无")
    print(f"{out}: {'added' if en else '已添加'} {added}" + (f" ({took:.1f} s)" if en else f"（{took:.1f} 秒）"))
    for name, (placed, bound) in result.covers.items():
        if not bound:
            continue
        zh = _COVER_ZH.get(name, name)
        if placed:
            print(f"  {name}: {placed} placed, lower bound {bound}" if en else f"  {zh}：布置 {placed}，下界 {bound}")
        else:
            print(f"  {name}: those in the plan already cover the floor" if en else f"  {zh}：原有的已覆盖全部地面")
    errors = [f for f in result.report.findings if f.severity == "error"] if result.report else []
    for n in result.notes:
        print(f"  {'note' if en else '说明'} {n.rule}: {n.en if en else n.zh}")
    verdict = (
        ("passes" if en else "通过")
        if not errors
        else (f"{len(errors)} error(s) left" if en else f"仍有 {len(errors)} 个错误")
    )
    print(f"{'check' if en else '校验'}: {verdict}")
    return EXIT_PASS if not errors else EXIT_FINDINGS
