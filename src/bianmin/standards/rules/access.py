"""ACC- rules: accessibility (GB 50763, GB 55019)."""

from bianmin.standards.context import centre
from bianmin.standards.registry import ALL, hit, rule
from bianmin.standards.wording import metres, window_name, window_subject


@rule(
    "ACC-COUNTER",
    severity="error",
    profiles=ALL,
    source="GB 55019 3.6.1; GB 50763 3.15.1",
    title="低位服务台",
    title_en="Accessible counter",
    mandatory=True,
)
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
    if not counters:
        return  # ZONE-WINDOW-COUNTERS says there is no counter at all
    if not any(c.attr("TYPE").lower() == "accessible" for c in counters):
        yield hit(
            f"{len(counters)} 个窗口中没有低位（无障碍）窗口；请把一个窗口设为低位窗口（TYPE=accessible）",
            f"none of the {len(counters)} windows is an accessible (low) window: make one of them "
            f"accessible (TYPE=accessible)",
            handles=[c.id for c in counters],
            subject=("hall", "accessible-window"),
            measured=0,
            limit=1,
            unit="windows",
        )


def _accessible(ctx):
    return [c for c in ctx.plan.counters if c.attr("TYPE").lower() == "accessible"]


def _turning_circle(counter, diameter, into: float = 0.0):
    """The circle touching the middle of the counter's public side, moved ``into`` mm under the counter."""
    import shapely

    (x1, y1), (x2, y2) = counter.front_edge.coords
    fx, fy = counter.front_direction
    r = diameter / 2
    cx, cy = (x1 + x2) / 2 + fx * (r - into), (y1 + y2) / 2 + fy * (r - into)
    return shapely.Point(cx, cy).buffer(r, quad_segs=16)


def _knee_space(counter, depth):
    """The part of the counter's footprint within ``depth`` of its public side (the knee space)."""
    return counter.footprint.intersection(counter.strip_in_front(-depth))


@rule(
    "ACC-TURNING",
    severity="error",
    profiles=ALL,
    source="GB 55019 3.6.3; GB 50763 3.15.3",
    title="轮椅回转空间",
    title_en="Wheelchair turning space",
    params={"diameter_mm": 1500.0, "knee_space_mm": 450.0},
    mandatory=True,
)
def acc_turning(ctx, p):
    """低位服务设施前应有轮椅回转空间，回转直径不小于 1.50 m。 Turning space at the low counter.

    Checks: in front of each accessible counter a circle of ``diameter_mm`` lies in the free
        floor; it touches the middle of the public side and may reach up to ``knee_space_mm``
        into the counter's footprint from that side (the knee space under a low counter).
    Conditions: 回转圆可利用低位台面下 450 mm 的容膝空间 // the circle may use the 450 mm of knee space under the
        accessible counter.
    Why: GB 55019 3.6.3: 低位服务设施……前应有轮椅回转空间 (its commentary counts the knee space under the
        counter); GB 50763 3.15.2(4): 回转直径不小于1.50m.
    Parameters: ``diameter_mm`` (1500), ``knee_space_mm`` (450).
    Passes: 2 m of open floor before the low window; 1.1 m of open floor and the 450 mm knee space.
    Fails: a seat row 0.6 m in front of it.
    """
    import shapely

    room = ctx.analysis.room
    for c in _accessible(ctx):
        circles = [
            _turning_circle(c, p.diameter_mm, into)
            for into in (0.0, p.knee_space_mm / 3, 2 * p.knee_space_mm / 3, p.knee_space_mm)
        ]
        # the floor around the circles only: joining the knee space to a whole floor of 3,000 holes
        # took 40 ms a counter on the large benchmark plan, this 2 ms (the circles lie in the box)
        x0, y0, x1, y1 = shapely.total_bounds(circles)
        near = shapely.intersection(room, shapely.box(x0 - 10.0, y0 - 10.0, x1 + 10.0, y1 + 10.0))
        space = near.union(_knee_space(c, p.knee_space_mm).buffer(1.0))
        best = None
        for circle in circles:
            lost = circle.difference(space).area
            if best is None or lost < best[0]:
                best = (lost, circle)
        lost, circle = best
        if lost > 1e4:  # more than 0.01 m² of the circle is taken
            zh, en = window_name(ctx.plan, c)
            by_id = {o.id: o for o in ctx.plan.objects}
            blockers = ctx.blockers_hit(circle, exclude={c.id})
            tz = (
                "、".join(
                    dict.fromkeys(by_id[b].spec.zh if b in by_id and by_id[b].spec else "障碍物" for b in blockers)
                )
                or "墙体"
            )
            te = (
                ", ".join(
                    dict.fromkeys(by_id[b].spec.en if b in by_id and by_id[b].spec else "an obstacle" for b in blockers)
                )
                or "the walls"
            )
            cc = circle.centroid
            yield hit(
                f"{zh}（低位窗口）前直径 {metres(p.diameter_mm, 2)} 的轮椅回转空间被{tz}"
                f"占去 {lost / 1e6:.2f} m²；"
                f"请移开，使窗口前留出直径 {metres(p.diameter_mm, 2)} 的空地",
                f"{lost / 1e6:.2f} m² of the {metres(p.diameter_mm, 2)} wheelchair turning circle before "
                f"{en} (the accessible window) is taken by {te}: move it away",
                handles=[c.id, *blockers],
                at=(cc.x, cc.y),
                subject=window_subject(ctx.plan, c),
                measured=round(lost / 1e6, 2),
                limit=0,
                unit="m²",
            )


