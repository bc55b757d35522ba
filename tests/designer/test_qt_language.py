"""Qt's standard buttons speak the designer's language (tryout: Save / Discard / Cancel, OK and
Yes / No were English in the Chinese interface)."""

from PyQt6.QtWidgets import QDialogButtonBox

from bianmin.designer.document import PlanDocument


def _cancel_text():
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_standard_buttons_follow_the_language(make_window):
    window = make_window(PlanDocument.new())
    try:
        window.set_language("zh")
        assert "取消" in _cancel_text()
        window.set_language("en")
        assert "Cancel" in _cancel_text()
    finally:
        window.set_language("zh")
