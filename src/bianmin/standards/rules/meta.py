"""META- rules: the plan's properties."""

import re

from bianmin.standards.registry import ALL, hit, rule

STREET_NAME = re.compile(r"^.*[县区].+(镇|街道)便民服务中心$")
STATION_NAME = re.compile(r"^.+(镇|街道).+社区便民服务站$")


@rule(
    "META-NAME",
    severity="warning",
    profiles=ALL,
    source="XA 二(二)",
    needs_hall=False,
    title="机构名称",
    title_en="Official name",
)
def meta_name(ctx, p):
    """机构名称统一为“×××县（区）×××镇（街道）便民服务中心”。 The official name pattern.

    Checks: ``BM_NAME`` follows the official pattern: a street centre ends with
        镇便民服务中心 or 街道便民服务中心 and names a 县 or 区 before the 镇/街道 part (a 市 alone
        is not enough); a community station ends with 社区便民服务站 and names a 镇 or 街道 before it.
    Conditions: 街道中心须含“县”或“区”，再接“镇”或“街道” // a street centre's name names its county or district
        before the town or street.
    Why: XA 二(二): 镇(街)便民服务中心名称统一为“×××县(区)×××镇(街道)便民服务中心”;
        社区便民服务站名称统一为“×××镇(街道)×××社区便民服务站”.
    Parameters: none.
    Passes: 西安市新城区西一路街道便民服务中心.
    Fails: 西一路便民大厅; 西安市西一路街道便民服务中心 (no 县 or 区).
    """
    name = ctx.props.name.strip()
    if ctx.profile == "community-station":
        pattern, form = STATION_NAME, "×××镇（街道）×××社区便民服务站"
    else:
        pattern, form = STREET_NAME, "×××县（区）×××镇（街道）便民服务中心"
    form_en = (
        "<county or district> <town or street> community service station"
        if ctx.profile == "community-station"
        else "<county or district> <town or street> service centre"
    )
    if not name:
        yield hit(
            f"未填写机构名称（BM_NAME）；请按“{form}”填写",
            f"no official name (BM_NAME): give it in the official form ({form_en})",
            subject=("plan", "name"),
        )
    elif not pattern.match(name):
        yield hit(
            f"机构名称“{name}”不符合“{form}”；请改为规范名称",
            f"the official name “{name}” does not follow the official form ({form_en}): rename it",
            subject=("plan", "name"),
            measured=name,
        )