@rule(
    "ACC-ROUTE",
    severity="error",
    profiles=ALL,
    source="GB 55019 2.2.2; GB 50763 3.5.1",
    title="无障碍通道",
    title_en="Accessible route",
    params={"min_width_mm": 1800.0, "not_crowded_min_width_mm": 1200.0},
    prepare=lambda ctx, p: ctx.main_entrance and _accessible(ctx) and ctx.start_passable(_route_width(ctx, p)),
    mandatory=True,
)
def acc_route(ctx, p):
    """主入口至低位服务台的无障碍通道净宽：人员密集的公共场所不应小于 1.80 m，其他不应小于 1.20 m。 An accessible route.

    Checks: the main entrance connects to the front of each accessible counter through
        passages at least ``min_width_mm`` wide in crowded premises (``BM_CROWDED``: by default a street
        centre or a hall over 200 m²), else ``not_crowded_min_width_mm`` (the free floor shrunk by half the
        width still joins the two; exact, shapely). The message gives the route's narrowest width (found to
        10 mm) and the finding stands where it pinches.
    Conditions: 人员密集场所（BM_CROWDED）1.80 m，其他 1.20 m // 1.80 m in crowded premises (BM_CROWDED), else 1.20 m.
    Why: GB 55019 2.2.2: 无障碍通道的通行净宽不应小于1.20m, 人员密集的公共场所的室内无障碍通道净宽不应小于1.80m;
        GB 50763 3.5.1.
    Parameters: ``min_width_mm`` (1800), ``not_crowded_min_width_mm`` (1200).
    Passes: open floor from the door to the low window; a 1.5 m gap in a community station that is not crowded.
    Fails: the low window behind a row of seats with 0.9 m gaps; a 1.5 m gap in a street centre.
    """
    import shapely

    entrance = ctx.main_entrance
    counters = _accessible(ctx)
    if entrance is None or not counters:
        return
    width = _route_width(ctx, p)
    crowded = width >= p.min_width_mm
    for c in counters:
        front = _turning_circle(c, min(width, 1500.0)).centroid
        target = shapely.Point(front.x, front.y)
        if ctx.analysis.same_passage(entrance.line, target, width):
            continue
        narrowest, pinch = _narrowest(ctx, entrance.line, target, width)
        zh, en = window_name(ctx.plan, c)
        why_zh = "人员密集场所" if crowded else "非人员密集场所"
        why_en = "crowded premises" if crowded else "premises that are not crowded"
        if narrowest is None:
            got_zh, got_en = "不到 0.30 m（实际不通）", "under 0.30 m (no way through)"
        else:
            got_zh = got_en = metres(narrowest, 2)
        yield hit(
            f"主入口到{zh}（低位窗口）的无障碍通道最窄处净宽 {got_zh}，应不小于 {metres(width, 2)}（{why_zh}）；"
            f"请移开最窄处的座椅或设施，留出 {metres(width, 2)} 宽的通道",
            f"the accessible route from the main entrance to {en} (the accessible window) narrows to {got_en}; "
            f"at least {metres(width, 2)} is required ({why_en}): move the seats or furniture at the pinch",
            handles=[c.id, entrance.id],
            at=pinch if pinch is not None else (front.x, front.y),
            subject=window_subject(ctx.plan, c),
            measured=round(narrowest) if narrowest is not None else 0,
            limit=width,
            unit="mm",
        )


