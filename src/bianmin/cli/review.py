"""``bianmin review``: the bureau's rounds, waivers, comparisons and opinion letters (issue 12).

Exit codes: 0 every plan passes (or the command did its work), 1 a plan fails, 2 an error.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from bianmin.cli.write_errors import cannot_write
from bianmin.standards.report.labels import REVIEW_VERDICT

EXIT_PASS, EXIT_FAIL, EXIT_ERROR = 0, 1, 2


def add_parser(sub) -> None:
    p = sub.add_parser("review", help="审批局审查：报审轮次、豁免、对比、意见书 / the bureau's review")
    what = p.add_subparsers(dest="review_command", metavar="ACTION")

    def common(q, formats=("text", "json")):
        q.add_argument(
            "--db",
            default=None,
            metavar="DB",
            help="审查数据库，默认当前文件夹的 bianmin-review.sqlite / the review database",
        )
        q.add_argument("--format", choices=list(formats), default="text", help="输出格式 / output format")
        q.add_argument("--lang", choices=["zh", "en"], default="zh", help="语言 / language")

    q = what.add_parser("add", help="校验并登记报审图纸 / check and record submitted plans")
    q.add_argument("paths", nargs="+", metavar="PATH", help="DXF/DWG 文件或文件夹 / plan files or folders")
    q.add_argument("--name", help="图纸名（默认取 BM_NAME 或文件名）/ plan name (default: BM_NAME or the file name)")
    q.add_argument("--config", metavar="FILE.toml", help="审批局的规则配置 / the bureau's rules config")
    common(q)
    q = what.add_parser("status", help="每份图纸的最新审查状态 / the latest state of every plan")
    q.add_argument("-o", "--output", metavar="FILE", help="写入文件而不是屏幕 / write to a file")
    common(q, ("text", "json", "html"))
    q.add_argument("--config", metavar="FILE.toml", help="取 [review] 中的审批局名称 / the bureau's name from [review]")
    q = what.add_parser("diff", help="两轮报审的问题对比 / findings of one round against another")
    q.add_argument(
        "name",
        help="图纸名；以 - 开头的名称写在 -- 之后，如 review diff -- -3号站 / plan name; one that starts with - goes after --",
    )
    q.add_argument(
        "--from", dest="from_round", type=int, metavar="N", help="较早的轮次，默认倒数第二轮 / earlier round"
    )
    q.add_argument("--to", dest="to_round", type=int, metavar="M", help="较晚的轮次，默认最新一轮 / later round")
    common(q)
    for action, zh in (("waive", "豁免"), ("unwaive", "撤销豁免")):
        q = what.add_parser(action, help=f"{zh}某规则的问题 / {action} findings of a rule")
        q.add_argument(
            "name",
            help="图纸名；以 - 开头的名称写在 -- 之后，如 review diff -- -3号站 / plan name; one that starts with - goes after --",
        )
        q.add_argument("rule", help="规则编号，如 CNTR-DEPTH / rule id")
        q.add_argument(
            "--fingerprint", metavar="FP", help="只针对此指纹的问题（见 diff --format json）/ one finding only"
        )
        q.add_argument("--reason", required=True, help=f"{zh}理由 / the reason")
        q.add_argument("--by", required=True, metavar="WHO", help="审查人 / reviewer")
        common(q)
    q = what.add_parser("letter", help="生成审查意见书 PDF / write the review opinion letter")
    q.add_argument(
        "name",
        help="图纸名；以 - 开头的名称写在 -- 之后，如 review diff -- -3号站 / plan name; one that starts with - goes after --",
    )
    q.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="LETTER.pdf",
        help="输出的 PDF 或 Word 文件 / the PDF or Word file to write",
    )
    q.add_argument(
        "--format",
        choices=["pdf", "docx"],
        default=None,
        help="pdf（默认）或 docx（可在 Word 中编辑、盖章）；默认按 -o 的扩展名 / pdf (default) or docx (editable in Word)",
    )
    q.add_argument(
        "--reply-sheet",
        metavar="REPLY.csv",
        help="同时写出空白回复表（意见编号、意见、回复），供街道办填写后用 review reply 登记 / also write the blank reply sheet",
    )
    for option, key in (
        ("--agency", "审查机构"),
        ("--builder", "建设单位（街道办事处）"),
        ("--design-org", "设计单位"),
        ("--project", "项目名称"),
        ("--address", "项目地址"),
    ):
        q.add_argument(option, metavar="TEXT", help=f"信头中的{key}，按图纸记住，下一轮不必再给 / remembered per plan")
    q.add_argument("--config", metavar="FILE.toml", help="审批局名称与信头在 [review] 中 / bureau name and letterhead")
    q.add_argument("--db", default=None, metavar="DB", help="审查数据库 / the review database")
    q = what.add_parser("reply", help="登记街道办对某轮意见书的回复 / record the street office's replies to a round")
    q.add_argument("name", help="图纸名 / plan name")
    q.add_argument(
        "reply_file", metavar="REPLY.csv", help="回复表：意见编号、意见、回复（CSV，UTF-8 或 GBK）/ the reply sheet"
    )
    q.add_argument(
        "--round", dest="round_no", type=int, required=True, metavar="N", help="回复的是第 N 轮意见书 / round N"
    )
    q.add_argument("--db", default=None, metavar="DB", help="审查数据库 / the review database")


def _fail(message: str) -> int:
    print(f"bianmin review: {message}", file=sys.stderr)
    return EXIT_ERROR


def run(args, write_letter=None) -> int:
    from bianmin.standards.config import Config
    from bianmin.review import commands as C
    from bianmin.review import db as D

    if args.review_command is None:
        return _fail("add / status / diff / waive / unwaive / letter / reply？")
    db_path = Path(args.db or D.DEFAULT_DB)
    if args.review_command != "add" and not db_path.exists():
        # only `add` starts a record: a mistyped --db answered "尚无报审" from a new, empty database
        return _fail(
            f"审查记录库 {db_path} 不存在；请检查 --db，或先用 review add 登记报审图纸 / "
            f"the review database {db_path} does not exist: check --db, or record plans with review add first"
        )
    try:
        config = Config.from_option(getattr(args, "config", None))
        con = D.connect(db_path)
    except (D.ReviewError, ValueError) as exc:
        return _fail(str(exc))
    try:
        handler = {
            "add": _add,
            "status": _status,
            "diff": _diff,
            "waive": _waive,
            "unwaive": _waive,
            "letter": _letter,
            "reply": _reply,
        }[args.review_command]
        return handler(args, con, db_path, config, C, write_letter)
    except D.ReviewError as exc:
        return _fail(str(exc))
    except sqlite3.Error as exc:  # locked past the wait, tables renamed or damaged: said, exit 2
        return _fail(D.database_trouble(db_path, exc))
    except OSError as exc:  # the file the user named, not the atomic write's hidden temporary one
        return _fail(cannot_write(getattr(args, "output", None) or exc.filename, exc))
    finally:
        con.close()


def _out(args, text: str) -> None:
    if getattr(args, "output", None):
        from bianmin.geometry.atomic import write_text

        write_text(Path(args.output), text)
    else:
        sys.stdout.write(text)


def _json(data) -> str:
    from bianmin.standards.report.common import finite  # a drawing's NaN or infinity is null, as in validate's JSON

    return json.dumps(finite(data), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _code(states) -> int:
    if any(s.get("verdict") == "unreadable" or "error" in s and "verdict" not in s for s in states):
        return EXIT_ERROR
    return EXIT_FAIL if any(s["verdict"] == "fail" for s in states) else EXIT_PASS


def _add(args, con, db_path, config, C, _):
    from bianmin.cli.plan_files import collect

    files, skipped = collect(args.paths)
    if not files and not skipped:
        return _fail("没有找到 DXF/DWG 文件 / no DXF or DWG files found")
    if args.name and len(files) > 1:
        return _fail("--name 只能用于一个文件 / --name is for one file only")
    states = C.add(con, db_path, files, config, name=args.name)
    states += [{"file": p, "error": reason} for p, reason in skipped]
    if args.format == "json":
        _out(args, _json({"submissions": [C.public(s) for s in states]}))
    else:
        v = REVIEW_VERDICT[args.lang]
        for s in states:
            if "error" in s and "verdict" not in s:
                print(f"{s['file']}: {s['error']}")
                continue
            again = "" if s["added"] else "（同一文件已登记 / already recorded）"
            line = (
                f"{s['name']}  第{s['round']}轮  {v[s['verdict']]}  错误 {s['errors']}  警告 {s['warnings']}  "
                f"已豁免 {s['waived']}"
                if args.lang == "zh"
                else f"{s['name']}  round {s['round']}  {v[s['verdict']]}  errors {s['errors']}  "
                f"warnings {s['warnings']}  waived {s['waived']}"
            )
            if s["round"] > 1:
                line += (
                    f"  较上一轮：已改正 {s['fixed']} / 新增 {s['new']} / 未变 {s['unchanged']}"
                    if args.lang == "zh"
                    else f"  since last round: fixed {s['fixed']} / new {s['new']} / unchanged {s['unchanged']}"
                )
            print(line + again)
    return _code(states)


def _status(args, con, db_path, config, C, _):
    states = C.status(con)
    if args.format == "json":
        _out(
            args,
            _json(
                {
                    "plans": [
                        {
                            k: C.public(s)[k]
                            for k in (
                                "name",
                                "round",
                                "verdict",
                                "errors",
                                "warnings",
                                "waived",
                                "fixed",
                                "new",
                                "sha256",
                                "submitted",
                            )
                        }
                        for s in states
                    ]
                }
            ),
        )
    elif args.format == "html":
        from bianmin.review.db import now
        from bianmin.review.html import render

        _out(args, render(states, config.review.get("bureau", ""), now()))
    else:
        v = REVIEW_VERDICT[args.lang]
        head = (
            ("图纸", "轮次", "结论", "错误", "警告", "已豁免", "已改正", "新增")
            if args.lang == "zh"
            else ("plan", "round", "verdict", "errors", "warnings", "waived", "fixed", "new")
        )
        lines = ["\t".join(head)]
        for s in states:
            lines.append(
                "\t".join(
                    str(x)
                    for x in (
                        s["name"],
                        s["round"],
                        v[s["verdict"]],
                        s["errors"],
                        s["warnings"],
                        s["waived"],
                        s["fixed"],
                        s["new"],
                    )
                )
            )
        if not states:
            lines.append("尚无报审 / nothing submitted yet")
        _out(args, "\n".join(lines) + "\n")
    return _code(states) if states else EXIT_PASS


def _diff(args, con, db_path, config, C, _):
    from bianmin.review import db as D

    a, b, cmp = C.diff(con, args.name, args.from_round, args.to_round)
    waivers = D.waivers(con, args.name)
    marks = C.opinion_marks(con, args.name, a, cmp)
    if args.format == "json":
        data = {"name": args.name, "from": a, "to": b}
        for key in ("fixed", "new", "unchanged", "waived"):
            data[key] = [C.finding_json(f, args.lang, waivers) for f in getattr(cmp, key)]
        data["opinions"] = marks
        _out(args, _json(data))
    else:
        words = {
            "fixed": "已改正 / fixed",
            "new": "新增 / new",
            "unchanged": "未变 / unchanged",
            "waived": "已豁免 / waived",
        }
        print(f"{args.name}: 第{a}轮 → 第{b}轮 / round {a} → {b}")
        for key, word in words.items():
            items = getattr(cmp, key)
            print(f"\n{word}: {len(items)}")
            for f in items:
                w = waivers.get(f.fingerprint) if key == "waived" else None
                extra = f"（{w['reason']}）" if w else ""
                print(f"  [{f.fingerprint}] {f.rule}: {f.text(args.lang)}{extra}")
        if marks:
            print(f"\n第{a}轮意见书的复核 / the round {a} letter's opinions, rechecked:")
            for m in marks:
                reply = f"（回复：{m['reply']}）" if m["reply"] else ""
                print(f"  {m['opinion']}  {m['recheck']}  {m['text']}{reply}")
    return EXIT_PASS


def _waive(args, con, db_path, config, C, _):
    undo = args.review_command == "unwaive"
    fps = C.waive(con, args.name, args.rule, fingerprint=args.fingerprint, reason=args.reason, by=args.by, undo=undo)
    if args.format == "json":
        _out(args, _json({"name": args.name, "rule": args.rule, "action": args.review_command, "fingerprints": fps}))
    else:
        word = "已撤销豁免" if undo else "已豁免"
        print(f"{word} {args.name} {args.rule}：{len(fps)} 项 / {args.review_command}d {len(fps)}")
    return EXIT_PASS


def _letter(args, con, db_path, config, C, write_letter):
    if write_letter is None:
        return _fail("无法生成 PDF / the PDF writer is not available")
    D = C.D
    given = {
        "agency": args.agency,
        "builder": args.builder,
        "design_org": args.design_org,
        "project": args.project,
        "address": args.address,
    }
    if any(given.values()):
        D.set_info(con, args.name, {k: v for k, v in given.items() if v})
    data = C.letter_data(con, db_path, args.name, config)
    out = Path(args.output)
    kind = args.format or ("docx" if out.suffix.lower() == ".docx" else "pdf")
    write_letter(data, data["read"], out, kind)
    print(f"已生成审查意见书 / letter written: {args.output}")
    if args.reply_sheet:
        from bianmin.geometry.atomic import write_text

        rows = C.reply_sheet_rows(con, args.name)
        write_text(Path(args.reply_sheet), _csv(rows), encoding="utf-8-sig")
        print(f"已写出回复表 / reply sheet written: {args.reply_sheet}（{len(rows)} 条意见）")
    return EXIT_PASS


def _csv(rows) -> str:
    import csv
    import io

    from bianmin.standards.report.common import csv_cell

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["意见编号", "审查意见", "回复"])
    for number, text, reply in rows:
        writer.writerow([number, csv_cell(text), reply])
    return buffer.getvalue()


def _reply(args, con, db_path, config, C, _):
    rows = _read_reply_sheet(Path(args.reply_file))
    n = C.reply(con, args.name, args.round_no, rows)
    print(f"已登记 {n} 条回复 / {n} replies recorded（{args.name} 第 {args.round_no} 轮）")
    return EXIT_PASS


def _read_reply_sheet(path: Path) -> list[tuple[str, str]]:
    """(opinion number, reply) from the sheet ``review letter --reply-sheet`` wrote, filled in Excel
    (saved as CSV, UTF-8 or GBK); the opinion text column is not read back."""
    import csv
    import io

    from bianmin.review.db import ReviewError

    data = path.read_bytes()
    for codec in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ReviewError(f"{path} 不是 UTF-8 或 GBK 文本 / is not UTF-8 or GBK text")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not rows[0] or "意见编号" not in rows[0][0]:
        raise ReviewError(f"{path} 不是回复表（第一行应为“意见编号,审查意见,回复”）/ is not a reply sheet")
    return [(r[0], r[2] if len(r) > 2 else "") for r in rows[1:] if r and r[0].strip()]


def cmd_review(args) -> int:
    """``bianmin review …``, with the opinion letter's PDF writer (drawing/letter.py) composed in."""

    def write_letter(data, read, out, kind="pdf"):
        if kind == "docx":
            from bianmin.drawing.letter_docx import write_letter_docx as write
        else:
            from bianmin.drawing.letter import write_letter as write

        write(data, read, out)

    return run(args, write_letter)
