"""语言 / Language menu: Chinese or English for the whole window (Qt's own dialogs too), remembered."""

from __future__ import annotations

from bianmin.designer.i18n import set_language as set_words_language
from bianmin.designer.qt_language import use_qt_language


def set_language(window, lang: str) -> None:
    set_words_language(lang)
    use_qt_language(lang)
    window.settings.setValue("language", lang)
    window.retranslate()
