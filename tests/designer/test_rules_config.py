"""文件 > 校验配置…: the bureau's rules config in the designer, remembered and shown (issue 14)."""

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.actions import config as config_action  # noqa: E402
from bianmin.designer.document import PlanDocument  # noqa: E402


BUREAU = """
disable = ["EQUIP-CONVENIENCE"]

[rules."META-NAME"]
severity = "error"
"""


def _rules(report):
    return {f.rule: f.severity for f in report.findings}


def test_the_config_changes_the_live_findings_and_is_remembered(make_window, qtbot, tmp_path):
    path = tmp_path / "新城区.toml"
    path.write_text(BUREAU, encoding="utf-8")
    window = make_window(PlanDocument.new())
    before = _rules(window.validator.last_report)
    assert "EQUIP-CONVENIENCE" in before and before["META-NAME"] == "warning"
    assert window.config_label.text() == "校验配置：默认规则"

    with qtbot.waitSignal(window.validator.finished, timeout=20000):
        assert config_action.use_config(window, path)
    after = _rules(window.validator.last_report)
    assert "EQUIP-CONVENIENCE" not in after and after["META-NAME"] == "error"
    assert window.config_label.text() == "校验配置：新城区.toml"
    assert "新城区.toml" in window.docks["findings"].windowTitle()
    assert window.config.sha256 != type(window.config)().sha256

    window.settings.sync()
    again = make_window(PlanDocument.new())  # the same settings file: a later session
    assert again.config.source == str(path)
    assert "EQUIP-CONVENIENCE" not in _rules(again.validator.last_report)
    assert "新城区.toml" in again.config_label.text()
    again.set_language("en")
    assert again.docks["findings"].windowTitle() == "Findings (config: 新城区.toml)"
    again.set_language("zh")

    with qtbot.waitSignal(again.validator.finished, timeout=20000):
        assert config_action.use_config(again, None)
    assert "EQUIP-CONVENIENCE" in _rules(again.validator.last_report)
    assert again.config_label.text() == "校验配置：默认规则" and again.docks["findings"].windowTitle() == "校验结果"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b'[rules."NO-SUCH-RULE"]\nx = 1\n', "NO-SUCH-RULE 不存在"),
        (b"disable = [\n", "不是有效的 TOML"),
        ('disable = ["规则"]  # 注释'.encode("gbk"), "不是 UTF-8 编码"),
        (b'[rules."HALL-AREA"]\nmin_area_m2 = "big"\n', "应为数字"),
    ],
)
def test_a_bad_file_is_a_chinese_message_and_the_rules_stay(make_window, tmp_path, content, reason):
    good = tmp_path / "good.toml"
    good.write_text(BUREAU, encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_bytes(content)
    window = make_window(PlanDocument.new())
    assert config_action.use_config(window, good)
    assert not config_action.use_config(window, bad)
    title, text = window.last_error
    assert title == "无法使用校验配置" and reason in text and "bad.toml" in text and "good.toml" in text
    assert window.config.source == str(good) and window.validator.config is window.config
    assert window.settings.value("rules_config") == str(good)


def test_a_remembered_file_gone_is_said_and_the_default_rules_used(make_window, tmp_path, qtbot):
    from PyQt6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("rules_config", str(tmp_path / "gone.toml"))
    settings.sync()
    window = make_window(PlanDocument.new())
    qtbot.waitUntil(lambda: getattr(window, "last_error", None) is not None)
    assert window.last_error[0] == "无法使用上次的校验配置" and "gone.toml" in window.last_error[1]
    assert window.config.source is None and "EQUIP-CONVENIENCE" in _rules(window.validator.last_report)
