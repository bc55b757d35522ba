"""What ``bianmin review add|status|diff|waive|unwaive|letter`` do, as data; cli/review.py prints it."""

from __future__ import annotations

import json
from pathlib import Path

from bianmin.review import db as D
from bianmin.standards.report import letter_form as F
from bianmin.review import store
from bianmin.review.compare import Comparison, compare


def plan_name(report, given: str | None, path: Path) -> str:
    return given or report.properties.get("BM_NAME") or path.stem


def add(con, db_path: Path, files, config, *, name: str | None = None) -> list[dict]:
    """Validate each file and record it as its plan's next round (the same file twice: one submission)."""
    from bianmin.standards.engine import validate_path

    out = []
    taken: dict[str, tuple[str, Path]] = {}  # plan name -> (sha, file) of this call's submissions
    for path in files:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            out.append({"file": str(path), "error": f"无法读取 {path}：{exc.strerror or exc}"})
            continue
        sha, kept = store.keep(db_path, data, path.suffix)
        report = validate_path(kept, config)  # the very bytes the bureau keeps are the ones checked
        report.path = str(path)
        plan = plan_name(report, name, path)
        first = taken.setdefault(plan, (sha, path))
        if first[0] != sha:
            # two different drawings in one submission under one name: not two rounds of one plan
            # (the tryout saw a passing community station vanish behind its namesake's round 2)
            out.append(
                {
                    "file": str(path),
                    "error": f"{path.name} 与同批的 {first[1].name} 机构名称相同（{plan}），未登记：同一批中一个名称"
                    f"只能有一份图纸；请核对图纸的 BM_NAME，或用 --name 单独登记 / same plan name as "
                    f"{first[1].name} in this batch: not recorded; check BM_NAME or add it alone with --name",
                }
            )
            continue
        sub, is_new = D.add_submission(
            con, plan, filename=path.name, sha256=sha, size=len(data), ruleset=config.ruleset, report=report
        )
        state = plan_state(con, plan, upto=sub["round"])
        state.update(file=str(path), added=is_new)
        out.append(state)
    return out


def _verdict(sub: dict, findings, waived: dict) -> str:
    if sub["status"] in ("unreadable", "not-a-plan"):  # either way the drawing could not be checked
        return "unreadable"
    return "fail" if any(f.severity == "error" and f.fingerprint not in waived for f in findings) else "pass"


def plan_state(con, name: str, upto: int | None = None) -> dict:
    """The plan at its latest round (or round ``upto``): verdict with waivers, counts, against the round before."""
    subs = D.rounds(con, name)
    if upto is not None:
        subs = [s for s in subs if s["round"] <= upto]
    if not subs:
        raise D.ReviewError(f"没有名为 {name!r} 的图纸 / no plan named {name!r}")
    last = subs[-1]
    findings = D.findings_of(con, last["id"])
    previous = D.findings_of(con, subs[-2]["id"]) if len(subs) > 1 else None
    waived = D.waivers(con, name)
    cmp = compare(previous, findings, waived)
    open_ = [f for f in findings if f.fingerprint not in waived]
    return {
        "name": name,
        "round": last["round"],
        "verdict": _verdict(last, findings, waived),
        "errors": sum(f.severity == "error" for f in open_),
        "warnings": sum(f.severity == "warning" for f in open_),
        "waived": len(cmp.waived),
        "fixed": len(cmp.fixed) if previous is not None else 0,
        "new": len(cmp.new) if previous is not None else 0,
        "unchanged": len(cmp.unchanged) if previous is not None else 0,
        "sha256": last["sha256"],
        "submitted": last["submitted"],
        "_submission": last,
        "_profile": last["profile"],
        "_metrics": json.loads(last["metrics"] or "{}"),
    }


def public(state: dict) -> dict:
    return {k: v for k, v in state.items() if not k.startswith("_")}


def status(con) -> list[dict]:
    return [plan_state(con, name) for name in D.plans(con)]


