"""The plan properties: name, kind, construction, opening hours, floors, fire facts, visits."""

from __future__ import annotations

from dataclasses import replace

from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
)

from bianmin.geometry.catalog import CONSTRUCTIONS, FIRE_RESISTANCE, HALL_SETTINGS, HAZARDS, KINDS, SMOKE_EXHAUST

from bianmin.designer.i18n import tr
from bianmin.designer.units import UNITS, name_of


def _combo(options, current):
    """A combo box over a catalogue enumeration, showing its labels and holding its keys."""
    c = QComboBox()
    for key, pair in options.items():
        c.addItem(tr(*pair), key)
    c.setCurrentIndex(options.index(current) if current in options else 0)
    return c


class PlanPropertiesDialog(QDialog):
    """``units``: (mm per drawing unit, whether the drawing says so) to offer the units; None: not shown."""

    def __init__(self, properties, parent=None, units: tuple[float, bool] | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("图纸属性", "Plan properties"))
        self.original = properties
        self.original_units = units
        form = QFormLayout(self)
        if units is not None:
            self._units_rows(form, *units)
        self.name = QLineEdit(properties.name)
        self.name.setPlaceholderText("西安市新城区×××街道便民服务中心")
        self.kind = _combo(KINDS, properties.kind)
        self.construction = _combo(CONSTRUCTIONS, properties.construction)
        self.hours = QLineEdit(properties.hours)
        self.hours.setPlaceholderText("08:30-12:00;14:00-17:30")
        self.floor = QSpinBox()
        self.floor.setRange(-5, 100)
        self.floor.setValue(properties.floor)
        self.floors = QSpinBox()
        self.floors.setRange(1, 200)
        self.floors.setValue(properties.building_floors)
        self.sprinklers = QCheckBox()
        self.sprinklers.setChecked(properties.sprinklers)
        self.hazard = _combo(HAZARDS, properties.fire_hazard)
        self.resistance = _combo(FIRE_RESISTANCE, str(properties.fire_resistance))
        self.resistance.setToolTip(tr("默认二级", "default: grade 2"))
        # the alarm system: "by kind" (street-center yes, community-station no) or declared yes/no
        self.alarm = QComboBox()
        self.alarm.addItem(
            tr("按类型默认（街道中心有，社区站无）", "by kind (street-center yes, community-station no)"), None
        )
        self.alarm.addItem(tr("有", "yes"), True)
        self.alarm.addItem(tr("无", "no"), False)
        self.alarm.setCurrentIndex({None: 0, True: 1, False: 2}[properties.fire_alarm_system])
        # the hall's building context (rule set 2019.3): "by default" or declared
        self.setting = QComboBox()
        self.setting.addItem(
            tr("按默认（地上 1 层为独立建筑，否则为房间）", "default (single storey: building, else room)"), None
        )
        for key, (zh, en) in HALL_SETTINGS.items():
            self.setting.addItem(tr(zh, en), key)
        self.setting.setCurrentIndex(max(0, self.setting.findData(properties.hall_setting)))
        self.crowded = QComboBox()
        self.crowded.addItem(
            tr("按默认（街道中心或大厅超过 200 m² 为是）", "default (street-center or a hall over 200 m²: yes)"), None
        )
        self.crowded.addItem(tr("是", "yes"), True)
        self.crowded.addItem(tr("否", "no"), False)
        self.crowded.setCurrentIndex({None: 0, True: 1, False: 2}[properties.crowded])
        self.centre_area = _optional_number(
            properties.centre_area_m2, " m²", tr("未填（按大厅面积）", "not set (the hall)")
        )
        self.corridor = _optional_number(
            properties.corridor_to_exit_m, " m", tr("未填", "not set"), minimum=-1.0
        )  # -1 reads 未填: 0 is a real answer (the doors open outside)
        self.smoke = QComboBox()
        self.smoke.addItem(tr("未说明", "not stated"), None)
        for key, (zh, en) in SMOKE_EXHAUST.items():
            self.smoke.addItem(tr(zh, en), key)
        self.smoke.setCurrentIndex(max(0, self.smoke.findData(properties.smoke_exhaust)))
        self.smoke_area = _optional_number(properties.smoke_openings_m2, " m²", tr("未填", "not set"))
        self.one_jet = QCheckBox()
        self.one_jet.setChecked(bool(properties.hydrant_one_jet))
        self.height = QDoubleSpinBox()
        self.height.setRange(0, 1000)
        self.height.setDecimals(1)
        self.height.setSuffix(" m")
        self.height.setSpecialValueText(tr("未填（地上层数 > 9 时按高层）", "not set (high-rise when storeys > 9)"))
        self.height.setValue(properties.building_height_m or 0)
        self.population = QSpinBox()
        self.population.setRange(0, 10_000_000)
        self.population.setSpecialValueText(tr("未填", "not set"))
        self.population.setValue(properties.population or 0)
        self.visits = QSpinBox()
        self.visits.setRange(0, 100_000)
        self.visits.setSpecialValueText(tr("未填", "not set"))
        self.visits.setValue(properties.peak_daily_visits or 0)
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0.5, 240)
        self.minutes.setValue(properties.service_minutes)
        for label, widget in [
            (tr("机构名称", "Official name"), self.name),
            (tr("类型", "Kind"), self.kind),
            (tr("建设性质", "Construction"), self.construction),
            (tr("对外服务时间", "Opening hours"), self.hours),
            (tr("所在楼层", "Floor"), self.floor),
            (tr("建筑地上层数", "Storeys above ground"), self.floors),
            (tr("设自动喷水灭火系统", "Sprinklers"), self.sprinklers),
            (tr("火灾危险等级", "Fire hazard"), self.hazard),
            (tr("建筑耐火等级", "Fire-resistance grade"), self.resistance),
            (tr("设火灾自动报警系统", "Automatic fire alarm system"), self.alarm),
            (tr("建筑高度", "Building height"), self.height),
            (tr("大厅所处位置", "Hall's setting"), self.setting),
            (tr("人员密集场所", "Crowded premises"), self.crowded),
            (tr("中心总面积（含后台用房）", "Centre's area (with back rooms)"), self.centre_area),
            (tr("疏散门至安全出口的走道长度", "Corridor from the door to an exit"), self.corridor),
            (tr("排烟方式", "Smoke exhaust"), self.smoke),
            (tr("自然排烟窗有效面积", "Natural smoke vents' area"), self.smoke_area),
            (tr("消火栓可按 1 股水柱到达", "Hydrants: one jet suffices"), self.one_jet),
            (tr("服务人口", "Residents served"), self.population),
            (tr("高峰日办件量", "Peak daily visits"), self.visits),
            (tr("平均办件时长（分钟）", "Minutes per visit"), self.minutes),
        ]:
            form.addRow(label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _units_rows(self, form, factor: float, known: bool) -> None:
        """图纸单位: mm / cm / m (and the drawing's own when it is another), with how it was found."""
        self.units = QComboBox()
        for f, (_code, zh, en) in UNITS.items():
            self.units.addItem(tr(zh, en), f)
        if factor not in UNITS:
            zh, en = name_of(factor)
            self.units.addItem(tr(f"{zh}（图纸所设）", f"{en} (as the drawing says)"), factor)
        self.units.setCurrentIndex(self.units.findData(factor))
        zh, en = name_of(factor)
        note = QLabel(
            tr(f"图纸已设单位：{zh}。如不对请改。", f"The drawing says {en}; change it if that is wrong.")
            if known
            else tr(
                f"图纸未设单位，推定为{zh}。请核对：改后整张图按新单位缩放（可撤销）。",
                f"The drawing sets no units; {en} were guessed. Check: a change rescales the plan (undoable).",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555" if known else "color: #b06000")
        self.units_note = note
        form.addRow(tr("图纸单位", "Drawing units"), self.units)
        form.addRow("", note)

    def result_units(self) -> float | None:
        """The units chosen (mm per drawing unit) when they differ from the drawing's; else None."""
        if self.original_units is None:
            return None
        factor = self.units.currentData()
        return factor if factor != self.original_units[0] else None

    def result_properties(self):
        return replace(
            self.original,
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            construction=self.construction.currentData(),
            hours=self.hours.text().strip(),
            floor=self.floor.value(),
            building_floors=self.floors.value(),
            sprinklers=self.sprinklers.isChecked(),
            fire_hazard=self.hazard.currentData(),
            population=self.population.value() or None,
            peak_daily_visits=self.visits.value() or None,
            service_minutes=self.minutes.value(),
            fire_resistance=int(self.resistance.currentData()),
            fire_alarm_system=self.alarm.currentData(),
            building_height_m=self.height.value() or None,
            hall_setting=self.setting.currentData(),
            crowded=self.crowded.currentData(),
            centre_area_m2=self.centre_area.value() or None,
            corridor_to_exit_m=None if self.corridor.value() < 0 else self.corridor.value(),
            smoke_exhaust=self.smoke.currentData(),
            smoke_openings_m2=self.smoke_area.value() or None,
            hydrant_one_jet=True
            if self.one_jet.isChecked()
            else (None if self.original.hydrant_one_jet is None else False),
        )


def _optional_number(value, suffix: str, unset: str, minimum: float = 0.0) -> QDoubleSpinBox:
    """A number that may be left unset: the minimum reads ``unset``."""
    box = QDoubleSpinBox()
    box.setRange(minimum, 100_000)
    box.setDecimals(1)
    box.setSuffix(suffix)
    box.setSpecialValueText(unset)
    box.setValue(minimum if value is None else value)
    return box
