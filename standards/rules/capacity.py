"""CAP- rules: enough windows and seats for the visits (an M/M/c queue)."""
import math

from bianmin.geometry.properties import open_minutes

from ..queueing import load, mean_wait, waiting_percentile, windows_needed
from ..registry import ALL, hit, rule


def _has_visits(ctx):
    return ctx.props.peak_daily_visits is not None and ctx.props.peak_daily_visits > 0


def _minutes(ctx):
    try:
        return open_minutes(ctx.props.hours)
    except ValueError:
        return None  # SIGN-HOURS-MIN reports the hours


@rule("CAP-WINDOWS", severity="warning", profiles=ALL, source="XA 四(二); XC 二(二)4", needs_hall=False,
      title="窗口数量", title_en="Enough windows", params={"peak_factor": 1.5, "target_wait_min": 15.0},
      when=_has_visits, when_text="BM_PEAK_DAILY_VISITS 已填写 / when BM_PEAK_DAILY_VISITS is set")
def cap_windows(ctx, p):
    """根据辖区人口数量和业务量合理设置窗口数量。 Enough window positions for the visits.

    Checks: the window positions (the sum of counters' SEATS) are at least the smallest c for
        which an M/M/c queue, with arrivals = ``BM_PEAK_DAILY_VISITS`` × ``peak_factor`` ÷ the
        open minutes and a mean service of ``BM_SERVICE_MINUTES``, waits at most
        ``target_wait_min`` on average. The message gives c, the utilisation and the wait.
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
    if have < need:
        wait = mean_wait(have, a, s)
        rho = a / have if have else math.inf
        wait_zh = "无限增长" if math.isinf(wait) else f" {wait:.1f} 分钟"
        wait_en = "grows without bound" if math.isinf(wait) else f"{wait:.1f} min"
        yield hit(f"高峰到达 {a / s:.2f} 人/分钟、每件 {s:g} 分钟（{a:.1f} Erlang）：现有 {have} 个窗口利用率 "
                  f"{rho * 100:.0f}%，平均等候{wait_zh}；平均等候不超过 {p.target_wait_min:g} 分钟需 {need} 个窗口",
                  f"peak arrivals {a / s:.2f}/min at {s:g} min each ({a:.1f} Erlangs): {have} windows run at "
                  f"{rho * 100:.0f}% and the mean wait {wait_en}; {need} windows keep it within {p.target_wait_min:g} min")


@rule("CAP-SEATS", severity="warning", profiles=ALL, source="XA 三(四)2", needs_hall=False,
      title="等候座椅数量", title_en="Enough seats", params={"peak_factor": 1.5, "quantile": 0.95},
      when=_has_visits, when_text="BM_PEAK_DAILY_VISITS 已填写 / when BM_PEAK_DAILY_VISITS is set")
def cap_seats(ctx, p):
    """服务等候区应配备一定数量的座椅。 Seats for the people waiting at the peak.

    Checks: the seats (sum of ``BM_SEAT`` COUNT) are at least the ``quantile`` (95th
        percentile) of the number waiting in the M/M/c queue of CAP-WINDOWS with the plan's
        windows.
    Why: XA 三(四)2: 服务等候区应配备一定数量的座椅 — enough that people rarely stand.
    Parameters: ``peak_factor`` (1.5), ``quantile`` (0.95).
    Passes: 20 seats where the 95th percentile of the queue is 2 people.
    Fails: 2 seats where it is 9.
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
            yield hit(f"现有 {metrics['windows']} 个窗口处理不过来（{a:.1f} Erlang），排队人数无限增长，座椅无法满足",
                      f"{metrics['windows']} windows cannot keep up ({a:.1f} Erlangs): the queue grows without bound")
        else:
            yield hit(f"等候座椅 {metrics['seats']} 个，高峰时排队人数的 {p.quantile * 100:.0f}% 分位为 {need} 人",
                      f"{metrics['seats']} seats; the {p.quantile * 100:.0f}th percentile of people waiting at the peak is {need}")
