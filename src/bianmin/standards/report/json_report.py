"""The JSON report of ``bianmin validate --format json`` (docs/json-report.md describes every field)."""

import json

from bianmin.standards.version import version

from bianmin.standards.report.common import SOURCES, finite, sources_of


def data(reports, summary, ruleset, lang="zh") -> dict:
    summary_dict = summary.to_dict()
    return {
        "tool": "bianmin",
        "version": version(),
        "ruleset": ruleset,
        "files": [r.to_dict(lang) for r in reports],
        "summary": summary_dict,
        "sources": {k: {"zh": SOURCES[k][0], "en": SOURCES[k][1]} for k in sources_of(reports)},
    }


def render(reports, summary, ruleset, lang="zh") -> str:
    # a drawing can put NaN or infinity into a figure: JSON has neither, so they are null
    return (
        json.dumps(finite(data(reports, summary, ruleset, lang)), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    )
