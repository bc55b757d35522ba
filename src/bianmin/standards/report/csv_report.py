"""One row per finding (and one per clean or unreadable file), for a spreadsheet.

Written with a byte-order mark by the CLI, so Excel on a Chinese Windows opens it as UTF-8.
Every text cell is neutralised against formula injection (a window number "=HYPERLINK(...)"
or a file name "+cmd" is shown as text, never run).
"""

import csv
import io

from bianmin.standards.report import labels as L
from bianmin.standards.report.common import csv_cell

HEADER = {
    "zh": ["文件", "结论", "类型", "规则", "级别", "说明", "依据", "图元", "X (m)", "Y (m)", "指纹", "强条"],
    "en": [
        "file",
        "status",
        "profile",
        "rule",
        "severity",
        "message",
        "source",
        "handles",
        "x (m)",
        "y (m)",
        "fingerprint",
        "mandatory",
    ],
}


def render(reports, summary, ruleset, lang="zh") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(HEADER[lang])
    for r in reports:
        base = [csv_cell(r.path), L.status(r.status, lang), L.PROFILE[lang].get(r.profile, r.profile or "")]
        findings = r.sorted_findings()
        if not findings:
            w.writerow(base + ["", "", csv_cell(r.error or ""), "", "", "", "", "", ""])
        for f in findings:
            x, y = (f"{f.location[0] / 1000:.2f}", f"{f.location[1] / 1000:.2f}") if f.location else ("", "")
            w.writerow(
                base
                + [
                    f.rule,
                    L.severity(f.severity, lang),
                    csv_cell(f.text(lang)),
                    csv_cell(f.source),
                    csv_cell(" ".join(f.handles)),
                    x,
                    y,
                    f.fingerprint,
                    # the last column, so that spreadsheets reading the earlier ones by position still work
                    ("yes" if lang == "en" else "是") if getattr(f, "mandatory", False) else "",
                ]
            )
    return buf.getvalue()
