"""ACC- rules: accessibility (GB 50763, GB 55019)."""
from ..registry import ALL, hit, rule


@rule("ACC-COUNTER", severity="error", profiles=ALL, source="GB 55019 3.6.1; GB 50763 3.15",
      title="低位服务台", title_en="Accessible counter")
def acc_counter(ctx, p):
    """服务台应设置低位服务设施。 At least one accessible (low) counter.

    Checks: at least one counter has TYPE ``accessible``.
    Why: GB 55019 3.6.1 and GB 50763 3.15: public service counters include a low counter
        a wheelchair user can use.
    Parameters: none.
    Passes: window 6 of TYPE accessible.
    Fails: no counter of TYPE accessible.
    """
    counters = ctx.plan.counters
    if not any(c.attr("TYPE").lower() == "accessible" for c in counters):
        yield hit(f"没有低位/无障碍窗口（TYPE=accessible），{len(counters)} 个柜台中 0 个",
                  f"no accessible (low) window (TYPE=accessible): 0 of {len(counters)} counters",
                  handles=[c.id for c in counters])
