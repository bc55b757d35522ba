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


def _accessible(ctx):
    return [c for c in ctx.plan.counters if c.attr("TYPE").lower() == "accessible"]


def _turning_circle(counter, diameter):
    import shapely
    (x1, y1), (x2, y2) = counter.front_edge.coords
    fx, fy = counter.front_direction
    r = diameter / 2
    cx, cy = (x1 + x2) / 2 + fx * r, (y1 + y2) / 2 + fy * r
    return shapely.Point(cx, cy).buffer(r, quad_segs=16)


@rule("ACC-TURNING", severity="error", profiles=ALL, source="GB 50763 3.15",
      title="轮椅回转空间", title_en="Wheelchair turning space", params={"diameter_mm": 1500.0})
def acc_turning(ctx, p):
    """低位服务设施前应有轮椅回转空间，回转直径不小于 1.50 m。 Turning space at the low counter.

    Checks: in front of each accessible counter a circle of ``diameter_mm``, touching the
        middle of its public side, lies in the free floor.
    Why: GB 50763 3.15.2(4): 低位服务设施前应有轮椅回转空间, 回转直径不小于1.50m.
    Parameters: ``diameter_mm`` (1500).
    Passes: 2 m of open floor before the low window.
    Fails: a seat row 1 m in front of it.
    """
    room = ctx.free_floor.buffer(1.0)
    for c in _accessible(ctx):
        circle = _turning_circle(c, p.diameter_mm)
        lost = circle.difference(room).area
        if lost > 1e4:  # more than 0.01 m² of the circle is taken
            no = c.attr("NO") or c.id
            blockers = ctx.blockers_hit(circle, exclude={c.id})
            cc = circle.centroid
            yield hit(f"{no} 号低位窗口前直径 {p.diameter_mm / 1000:.1f} m 的轮椅回转空间被占用 {lost / 1e6:.2f} m²",
                      f"the {p.diameter_mm / 1000:.1f} m wheelchair turning circle before accessible window {no} "
                      f"is {lost / 1e6:.2f} m² obstructed", handles=[c.id, *blockers], at=(cc.x, cc.y))


@rule("ACC-ROUTE", severity="error", profiles=ALL, source="GB 50763 3.5.1; GB 55019 2.2.2",
      title="无障碍通道", title_en="Accessible route", params={"min_width_mm": 1200.0})
def acc_route(ctx, p):
    """主入口至低位服务台的无障碍通道净宽不应小于 1.20 m。 An accessible route to the low counter.

    Checks: the main entrance connects to the front of each accessible counter through
        passages at least ``min_width_mm`` wide (the free floor shrunk by half the width
        still joins the two; exact, shapely).
    Why: GB 50763 3.5.1: 室内走道不应小于1.20m; GB 55019 2.2.2: 无障碍通道的通行净宽不应小于1.20m.
    Parameters: ``min_width_mm`` (1200).
    Passes: open floor from the door to the low window.
    Fails: the low window behind a row of seats with 0.9 m gaps.
    """
    import shapely
    entrance = ctx.main_entrance
    counters = _accessible(ctx)
    if entrance is None or not counters:
        return
    for c in counters:
        front = _turning_circle(c, min(p.min_width_mm, 1500.0)).centroid
        if not ctx.analysis.same_passage(entrance.line, shapely.Point(front.x, front.y), p.min_width_mm):
            no = c.attr("NO") or c.id
            yield hit(f"主入口到 {no} 号低位窗口没有净宽不小于 {p.min_width_mm / 1000:.1f} m 的通道",
                      f"no passage at least {p.min_width_mm / 1000:.1f} m wide leads from the main entrance to "
                      f"accessible window {no}", handles=[c.id, entrance.id], at=(front.x, front.y))
