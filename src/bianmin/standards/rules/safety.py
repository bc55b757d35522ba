"""SAFE- rules: surveillance (XA 八(二))."""

import shapely

from bianmin.standards.registry import ALL, hit, rule


@rule(
    "SAFE-CAMERA",
    severity="warning",
    profiles=ALL,
    source="XA 八(二)",
    title="监控覆盖主入口",
    title_en="Camera on the main entrance",
)
def camera(ctx, p):
    """配备监控装置。 At least one camera, and one that sees the main entrance.

    Checks: at least one ``BM_CAMERA``, and the main entrance's midpoint lies in some
        camera's view sector (FOV degrees, default 90; RANGE mm, default 12000; direction:
        the INSERT's rotation, local -Y).
    Why: XA 八(二): 配备专兼职安全管理工作人员、监控装置、报警装置…
    Parameters: none.
    Passes: a corner camera turned to the entrance.
    Fails: no camera; a camera facing the back wall.
    """
    cams = ctx.objects("BM_CAMERA")
    if not cams:
        yield hit(
            "图中没有监控摄像机（BM_CAMERA）；请设置一台能看到主入口的摄像机",
            "the plan has no security camera (BM_CAMERA): put up one that sees the main entrance",
            subject=("block", "BM_CAMERA"),
            measured=0,
            limit=1,
            unit="cameras",
        )
        return
    entrance = ctx.main_entrance
    if entrance is None:
        return
    target = shapely.Point(entrance.midpoint)
    if not any(ctx.analysis.camera_sector(c).buffer(1.0).contains(target) for c in cams):
        yield hit(
            "没有摄像机的视野覆盖主入口；请调整摄像机朝向或增设一台",
            "no camera's view covers the main entrance: turn a camera towards it or add one",
            handles=[c.id for c in cams] + [entrance.id],
            at=entrance.midpoint,
            subject=("exit", "main"),
        )


@rule(
    "SAFE-CAMERA-COVER",
    severity="info",
    profiles=ALL,
    source="XA 八(二)",
    title="监控覆盖率",
    title_en="Camera coverage",
    params={"min_share": 0.5},
)
def camera_cover(ctx, p):
    """监控覆盖的大厅地面比例（供审查参考）。 Share of the floor the cameras see.

    Checks: the share of the free floor inside some camera's view sector, clipped by obstacles
        (the line of sight from the camera to a point crosses no ``BM-OBSTACLE``). The share is
        in every report's figures; this info finding flags a share under ``min_share``.
    Why: XA 八(二): 监控装置 — a figure for the reviewer, not a pass/fail limit.
    Parameters: ``min_share`` (0.5).
    Passes: one camera in a corner of a 20 m × 12.5 m hall sees 68 %.
    Fails: a camera facing a wall sees almost nothing.
    """
    share = ctx.analysis.camera_coverage
    if share is not None and share < p.min_share:
        yield hit(
            f"摄像机视野覆盖大厅地面的 {share * 100:.0f}%（低于 {p.min_share * 100:.0f}%）；可调整摄像机朝向或增设",
            f"the cameras see {share * 100:.0f}% of the floor (under {p.min_share * 100:.0f}%): turn them or add one",
            subject=("hall", "camera-cover"),
            measured=round(share * 100),
            limit=round(p.min_share * 100),
            unit="%",
        )