def _route_width(ctx, p) -> float:
    """The accessible route's width: 1.80 m in crowded premises (BM_CROWDED), else 1.20 m."""
    crowded = ctx.props.is_crowded(ctx.plan.hall_area_m2)
    return float(p.min_width_mm if crowded else p.not_crowded_min_width_mm)


def _narrowest(ctx, a, b, width: float, floor_mm: float = 300.0, step_mm: float = 10.0):
    """The widest passage (to ``step_mm``) joining a and b below ``width``, and where it pinches: the middle of
    the shortest line between the two parts of the floor that a slightly wider person could not cross.
    (None, place) when not even ``floor_mm`` gets through."""
    import shapely

    an = ctx.analysis
    lo, hi = 0.0, float(width)
    if an.same_passage(a, b, floor_mm):
        lo = floor_mm
        while hi - lo > step_mm:
            mid = (lo + hi) / 2.0
            if an.same_passage(a, b, mid):
                lo = mid
            else:
                hi = mid
    else:
        hi = floor_mm
    half = hi / 2.0
    parts = an.passable(hi)
    near_a = [q for q in parts if q.distance(a) <= half + 50.0]
    near_b = [q for q in parts if q.distance(b) <= half + 50.0]
    pinch = None
    if near_a and near_b:
        line = shapely.shortest_line(shapely.union_all(near_a), shapely.union_all(near_b))
        mid = line.interpolate(0.5, normalized=True)
        pinch = (mid.x, mid.y)
    elif near_a or near_b:
        side = shapely.union_all(near_a or near_b)
        other = b if near_a else a
        line = shapely.shortest_line(side, other)
        mid = line.interpolate(0.5, normalized=True)
        pinch = (mid.x, mid.y)
    return (round(lo / step_mm) * step_mm if lo > 0 else None), pinch


