"""插入模板布局: which template, where its hall's centre goes, how it is turned, and whether its
building (hall, doors, columns, routes) comes too."""

from __future__ import annotations

from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

from bianmin.designer.i18n import tr
from bianmin.designer.template_layout import Placement, template_plan

ANGLES = (0, 90, 180, 270)


class InsertTemplateDialog(QDialog):
    def __init__(self, plan, point: tuple[float, float], parent=None):
        from bianmin.templates import NAMES

        super().__init__(parent)
        self.setWindowTitle(tr("插入模板布局", "Insert template layout"))
        self.pick = False  # 在图中点取: the point is clicked in the plan after the dialog
        form = QFormLayout(self)
        self.template = QComboBox()
        for name, pair in NAMES.items():
            self.template.addItem(tr(*pair), name)
        self.x, self.y = QDoubleSpinBox(), QDoubleSpinBox()
        for box, value in ((self.x, point[0]), (self.y, point[1])):
            box.setRange(-1e7, 1e7)
            box.setDecimals(3)
            box.setSuffix(" m")
            box.setValue(value / 1000.0)
        where = QHBoxLayout()
        where.addWidget(QLabel("X"))
        where.addWidget(self.x)
        where.addWidget(QLabel("Y"))
        where.addWidget(self.y)
        self.rotation = QComboBox()
        self.rotation.setEditable(True)  # 0/90/180/270 or any angle typed
        for a in ANGLES:
            self.rotation.addItem(f"{a}°", float(a))
        self.building = QCheckBox(
            tr(
                "同时插入模板的大厅外墙、门、柱和疏散路线",
                "with the template's hall outline, doors, columns and routes",
            )
        )
        self.building.setChecked(plan.hall is None)
        if plan.hall is not None:
            self.building.setToolTip(tr("将替换当前的大厅外形", "replaces the plan's hall outline"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setVisible(False)
        form.addRow(tr("模板", "Template"), self.template)
        form.addRow(tr("大厅中心放在", "Hall centre at"), where)
        form.addRow(tr("旋转（逆时针）", "Turn (anticlockwise)"), self.rotation)
        form.addRow(self.building)
        form.addRow(self.summary)
        form.addRow(self.problem)
        buttons = QDialogButtonBox()
        insert = buttons.addButton(tr("插入", "Insert"), QDialogButtonBox.ButtonRole.AcceptRole)
        pick = QPushButton(tr("在图中点取位置…", "Pick the point in the plan…"))
        buttons.addButton(pick, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(tr("取消", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        insert.clicked.connect(self.accept)
        pick.clicked.connect(self._pick)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.template.currentIndexChanged.connect(self._summarise)
        self.building.toggled.connect(self._summarise)
        self._summarise()
        self.setMinimumWidth(460)

    def _summarise(self, *_):
        plan = template_plan(self.template.currentData())
        zh = f"将插入：服务分区 {len(plan.zones)} 个，柜台与设施 {len(plan.objects)} 个"
        en = f"inserts {len(plan.zones)} zones and {len(plan.objects)} objects"
        if self.building.isChecked():
            zh += f"，大厅外墙（替换当前大厅）、门 {len(plan.openings)} 个、疏散路线 {len(plan.routes)} 条"
            en += f", the hall outline (replacing the plan's), {len(plan.openings)} doors, {len(plan.routes)} routes"
        self.summary.setText(tr(zh + "。一次撤销即可全部撤回。", en + ". One undo takes it all back."))

    def degrees(self) -> float:
        """The turn in degrees; ValueError for text that is no angle."""
        text = self.rotation.currentText().strip().rstrip("°").strip()
        try:
            value = float(text)
        except ValueError:
            raise ValueError(
                tr(f"旋转角度应为数字（度），而不是“{text}”", f"the turn must be a number of degrees: {text}")
            ) from None
        if value != value or abs(value) == float("inf"):
            raise ValueError(tr("旋转角度应为有限的数字", "the turn must be a finite number"))
        return value % 360.0

    def placement(self) -> Placement:
        return Placement(
            name=self.template.currentData(),
            at=(self.x.value() * 1000.0, self.y.value() * 1000.0),
            degrees=self.degrees(),
            building=self.building.isChecked(),
        )

    def _pick(self):
        self.pick = True
        self.accept()

    def accept(self):
        try:
            self.degrees()
        except ValueError as exc:
            self.pick = False
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        super().accept()
