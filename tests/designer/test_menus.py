"""The menus come from one table (designer/actions/menus.py): every entry is in its menu, with its
shortcut, in the language chosen; a language change renames the same actions (it does not rebuild
them), and the undo entry still says what it undoes."""

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.actions.menus import ENTRIES, MENUS, handler_of  # noqa: E402
from bianmin.designer.commands import SetProperties  # noqa: E402
from bianmin.designer.document import PlanDocument  # noqa: E402


def test_every_entry_of_the_table_is_in_its_menu_in_both_languages(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    actions = [e for e in ENTRIES if e.kind == "action"]
    assert [a.text() for a in window.menuBar().actions()] == [zh for _, zh, _ in MENUS]
    for entry in actions:
        handler_of(entry)  # every handler names a function of actions/
        action = window.acts[entry.key]
        assert action.text() == entry.zh and action.shortcut().toString() == (entry.shortcut or "")
        assert action in window.menus[entry.menu].actions()
    before = dict(window.acts)
    window.set_language("en")
    assert [a.text() for a in window.menuBar().actions()] == [en for _, _, en in MENUS]
    assert window.acts == before, "a language change renames the actions, it does not make new ones"
    for entry in actions:
        assert window.acts[entry.key].text() == entry.en
    window.set_language("zh")  # the language is the process's: the next test starts in Chinese


def test_undo_entry_says_what_it_undoes_in_the_language_chosen(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    window.set_language("zh")
    properties = window.document.plan.properties
    window.document.do(SetProperties(properties, properties))
    assert window.acts["undo"].isEnabled() and window.acts["undo"].text().startswith("撤销 ")
    window.set_language("en")
    assert window.acts["undo"].text().startswith("Undo ")
    window.set_language("zh")
