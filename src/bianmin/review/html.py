"""``bianmin review status --format html``: a dashboard the bureau can mail (one file, no scripts)."""

from __future__ import annotations

from html import escape

from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS

from bianmin.standards.report import labels as L

VERDICT = {k: (word, L.VERDICT_COLOUR[k]) for k, word in L.REVIEW_VERDICT["zh"].items()}
CSS = """body{font-family:"Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:16px;margin-top:22px}table{border-collapse:collapse;margin:6px 0}
td,th{border:1px solid #bbb;padding:4px 10px;text-align:left}th{background:#1f4e79;color:#fff;white-space:nowrap}
.n{text-align:right}.t{white-space:nowrap}.v{font-weight:bold;white-space:nowrap}
.cards span{display:inline-block;margin-right:14px;
padding:8px 14px;border-radius:6px;color:#fff;font-size:15px}"""


def _when(iso: str) -> str:
    """2026-11-27T09:57:31+08:00 as 2026-11-27 09:57 (the time as recorded, in the recording PC's zone)."""
    return iso[:16].replace("T", " ")


def render(states: list[dict], bureau: str = "", generated: str = "") -> str:
    counts = {k: sum(s["verdict"] == k for s in states) for k in VERDICT}
    cards = "".join(
        f'<span style="background:{VERDICT[k][1]}">{VERDICT[k][0]}：{counts[k]}</span>'
        for k in VERDICT
        if counts[k] or k != "unreadable"
    )
    order = {"unreadable": 0, "fail": 1, "pass": 2}
    rows = []
    for s in sorted(states, key=lambda s: (order.get(s["verdict"], 9), -s["errors"], s["name"])):
        word, colour = VERDICT.get(s["verdict"], (s["verdict"], "#000"))
        rows.append(
            f'<tr><td>{escape(s["name"])}</td><td class="n">{s["round"]}</td>'
            f'<td class="v" style="color:{colour}">{word}</td><td class="n">{s["errors"]}</td>'
            f'<td class="n">{s["warnings"]}</td><td class="n">{s["waived"]}</td><td class="n">{s["fixed"]}</td>'
            f'<td class="n">{s["new"]}</td><td class="t">{escape(_when(s["submitted"]))}</td></tr>'
        )
    rates = []
    for profile, target in DISTRICT_MAILBOX_TARGETS.items():
        mine = [s for s in states if s.get("_profile") == profile and s["verdict"] != "unreadable"]
        have = sum(bool((s.get("_metrics") or {}).get("mailbox")) for s in mine)
        rate = f"{have / len(mine) * 100:.0f}%（{have}/{len(mine)}）" if mine else "—"
        ok = mine and have / len(mine) >= target
        colour = "#1b7a2e" if ok else "#b00020" if mine else "#666"
        rates.append(
            f'<tr><td>{escape(L.PROFILE["zh"][profile])}</td><td style="color:{colour}">{rate}</td>'
            f"<td>{target * 100:.0f}%</td></tr>"
        )
    title = f"{escape(bureau)} 便民服务中心平面审查进度" if bureau else "便民服务中心平面审查进度"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title><style>{CSS}</style></head><body>
<h1>{title}</h1><p>生成时间 / generated: {escape(_when(generated))}</p>
<div class="cards">{cards}</div>
<h2>各街道/社区图纸 / plans</h2>
<table><tr><th>图纸</th><th>轮次</th><th>结论</th><th>未豁免错误</th><th>警告</th><th>已豁免</th>
<th>已改正</th><th>新增</th><th>报审时间</th></tr>
{"".join(rows) or '<tr><td colspan="9">尚无报审 / nothing submitted yet</td></tr>'}
</table>
<h2>24小时自助信包箱投放率（对照区目标）/ 24-hour locker rate against the district targets</h2>
<table><tr><th>类型</th><th>投放率</th><th>目标</th></tr>{"".join(rates)}</table>
</body></html>
"""
