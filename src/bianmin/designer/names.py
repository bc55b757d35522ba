"""Block code names (BM_PRINTER) as a planner reads them: the catalogue's Chinese (or English) name.
The checks and the reader write the code beside the name for the CAD user; on screen the name is
enough, and a code alone is replaced by its name."""

from __future__ import annotations

import re

from bianmin.geometry import catalog

from bianmin.designer.i18n import tr

_CODE_IN_BRACKETS = re.compile(r"\s?[（(](BM_[A-Z0-9_]+)[）)]")
_CODE = re.compile(r"\bBM_[A-Z0-9_]+\b")


def block_name(code: str) -> str | None:
    spec = catalog.BLOCKS.get(code)
    return tr(spec.zh, spec.en) if spec is not None else None


def readable(text: str) -> str:
    """``text`` with every catalogue block code said by its name (a code in brackets after the name goes)."""

    def bracketed(m: re.Match) -> str:
        name = block_name(m.group(1))
        if name is None:
            return m.group(0)  # not a block (BM_HOURS, a plan property): left as written
        before = text[: m.start()]
        return "" if before.endswith(name) else f"（{name}）" if tr("zh", "en") == "zh" else f" ({name})"

    text = _CODE_IN_BRACKETS.sub(bracketed, text)
    return _CODE.sub(lambda m: block_name(m.group(0)) or m.group(0), text)
