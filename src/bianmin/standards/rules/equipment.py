"""EQUIP- rules: the facilities of XA 六 and the 24-hour mailbox of XC."""

from bianmin.geometry.catalog import BLOCKS

from bianmin.standards.registry import ALL, STREET, hit, rule


def _missing(ctx, blocks):
    return [b for b in blocks if not ctx.objects(b)]


def _report(missing, what_zh, what_en):
    zh = "、".join(f"{BLOCKS[b].zh}（{b}）" for b in missing)
    en = ", ".join(f"{BLOCKS[b].en} ({b})" for b in missing)
    return hit(
        f"缺少{what_zh}：{zh}；请配置",
        f"missing {what_en}: {en}; add them",
        subject=("blocks", "+".join(missing)),
        measured=len(missing),
        limit=0,
        unit="missing",
    )


HALL_EQUIPMENT = ("BM_QUEUE_MACHINE", "BM_INFO_KIOSK", "BM_TV", "BM_SUGGESTION_BOX", "BM_EVALUATION_BOX")
CONVENIENCE = ("BM_PRINTER", "BM_WATER", "BM_CHARGER", "BM_GLASSES")


@rule(
    "EQUIP-HALL",
    severity="error",
    profiles=STREET,
    source="XA 六(一)",
    needs_hall=False,
    title="大厅设施",
    title_en="Hall equipment",
)
def equip_hall(ctx, p):
    """配置自助抽号机、触摸屏式信息查询设备、多媒体电视屏幕，设置意见箱、评议箱。 Hall equipment.

    Checks: the plan has a ``BM_QUEUE_MACHINE``, ``BM_INFO_KIOSK``, ``BM_TV``,
        ``BM_SUGGESTION_BOX`` and ``BM_EVALUATION_BOX``; each missing one is named.
    Why: XA 六(一): 配置自助抽号机、触摸屏式信息查询设备、多媒体电视屏幕等电子设施, 设置意见箱、评议箱等.
    Parameters: none.
    Passes: all five placed.
    Fails: no evaluation box.
    """
    missing = _missing(ctx, HALL_EQUIPMENT)
    if missing:
        yield _report(missing, "大厅设施", "hall equipment")


@rule(
    "EQUIP-CONVENIENCE",
    severity="error",
    profiles=STREET,
    source="XA 六(四)",
    needs_hall=False,
    title="便民设施",
    title_en="Convenience facilities",
)
def equip_convenience(ctx, p):
    """需配备免费的打印复印机、饮水机、手机充电台、老花镜等便民设备。 Convenience facilities.

    Checks: the plan has a ``BM_PRINTER``, ``BM_WATER``, ``BM_CHARGER`` and ``BM_GLASSES``.
    Why: XA 六(四): 需配备免费的打印复印机、饮水机、手机充电台、老花镜等便民设备.
    Parameters: none.
    Passes: all four placed.
    Fails: no reading glasses.
    """
    missing = _missing(ctx, CONVENIENCE)
    if missing:
        yield _report(missing, "便民设施", "convenience facilities")


@rule(
    "EQUIP-MAILBOX",
    severity="info",
    profiles=ALL,
    source="XC 二(三)3, 二(四)",
    needs_hall=False,
    title="24小时自助信包箱",
    title_en="24-hour parcel locker",
)
def equip_mailbox(ctx, p):
    """投放 24 小时自助信包箱（街道投放率 60%，社区 50%）。 Whether a 24-hour parcel locker is planned.

    Checks: whether a ``BM_MAILBOX_24H`` is planned; a plan without one gets this info
        finding, and the batch summary turns the plans into deployment rates against the
        district targets (street centres ≥ 60 %, community stations ≥ 50 %).
    Why: XC 二(三)3 and 二(四): 24小时自助信包箱街道投放率达到60%, 社区投放率达到50%.
    Parameters: none.
    Passes: a locker by the entrance.
    Fails: no locker (info only: the target is district-wide, not per plan).
    """
    if not ctx.objects("BM_MAILBOX_24H"):
        yield hit(
            "未规划 24 小时自助信包箱（BM_MAILBOX_24H）；全区投放目标：街道中心 60%、社区站 50%",
            "no 24-hour parcel locker (BM_MAILBOX_24H) planned; district targets: street centres 60 %, "
            "community stations 50 %",
            subject=("block", "BM_MAILBOX_24H"),
        )
