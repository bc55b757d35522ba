"""Chinese first, English second: every user-facing string is a (zh, en) pair."""

from __future__ import annotations

_LANG = {"current": "zh"}


def set_language(lang: str) -> None:
    _LANG["current"] = "en" if lang == "en" else "zh"


def language() -> str:
    return _LANG["current"]


def tr(zh: str, en: str) -> str:
    return en if _LANG["current"] == "en" else zh
