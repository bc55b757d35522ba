"""Number formatting shared by rule messages."""


def m(mm: float) -> str:
    """Millimetres shown as metres, one decimal."""
    return f"{mm / 1000:.1f} m"


def mm(value: float) -> str:
    return f"{value:.0f} mm"


def m2(value: float) -> str:
    return f"{value:.1f} m²"


def names(items, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(items)