def diff(con, name: str, from_round: int | None = None, to_round: int | None = None) -> tuple[int, int, Comparison]:
    subs = {s["round"]: s for s in D.rounds(con, name)}
    if not subs:
        raise D.ReviewError(f"没有名为 {name!r} 的图纸 / no plan named {name!r}")
    to_round = to_round or max(subs)
    from_round = from_round if from_round is not None else to_round - 1
    for r in (from_round, to_round):
        if r not in subs and not (r == 0 and from_round == 0):
            raise D.ReviewError(
                f"图纸 {name} 没有第 {r} 轮（已有 {', '.join(map(str, sorted(subs)))}）/ plan {name} has no round {r}"
            )
    before = D.findings_of(con, subs[from_round]["id"]) if from_round in subs else []
    after = D.findings_of(con, subs[to_round]["id"])
    return from_round, to_round, compare(before, after, D.waivers(con, name))


def opinion_marks(con, name: str, from_round: int, cmp: Comparison) -> list[dict]:
    """The earlier round's letter opinions with their 复核: 已修改 (gone since), 已说明 (still there,
    with the street office's reply) or 未修改; what ``review diff`` shows beside the findings."""
    subs = {s["round"]: s for s in D.rounds(con, name)}
    if from_round not in subs:
        return []
    waivers = D.waivers(con, name)
    before = [f for f in D.findings_of(con, subs[from_round]["id"]) if f.fingerprint not in waivers]
    replies = D.replies_of(con, subs[from_round]["id"])
    letter = F.form(before, replies=replies, fixed=cmp.fixed)
    return [
        {
            "opinion": f"{o.discipline} {o.number}",
            "text": o.text,
            "reply": o.reply,
            "recheck": o.recheck,
            "fingerprint": o.fingerprint,
        }
        for o in letter.opinions
    ]


def finding_json(f, lang: str, waivers: dict | None = None) -> dict:
    d = f.to_dict(lang)
    d["fingerprint"] = f.fingerprint
    w = (waivers or {}).get(f.fingerprint)
    if w:
        d["waiver"] = {"reason": w["reason"], "by": w["reviewer"], "at": w["at"]}
    return d


def waive(con, name: str, rule: str, *, fingerprint: str | None, reason: str, by: str, undo: bool = False) -> list[str]:
    """Waive (or un-waive) one finding or every finding of ``rule`` at the plan's latest round; the fingerprints."""
    if not reason.strip() or not by.strip():
        raise D.ReviewError("豁免须写明理由（--reason）和审查人（--by）/ a waiver needs --reason and --by")
    state = plan_state(con, name)
    findings = [f for f in D.findings_of(con, state["_submission"]["id"]) if f.rule == rule]
    in_force = D.waivers(con, name)
    if fingerprint:
        known = {f.fingerprint for f in findings} | {fp for fp, w in in_force.items() if w["rule"] == rule}
        if fingerprint not in known:
            raise D.ReviewError(f"图纸 {name} 的 {rule} 没有指纹为 {fingerprint} 的问题 / no such finding")
        targets = [fingerprint]
    else:
        targets = list(dict.fromkeys(f.fingerprint for f in findings))
        if undo:
            targets = [fp for fp, w in in_force.items() if w["rule"] == rule]
    targets = [fp for fp in targets if (fp in in_force) == undo]  # only what changes: the trail stays readable
    if not targets and not fingerprint:
        raise D.ReviewError(
            f"图纸 {name} 第 {state['round']} 轮没有{'已豁免的' if undo else '未豁免的'} {rule} 问题 / "
            f"nothing of rule {rule} to {'unwaive' if undo else 'waive'}"
        )
    con.execute("BEGIN IMMEDIATE")
    try:
        for fp in targets:
            D.add_waiver(con, name, rule, fp, "unwaive" if undo else "waive", reason, by)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return targets


