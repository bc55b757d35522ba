"""The JSON report of cli.md."""
import json

from bianmin.standards.version import version


def data(reports, summary, ruleset, lang="zh") -> dict:
    summary_dict = summary.to_dict()
    return {"tool": "bianmin", "version": version(), "ruleset": ruleset,
            "files": [r.to_dict(lang) for r in reports], "summary": summary_dict}


def render(reports, summary, ruleset, lang="zh") -> str:
    return json.dumps(data(reports, summary, ruleset, lang), ensure_ascii=False, indent=2) + "\n"
