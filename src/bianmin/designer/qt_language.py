"""Qt's own words (the Save / Discard / Cancel, OK, Yes / No of its standard dialogs) in the
designer's language: Qt ships them as qtbase_zh_CN.qm beside its libraries, the PyInstaller
bundle included; without a translator they stay English in a Chinese interface."""

from __future__ import annotations

from PyQt6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_INSTALLED: dict[str, QTranslator] = {}


def use_qt_language(lang: str) -> bool:
    """Install Qt's Chinese for ``lang == "zh"``, remove it for English; whether Chinese is in use.
    A missing translation file leaves Qt's English, never an error."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    old = _INSTALLED.pop("qtbase", None)
    if old is not None:
        app.removeTranslator(old)
    if lang != "zh":
        return False
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load("qtbase_zh_CN", folder):
        return False
    app.installTranslator(translator)
    _INSTALLED["qtbase"] = translator
    return True
