"""Words shared by the report views, in both languages (enumerations come from the catalogue)."""

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
METRICS = {
    "hall_area_m2": ("大厅面积 (m²)", "hall area (m²)"),
    "counters": ("柜台数", "counters"),
    "windows": ("窗口数", "windows"),
    "seats": ("等候座椅", "waiting seats"),
    "mailbox": ("24小时信包箱", "24-hour locker"),
    "max_travel_m": ("最远直线疏散距离 (m)", "max straight-line travel (m)"),
    "max_walk_travel_m": ("最远步行疏散距离 (m)", "max walking travel (m)"),
    "max_extinguisher_walk_m": ("最远步行至灭火器 (m)", "max walk to an extinguisher (m)"),
    "max_alarm_walk_m": ("最远步行至报警按钮 (m)", "max walk to an alarm (m)"),
    "camera_coverage": ("监控覆盖率", "camera coverage"),
    "required_windows": ("排队模型所需窗口数", "windows required by the queue model"),
}


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