@rule(
    "ACC-ENTRANCE",
    severity="warning",
    profiles=ALL,
    source="GB 50763 8.2.2; GB 55019 2.4.1",
    title="无障碍出入口",
    title_en="Accessible entrance",
    params={"ramp_within_mm": 2000.0},
)
def acc_entrance(ctx, p):
    """为公众办理业务的建筑，主要出入口应为无障碍出入口。 The main entrance is accessible.

    Checks: the main entrance is marked accessible (its attribute ``ACCESSIBLE=yes``: a level entrance) or a
        ``BM_RAMP`` stands within ``ramp_within_mm`` of it (usually outside the hall, before the door). A warning:
        the plan may not show the steps outside.
    Why: GB 50763 8.2.2(1): 为公众办理业务与信访接待的办公建筑……建筑的主要出入口应为无障碍出入口; GB 55019 2.4.1: 无障碍出入口
        为平坡出入口、设置轮椅坡道的出入口或设置升降平台的出入口.
    Parameters: ``ramp_within_mm`` (2000).
    Passes: a ramp 1 m outside the main entrance; an entrance marked ACCESSIBLE=yes.
    Fails: a main entrance with neither.
    """
    entrance = ctx.main_entrance
    if entrance is None:
        return
    if entrance.attr("ACCESSIBLE") == "yes":
        return
    ramps = ctx.objects("BM_RAMP")
    d = min((r.footprint.distance(entrance.line) for r in ramps), default=None)
    if d is not None and d <= p.ramp_within_mm:
        return
    near_zh = f"最近的坡道在 {metres(d)} 外" if d is not None else "图中没有轮椅坡道"
    near_en = f"the nearest ramp is {metres(d)} away" if d is not None else "the plan has no ramp"
    yield hit(
        f"主入口未注明为无障碍出入口（ACCESSIBLE=yes，平坡出入口），{metres(p.ramp_within_mm)} 内也没有轮椅坡道"
        f"（BM_RAMP，{near_zh}）；请设置轮椅坡道或注明平坡出入口",
        f"the main entrance is not marked accessible (ACCESSIBLE=yes, a level entrance) and has no wheelchair ramp "
        f"(BM_RAMP) within {metres(p.ramp_within_mm)} ({near_en}): add a ramp or mark the level entrance",
        handles=[entrance.id],
        at=entrance.midpoint,
        subject=("exit", "main"),
        measured=round(d) if d is not None else None,
        limit=p.ramp_within_mm,
        unit="mm",
    )


@rule(
    "ACC-TOILET",
    severity="warning",
    profiles=ALL,
    source="GB 50763 8.2.2; GB 55019 3.2.1",
    title="无障碍卫生间",
    title_en="Accessible toilet",
    when=lambda ctx: bool(ctx.objects("BM_TOILET", "BM_TOILET_ACCESSIBLE")),
    when_text="when the plan shows toilets (BM_TOILET)",
)
def acc_toilet(ctx, p):
    """公众使用的卫生间应设无障碍厕位或在附近设置无障碍卫生间。 An accessible toilet where there are toilets.

    Checks: when the plan shows toilets (``BM_TOILET``), there is a ``BM_TOILET_ACCESSIBLE`` or a toilet with an
        accessible cubicle (``ACCESSIBLE=yes``).
    Why: GB 50763 8.2.2(3): 公众使用的男、女公共厕所均应满足本规范第3.9.1条的有关规定或在男、女公共厕所附近设置1个
        无障碍厕所; GB 55019 3.2.1 (公共卫生间和无障碍厕所).
    Parameters: none.
    Passes: toilets and an accessible toilet beside them; a toilet with ACCESSIBLE=yes; no toilets drawn.
    Fails: two toilets and no accessible one.
    """
    toilets = ctx.objects("BM_TOILET")
    if ctx.objects("BM_TOILET_ACCESSIBLE") or any(t.attr("ACCESSIBLE").lower() == "yes" for t in toilets):
        return
    if not toilets:
        return
    yield hit(
        f"图中有 {len(toilets)} 处卫生间（BM_TOILET），没有无障碍卫生间（BM_TOILET_ACCESSIBLE）或无障碍厕位"
        f"（ACCESSIBLE=yes）；请在卫生间附近设置无障碍卫生间或无障碍厕位",
        f"the plan shows {len(toilets)} toilet(s) (BM_TOILET) and no accessible toilet (BM_TOILET_ACCESSIBLE) or "
        f"accessible cubicle (ACCESSIBLE=yes): add one near the toilets",
        handles=[t.id for t in toilets],
        at=centre(toilets[0].footprint),
        subject=("block", "BM_TOILET_ACCESSIBLE"),
        measured=0,
        limit=1,
        unit="toilets",
    )
