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


def object_subject(obj) -> tuple[str, str]:
    """A stable identity for a placed object: its block and where it stands (to 0.5 m), never its handle."""
    x, y = obj.position
    return ("block", f"{obj.block}@{round(x / 500)},{round(y / 500)}")


def things(plan, ids) -> tuple[str, str]:
    """What the elements with these ids are, in words: ("等候座椅、障碍物", "waiting seat, an obstacle")."""
    by_id = {o.id: o for o in plan.objects}
    zh, en = [], []
    for i in ids:
        o = by_id.get(i)
        if o is not None and o.spec is not None:
            zh.append(o.spec.zh)
            en.append(o.spec.en)
        else:
            zh.append("障碍物")
            en.append("an obstacle")
    return "、".join(dict.fromkeys(zh)), ", ".join(dict.fromkeys(en))
