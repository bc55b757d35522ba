"""Words shared by the report views, in both languages (enumerations come from the catalogue)."""

from bianmin.geometry import catalog
from bianmin.geometry.catalog import KINDS, SEVERITIES

STATUS = {
    "zh": {"pass": "通过", "fail": "未通过", "unreadable": "无法读取", "not-a-plan": "不是按约定绘制的平面图"},
    "en": {"pass": "pass", "fail": "fail", "unreadable": "unreadable", "not-a-plan": "not a plan"},
}
# the bureau's verdict on a submission (review status/diff, the dashboard, the letter), and its colour
REVIEW_VERDICT = {
    "zh": {"pass": "同意", "fail": "修改后重新报审", "unreadable": "无法读取"},
    "en": {"pass": "approved", "fail": "revise and resubmit", "unreadable": "unreadable"},
}
VERDICT_COLOUR = {"pass": "#1b7a2e", "fail": "#b00020", "unreadable": "#6a1b9a", "not-a-plan": "#b00020"}
SEVERITY = {lang: {k: SEVERITIES.label(k, lang) for k in SEVERITIES} for lang in ("zh", "en")}
PROFILE = {lang: {**{k: KINDS.label(k, lang) for k in KINDS}, None: "—"} for lang in ("zh", "en")}
METRICS = catalog.METRICS  # the metric keys and their names: geometry/catalog.py


def status(value, lang):
    return STATUS[lang].get(value, value)


def severity(value, lang):
    return SEVERITY[lang].get(value, value)


def metric_label(key, lang):
    zh, en = METRICS.get(key, (key, key))
    return en if lang == "en" else zh


def metric_value(value):
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)