def letter_data(con, db_path: Path, name: str, config, lang: str = "zh") -> dict:
    """Everything the 审查意见书 prints, as plain data (the PDF code never runs the checks)."""
    from datetime import date

    state = plan_state(con, name)
    sub = state["_submission"]
    findings = D.findings_of(con, sub["id"])
    waivers = D.waivers(con, name)
    subs = D.rounds(con, name)
    previous = D.findings_of(con, subs[-2]["id"]) if len(subs) > 1 else None
    cmp = compare(previous, findings, waivers)
    open_ = [f for f in findings if f.fingerprint not in waivers]
    review = getattr(config, "review", {}) or {}
    stored = store.find(db_path, sub["sha256"])
    read = _read_stored(stored)  # read once: the places in words and the letter's thumbnail
    bounds = _hall_bounds(read)
    previous_form = None
    if previous is not None:
        replies = D.replies_of(con, subs[-2]["id"])
        if replies:
            prev_open = [f for f in previous if f.fingerprint not in waivers]
            previous_form = F.form(prev_open, hall_bounds=bounds, replies=replies, fixed=cmp.fixed)
    conclusion_words = dict(F.CONCLUSIONS)
    for key in ("pass", "fail"):
        if review.get(f"conclusion_{key}"):
            conclusion_words[key] = review[f"conclusion_{key}"]
    header = {**{"agency": review.get("bureau", "")}, **D.info(con, name)}
    return {
        "form": F.form(open_, hall_bounds=bounds),
        "previous_form": previous_form,
        "header": header,
        "conclusion": conclusion_words.get(state["verdict"], state["verdict"]),
        "date_zh": F.chinese_date(),
        "bureau": review.get("bureau", ""),
        "letterhead": review.get("letterhead", ""),
        "reviewer": review.get("reviewer", ""),
        "name": name,
        "round": sub["round"],
        "date": date.today().isoformat(),
        "filename": sub["filename"],
        "sha256": sub["sha256"],
        "submitted": sub["submitted"],
        "ruleset": sub["ruleset"],
        "config_sha256": sub["config_sha256"],
        "verdict": state["verdict"],
        "open": open_,
        "fixed": cmp.fixed if previous is not None else [],
        "waived": [(f, waivers[f.fingerprint]) for f in cmp.waived],
        "read": read,
    }


def _read_stored(stored):
    """The submitted plan as read, or None when it is not kept or cannot be read (the letter then
    goes out without its thumbnail and says places less precisely)."""
    if stored is None:
        return None
    from bianmin.geometry.dxf.read import PlanReadError, read_plan

    try:
        return read_plan(stored)
    except (PlanReadError, OSError):
        return None


def _hall_bounds(read):
    """The submitted plan's hall box (mm), for saying where a finding is; None without a hall."""
    hall = read.plan.hall if read is not None else None
    if hall is None:
        return None
    xs = [p[0] for p in hall.outline]
    ys = [p[1] for p in hall.outline]
    return (min(xs), min(ys), max(xs), max(ys))


def reply(con, name: str, round_no: int, rows: list[tuple[str, str]]) -> int:
    """Store the street office's 回复 to round ``round_no``'s letter: rows of (opinion number as
    printed, e.g. "消防 2", reply); how many were stored.  Unknown numbers are refused by name."""
    subs = {s["round"]: s for s in D.rounds(con, name)}
    if round_no not in subs:
        raise D.ReviewError(f"{name} 没有第 {round_no} 轮报审 / no round {round_no}")
    sub = subs[round_no]
    findings = D.findings_of(con, sub["id"])
    waivers = D.waivers(con, name)
    letter = F.form([f for f in findings if f.fingerprint not in waivers])
    by_number = {f"{o.discipline} {o.number}": o.fingerprint for o in letter.opinions}
    by_number.update({f"{o.discipline}{o.number}": o.fingerprint for o in letter.opinions})
    unknown = [n for n, _ in rows if n.strip() not in by_number]
    if unknown:
        raise D.ReviewError(
            f"回复中的意见编号 {', '.join(unknown[:5])} 不在第 {round_no} 轮意见书中（应如“消防 2”）/ "
            f"opinion numbers not in round {round_no}'s letter (e.g. 消防 2)"
        )
    return D.add_replies(con, sub["id"], {by_number[n.strip()]: text for n, text in rows})


def reply_sheet_rows(con, name: str) -> list[tuple[str, str, str]]:
    """The blank 回复 sheet of the latest round: (opinion number, opinion, empty reply)."""
    state = plan_state(con, name)
    sub = state["_submission"]
    waivers = D.waivers(con, name)
    findings = [f for f in D.findings_of(con, sub["id"]) if f.fingerprint not in waivers]
    return [(f"{o.discipline} {o.number}", o.text, "") for o in F.form(findings).opinions]
