"""What reading the file repaired, or could not, in words a reviewer reads: ``ezdxf.recover``'s
fixes and the errors it could not fix kept apart, each counted by kind; the entity types a DWG lost
in conversion; a file cut short.  load.py gathers the facts (:class:`LoadNotes`).
"""

from __future__ import annotations

from bianmin.geometry.intake import IntakeIssue, IssueKind


def cut_short() -> IntakeIssue:
    """The issue of an ASCII DXF without its EOF marker (load.has_eof)."""
    return IntakeIssue(
        IssueKind.CUT_SHORT,
        "文件末尾不完整（没有 EOF 结束标记），可能在传输或保存时被截断；已读取其中能读的部分",
        "the file ends early (no EOF marker): it may have been cut short in transfer or saving; "
        "what could be read was read",
    )


def audit_issues(auditor) -> list[IntakeIssue]:
    """What recovery (or a DWG's conversion) did, from :class:`load.LoadNotes` or ezdxf's Auditor."""
    issues: list[IntakeIssue] = []
    skipped = getattr(auditor, "skipped_by_type", None)
    if skipped:
        total = sum(skipped.values())
        kinds = "、".join(f"{k} {v} 个" for k, v in sorted(skipped.items(), key=lambda kv: -kv[1]))
        kinds_en = ", ".join(f"{k} ×{v}" for k, v in sorted(skipped.items(), key=lambda kv: -kv[1]))
        issues.append(
            IntakeIssue(
                IssueKind.DWG_ENTITIES_SKIPPED,
                f"DWG 文件中有 {total} 个图元无法读取，已略过（{kinds}）；底图可能不完整，BM- 内容不受影响时可忽略",
                f"{total} entities of the DWG file could not be read and were left out ({kinds_en})",
                severity="info",
            )
        )
    fixes = list(getattr(auditor, "fixes", []))
    errors = list(getattr(auditor, "errors", []))
    if fixes:
        zh, en = _kinds_of(fixes)
        issues.append(
            IntakeIssue(
                IssueKind.RECOVERY_FIXED,
                f"文件有结构错误，已自动修复 {len(fixes)} 处：{zh}；修复后的内容可能与作者所见不同，请核对",
                f"the file had structural errors; recovery repaired {len(fixes)}: {en} "
                f"(e.g. {'; '.join(str(f.message) for f in fixes[:3])})",
                details=_details(fixes),
            )
        )
    if errors:
        zh, en = _kinds_of(errors)
        handles = [h for h in (_entity_handle(e) for e in errors[:20]) if h]
        issues.append(
            IntakeIssue(
                IssueKind.RECOVERY_UNFIXED,
                f"文件有 {len(errors)} 处结构错误未能修复：{zh}；相关图元可能缺失或有误",
                f"the file has {len(errors)} structural errors that recovery could not repair: {en} "
                f"(e.g. {'; '.join(str(e.message) for e in errors[:3])})",
                handles=handles,
                details=_details(errors),
            )
        )
    return issues


# ezdxf's AuditError codes, by the kind of repair a reviewer can understand (zh, en)
_FIX_KINDS = (
    ((5, 6, 7, 8, 9, 10), ("文件段结构", "section structure")),
    ((100,), ("未定义的线型", "undefined linetype")),
    ((101, 207), ("未定义的标注样式", "undefined dimension style")),
    ((102,), ("未定义的文字样式", "undefined text style")),
    ((103, 115, 104, 119), ("块引用", "block reference")),
    ((2,), ("重复的表项名称", "duplicate table entry name")),
    ((1, 3, 4, 14, 15, 16, 17, 18, 110, 112, 118, 201, 202, 206, 213), ("句柄或从属关系", "handle or owner")),
    ((11, 12, 13, 107, 108, 109), ("无效图元（已删除或补全）", "invalid entity removed or completed")),
    ((105, 106, 114), ("编组", "group")),
    ((111, 214), ("文字编码", "text encoding")),
    ((203,), ("图层名称", "layer name")),
)
_KIND_OF = {code: kind for codes, kind in _FIX_KINDS for code in codes}
_OTHER_KIND = ("图元数据（数值、颜色、线宽等）", "entity data (values, colours, lineweights …)")


def _kinds_of(entries) -> tuple[str, str]:
    """ "未定义的文字样式 63 处、文件段结构 5 处" and its English: how many repairs of each kind."""
    counts: dict[tuple[str, str], int] = {}
    for entry in entries:
        try:
            code = int(getattr(entry, "code", 0))
        except (TypeError, ValueError):
            code = 0
        kind = _KIND_OF.get(code, _OTHER_KIND)
        counts[kind] = counts.get(kind, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    return (
        "、".join(f"{zh} {n} 处" for (zh, _), n in ranked),
        ", ".join(f"{en} ×{n}" for (_, en), n in ranked),
    )


MAX_DETAILS = 200  # ezdxf's own messages kept for the JSON report


def _details(entries) -> list[str]:
    out = [str(getattr(e, "message", e)) for e in entries[:MAX_DETAILS]]
    if len(entries) > MAX_DETAILS:
        out.append(f"… {len(entries) - MAX_DETAILS} more")
    return out


def _entity_handle(error) -> str | None:
    entity = getattr(error, "entity", None)
    try:
        return entity.dxf.handle if entity is not None else None
    except Exception:
        return None
