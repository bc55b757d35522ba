"""Every message of every fail fixture, in both languages, reads as a reviewer would write it (issue 9).

No "inf", "nan" or "?"; no library English ("Self-intersection[...]"); no "0 个柜台中 0 个"; no Chinese
in an English message except names taken from the drawing (quoted “…” or the plan's own name); no
English words in a Chinese message except codes, units, ids and the catalogue's attribute values.
"""

import re
from pathlib import Path

import pytest

from bianmin.geometry import catalog

from .test_rule_fixtures import validated

RULES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
FAIL_FIXTURES = sorted(p for p in RULES_DIR.glob("*/fail-*.dxf"))

FORBIDDEN_ANYWHERE = [
    (re.compile(r"(?<![A-Za-z])(inf|nan|-inf)(?![A-Za-z])", re.I), "inf/nan"),
    (re.compile(r"[?？]"), "a question mark"),
    (
        re.compile(r"self-intersection|ring self|too few points|invalid geometry|traceback|exception", re.I),
        "library English",
    ),
    (re.compile(r"\b0 个[^，；]*中 0 个"), "0 of 0"),
    (re.compile(r"\bNone\b"), "None"),
]
HANDLE = re.compile(r"#[0-9A-Fa-f]+\b")  # a DXF handle: fine in JSON, never the name in a message
CJK = re.compile(r"[\u3400-\u9fff]")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")


def _vocab_words() -> set[str]:
    words = set()
    for value in vars(catalog).values():
        if isinstance(value, catalog.Vocab):
            words.update(str(k).lower() for k in value)
    return words


ALLOWED_IN_ZH = {
    "m",
    "mm",
    "lx",  # the unit of illuminance, as the codes write it (3.0 lx)
    "m²",
    "a",
    "k",
    "q",
    "qe",
    "n",
    "s",
    "u",
    "dxf",
    "bianmin",  # a command the user types: "请先运行 bianmin recognize"
    "recognize",
    "dwg",
    "eof",
    "x",
    "y",
    "yes",
    "no",
    "id",
    "ids",
} | _vocab_words()
CODE = re.compile(r"^(BM[-_][A-Z0-9_\-]*|[A-Z][A-Z0-9_]*|\$[A-Z]+)$")
LAYER = re.compile(r"BM-[^\s,;:()（）]+")  # layer names, some of them Chinese aliases (BM-大厅)


def _english_words(zh: str) -> list[str]:
    """English words in a Chinese message that are neither codes nor units nor catalogue values."""
    text = QUOTED.sub("", zh)
    out = []
    for token in re.findall(r"\$?[A-Za-z][A-Za-z0-9_\-²]*(?:=[A-Za-z0-9_,]+)?", text):
        word = token.split("=")[0]
        if CODE.match(word) or word.lower() in ALLOWED_IN_ZH or re.match(r"^GB$|^XA$|^XC$|^GA$", word):
            continue
        out.append(token)
    return out


@pytest.mark.parametrize("path", FAIL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_messages_read_cleanly(path):
    report = validated(path)
    name = (report.properties or {}).get("BM_NAME", "")
    problems = []
    for f in report.findings:
        for lang, text in (("zh", f.message), ("en", f.message_en)):
            assert text and text.strip(), f"{f.rule}: empty {lang} message"
            for pattern, what in FORBIDDEN_ANYWHERE:
                if pattern.search(text):
                    problems.append(f"{f.rule} [{lang}] has {what}: {text}")
        en = LAYER.sub("", QUOTED.sub("", f.message_en))
        if name:
            en = en.replace(name, "")
        if CJK.search(en):
            problems.append(f"{f.rule} [en] has Chinese: {f.message_en}")
        if not f.rule.startswith("DXF-") and (HANDLE.search(f.message) or HANDLE.search(f.message_en)):
            problems.append(f"{f.rule} names a thing by its handle: {f.message} | {f.message_en}")
        if not f.rule.startswith("DXF-") and f.subject is None:
            problems.append(f"{f.rule} finding without a subject: {f.message}")
        words = _english_words(f.message)
        if words:
            problems.append(f"{f.rule} [zh] has English {words}: {f.message}")
    assert not problems, "\n".join(problems)


def test_the_walk_covers_every_rule_with_a_fail_fixture():
    rules = {p.parent.name for p in FAIL_FIXTURES}
    assert len(FAIL_FIXTURES) > 100 and len(rules) >= 60


def test_forbidden_patterns_catch_what_they_should():
    bad_zh = "自相交 Self-intersection[3 4] 距离 inf m，? 0 个柜台中 0 个"
    hits = [what for pattern, what in FORBIDDEN_ANYWHERE if pattern.search(bad_zh)]
    assert {"inf/nan", "a question mark", "library English", "0 of 0"} <= set(hits)
    assert _english_words("北墙 2 号出口宽 0.80 m，应不小于 0.90 m（BM-DOOR-EXIT，TYPE=accessible）") == []
    assert _english_words("the passage is too narrow 通道太窄") == ["the", "passage", "is", "too", "narrow"]
