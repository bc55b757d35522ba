"""CAP- rules: enough windows and seats for the visits (an M/M/c queue)."""

import math

from bianmin.geometry.properties import open_minutes

from bianmin.standards.queueing import load, mean_wait, waiting_percentile, windows_needed
from bianmin.standards.registry import ALL, hit, rule


def _has_visits(ctx):
    return ctx.props.peak_daily_visits is not None and ctx.props.peak_daily_visits > 0


def _minutes(ctx):
    try:
        return open_minutes(ctx.props.hours)
    except ValueError:
        return None  # SIGN-HOURS-MIN reports the hours


@rule(
    "CAP-WINDOWS",
    severity="warning",
    profiles=ALL,
    source="XA 四(二); XC 二(二)4",
    needs_hall=False,
    title="窗口数量",
    title_en="Enough windows",
    params={"peak_factor": 1.5, "target_wait_min": 15.0},
    when=_has_visits,
    when_text="BM_PEAK_DAILY_VISITS 已填写 / when BM_PEAK_DAILY_VISITS is set",
)
def cap_windows(ctx, p):
    """根据辖区人口数量和业务量合理设置窗口数量。 Enough window positions for the visits.

    Checks: the window positions (the sum of counters' SEATS) are at least the smallest c for
        which an M/M/c queue, with arrivals = ``BM_PEAK_DAILY_VISITS`` × ``peak_factor`` ÷ the
        open minutes and a mean service of ``BM_SERVICE_MINUTES``, waits at most
        ``target_wait_min`` on average. The message says in plain words whether the queue keeps
        growing or how long the wait is, and how many windows are needed.
    Why: XA 四(二) and XC 二(二)4: 根据辖区人口数量和业务量合理设置窗口数量.
    Parameters: ``peak_factor`` (1.5), ``target_wait_min`` (15).
    Passes: 120 visits a day, 7 h open, 10 min each: a = 4.3 Erlangs; 6 windows wait 2.1 min.
    Fails: 300 visits a day with 6 windows (a = 10.7 Erlangs: the queue never empties).
    """
    minutes = _minutes(ctx)
    if not minutes:
        return
    s = ctx.props.service_minutes
    a = load(ctx.props.peak_daily_visits, p.peak_factor, minutes, s)
    have = ctx.base_metrics["windows"]
    need = windows_needed(a, s, p.target_wait_min)
    if have >= need:
        return
    wait = mean_wait(have, a, s) if have else math.inf
    per_hour = a / s * 60.0
    if have == 0:
        head_zh, head_en = "图中没有窗口", "the plan has no window"
    elif math.isinf(wait):
        head_zh = f"窗口处理能力不足，高峰时排队会越来越长（现有 {have} 个窗口）"
        head_en = f"the windows cannot keep up: at the peak the queue keeps growing ({have} windows)"
    else:
        head_zh = f"高峰时平均要等约 {wait:.0f} 分钟，超过 {p.target_wait_min:g} 分钟（现有 {have} 个窗口）"
        head_en = f"at the peak the mean wait is about {wait:.0f} min, over {p.target_wait_min:g} min ({have} windows)"
    yield hit(
        f"{head_zh}；需要 {need} 个窗口（高峰每小时约 {per_hour:.0f} 人，每件 {s:g} 分钟）；请增设窗口",
        f"{head_en}; {need} windows are needed (about {per_hour:.0f} visitors an hour at the peak, {s:g} min "
        f"each): add windows",
        subject=("hall", "windows"),
        measured=have,
        limit=need,
        unit="windows",
    )


@rule(
    "CAP-SEATS",
    severity="warning",
    profiles=ALL,
    source="XA 三(四)2",
    needs_hall=False,
    title="等候座椅数量",
    title_en="Enough seats",
    params={"peak_factor": 1.5, "quantile": 0.95},
    when=_has_visits,
    when_text="BM_PEAK_DAILY_VISITS 已填写 / when BM_PEAK_DAILY_VISITS is set",
)
def cap_seats(ctx, p):
    """服务等候区应配备一定数量的座椅。 Seats for the people waiting at the peak.

    Checks: the seats (sum of ``BM_SEAT`` COUNT) are at least the ``quantile`` (95th
        percentile) of the number waiting in the M/M/c queue of CAP-WINDOWS with the plan's
        windows.
    Why: XA 三(四)2: 服务等候区应配备一定数量的座椅 — enough that people rarely stand.
    Parameters: ``peak_factor`` (1.5), ``quantile`` (0.95).
    Passes: 20 seats where the 95th percentile of the queue is 2 people.
    Fails: 2 seats where it is 9. (Where the windows cannot keep up at all, CAP-WINDOWS says so and this
        rule is silent: no number of seats helps.)
    """
    minutes = _minutes(ctx)
    if not minutes:
        return
    s = ctx.props.service_minutes
    a = load(ctx.props.peak_daily_visits, p.peak_factor, minutes, s)
    metrics = ctx.base_metrics
    need = waiting_percentile(metrics["windows"], a, p.quantile)
    if metrics["seats"] < need:
        if math.isinf(need):
            return  # the windows cannot keep up: CAP-WINDOWS says so once, and no number of seats helps
        yield hit(
            f"等候座椅 {metrics['seats']} 个，高峰时多数时候（{p.quantile * 100:.0f}%）排队人数在 {need} 人以内；"
            f"请增加到至少 {need} 个座椅",
            f"{metrics['seats']} seats; at the peak up to {need} people wait ({p.quantile * 100:.0f}% of the "
            f"time): add seats to at least {need}",
            subject=("hall", "seats"),
            measured=metrics["seats"],
            limit=need,
            unit="seats",
        )
