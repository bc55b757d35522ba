"""The selected element's properties: attributes of a counter or device, a zone's kind, areas."""

from __future__ import annotations

from dataclasses import replace

from PyQt6.QtCore import pyqtSignal
from PyQt6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bianmin.geometry import catalog
from bianmin.geometry.model import affine_from
from bianmin.geometry.model import Hall, Obstacle, Opening, PlacedObject, Route, Zone

from bianmin.designer.i18n import tr


class PropertiesPanel(QWidget):
    changed = pyqtSignal(object, object)  # old element, new element
    changed_many = pyqtSignal(object)  # [(old, new), ...]: 应用 on several selected objects, one undo step

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.element = None
        self.others: list = []  # the rest of a multiple selection: 应用 changes them too
        self.editors = {}
        self.initial: dict = {}
        self._tool_widget = None
        self.show_element(None)

    def show_selection(self, elements) -> None:
        """Show the first of the selected elements; with several, say how many and apply to all of them."""
        elements = list(elements)
        if not elements and getattr(self, "_tool_widget", None) is not None:
            return  # a tool's options stay while nothing is selected
        self.show_element(elements[0] if elements else None, others=elements[1:])

    def _clear(self):
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            w = item.widget()
            if w is not None and w is getattr(self, "_tool_widget", None):
                w.hide()
                w.setParent(None)  # the tool's own options: kept by the tool, not deleted
                self._tool_widget = None
            elif w is not None:
                w.setObjectName("")  # gone: findChild must not find it before Qt deletes it
                w.deleteLater()
            elif item.layout() is not None:
                _clear_layout(item.layout())
        self.editors = {}

    def show_tool_options(self, title: str, widget) -> None:
        """While a tool with options is on (一排座椅), the panel shows them instead of a selection."""
        self._clear()
        self.element, self.others = None, []
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: bold")
        self.layout_.addWidget(heading)
        self._tool_widget = widget
        self.layout_.addWidget(widget)
        widget.show()
        self.layout_.addStretch(1)

    def show_element(self, element, others=()):
        self._clear()
        self.element = element
        self.others = [o for o in others if o is not element]
        if self.others:
            count = QLabel(
                tr(
                    f"已选择 {len(self.others) + 1} 个对象：“应用”将修改其中的全部同类对象",
                    f"{len(self.others) + 1} objects selected: Apply changes all of them of the same kind",
                )
            )
            count.setWordWrap(True)
            count.setObjectName("selection_count")
            self.layout_.addWidget(count)
        if element is None:
            self.layout_.addWidget(
                QLabel(tr("选择一个对象以查看和修改其属性", "Select something to see and edit its properties"))
            )
            self.layout_.addStretch(1)
            return
        form = QFormLayout()
        self.layout_.addLayout(form)
        if isinstance(element, PlacedObject):
            self._object_form(form, element)
        elif isinstance(element, Zone):
            combo = QComboBox()
            for kind, layer in catalog.ZONE_LAYER.items():
                spec = catalog.LAYERS[layer]
                combo.addItem(tr(spec.zh, spec.en), kind)
            combo.setCurrentIndex(list(catalog.ZONE_LAYER).index(element.kind))
            self.editors["kind"] = combo
            form.addRow(tr("分区类型", "Zone kind"), combo)
            form.addRow(tr("面积", "Area"), QLabel(f"{element.polygon.area / 1e6:.1f} m²"))
        elif isinstance(element, Hall):
            form.addRow(tr("大厅面积", "Hall area"), QLabel(f"{element.polygon.area / 1e6:.1f} m²"))
            minx, miny, maxx, maxy = element.polygon.bounds
            form.addRow(tr("外形尺寸", "Extent"), QLabel(f"{(maxx - minx) / 1000:.2f} × {(maxy - miny) / 1000:.2f} m"))
        elif isinstance(element, Opening):
            combo = QComboBox()
            for kind, (zh, en) in catalog.OPENING_KINDS.items():
                combo.addItem(tr(zh, en), kind)
            combo.setCurrentIndex(catalog.OPENING_KINDS.index(element.kind))
            self.editors["kind"] = combo
            form.addRow(tr("门洞类型", "Opening kind"), combo)
            form.addRow(tr("宽度", "Width"), QLabel(f"{element.width / 1000:.2f} m"))
        elif isinstance(element, Obstacle):
            form.addRow(tr("障碍面积", "Obstacle area"), QLabel(f"{element.polygon.area / 1e6:.2f} m²"))
        elif isinstance(element, Route):
            from bianmin.geometry.grid import path_length

            form.addRow(tr("路线长度", "Route length"), QLabel(f"{path_length(element.points) / 1000:.1f} m"))
        form.addRow(tr("图元句柄", "Handle"), QLabel(element.id))
        self.initial = self.values()
        if self.editors:
            buttons = QHBoxLayout()
            apply = QPushButton(tr("应用", "Apply"))
            apply.setObjectName("apply")
            apply.clicked.connect(self.apply)
            buttons.addStretch(1)
            buttons.addWidget(apply)
            self.layout_.addLayout(buttons)
            if getattr(element, "nested", False):
                apply.setEnabled(False)
                self.layout_.addWidget(QLabel(tr("嵌套在其他块中，只读", "Nested in another block: read-only")))
        self.layout_.addStretch(1)

    def _object_form(self, form, obj: PlacedObject):
        spec = obj.spec
        name = QLabel(tr(spec.zh, spec.en))
        name.setToolTip(obj.block)  # the block's code, for the CAD user
        form.addRow(tr("名称", "Name"), name)
        x, y = obj.position
        form.addRow(tr("位置", "Position"), QLabel(f"{x / 1000:.2f}, {y / 1000:.2f} m"))
        rot = QDoubleSpinBox()
        rot.setRange(-360, 360)
        rot.setDecimals(1)
        rot.setSuffix("°")
        rot.setValue(round(obj.rotation, 1))
        self.editors["rotation"] = rot
        form.addRow(tr("旋转", "Rotation"), rot)
        for attr in spec.attribute_specs:
            tag = attr.tag
            value = obj.attr(tag)
            if attr.type == "choice" and attr.choices is not None:
                w = QComboBox()
                for key, (zh, en) in attr.choices.items():
                    w.addItem(tr(zh, en), key)
                w.setCurrentIndex(attr.choices.index(attr.choices.find(value) or attr.default))
            elif attr.type == "list" and attr.choices is not None:
                w = QWidget()
                box = QVBoxLayout(w)
                box.setContentsMargins(0, 0, 0, 0)
                have = set(catalog.split_list(value))
                w.checks = {}
                for key, (zh, en) in attr.choices.items():
                    c = QCheckBox(tr(zh, en))
                    c.setChecked(key in have)
                    box.addWidget(c)
                    w.checks[key] = c
            elif attr.type in ("int", "float"):
                w = QSpinBox()
                lo, hi = attr.range or (0, 1_000_000)
                w.setRange(int(lo), int(hi))
                w.setSuffix(attr.unit)
                if not attr.default:  # no default (a counter's knee space): the minimum reads 未填 and saves empty
                    w.setSpecialValueText(tr("未填", "not set"))
                number = attr.number(value) if (value or "").strip() or attr.default else None
                w.setValue(int(number if number is not None else (float(attr.default) if attr.default else lo)))
            else:
                w = QLineEdit(value)
            label = tr(attr.zh, attr.en)
            self.editors[tag] = w
            form.addRow(label, w)
        if obj.nested:
            form.addRow(tr("尺寸", "Size"), QLabel(f"{obj.length:.0f} × {obj.depth:.0f} mm"))
            return
        for tag, zh, en, now in (
            ("_length", "长度（窗口宽）" if obj.is_counter else "长度", "Length", obj.length),
            ("_depth", "台面宽（进深）" if obj.is_counter else "进深", "Depth", obj.depth),
        ):
            w = QSpinBox()
            w.setRange(100, 20000)
            w.setSingleStep(50)
            w.setSuffix(" mm")
            w.setValue(round(now))
            self.editors[tag] = w
            form.addRow(tr(zh, en), w)

    def values(self) -> dict:
        out = {}
        for tag, w in self.editors.items():
            if isinstance(w, QComboBox):
                out[tag] = w.currentData()
            elif isinstance(w, (QSpinBox, QDoubleSpinBox)):
                out[tag] = "" if w.specialValueText() and w.value() == w.minimum() else w.value()
            elif isinstance(w, QLineEdit):
                out[tag] = w.text().strip()
            elif hasattr(w, "checks"):
                out[tag] = ",".join(k for k, c in w.checks.items() if c.isChecked())
        return out

    def apply(self):
        old = self.element
        if old is None:
            return
        values = self.values()
        new = _edited(old, values)
        if new is None:
            return
        if not self.others:
            self.changed.emit(old, new)
            return
        # the others take only what was changed in the form, each as far as it has that field
        touched = {k: v for k, v in values.items() if self.initial.get(k) != v}
        pairs = [(old, new)]
        for other in self.others:
            if type(other) is not type(old) or getattr(other, "nested", False):
                continue
            if isinstance(other, PlacedObject) and other.block != old.block:
                touched_here = {k: v for k, v in touched.items() if k in ("rotation", "_length", "_depth")}
            else:
                touched_here = touched
            if touched_here:
                edited = _edited(other, touched_here)
                if edited is not None:
                    pairs.append((other, edited))
        self.changed_many.emit(pairs)


def _edited(old, values: dict):
    """The element with the form's values; None for an element the panel does not edit."""
    values = dict(values)
    if isinstance(old, PlacedObject):
        length, depth = values.pop("_length", None), values.pop("_depth", None)
        new = old.rotated_to(values.pop("rotation", old.rotation))
        if length is not None or depth is not None:
            new = resized(new, length, depth)
        attribs = dict(old.attribs)
        for tag, v in values.items():
            attribs[tag] = str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        return replace(new, attribs=attribs)
    if isinstance(old, (Zone, Opening)) and "kind" in values:
        return replace(old, kind=values["kind"])
    return None


def resized(obj: PlacedObject, length: float | None, depth: float | None) -> PlacedObject:
    """The object scaled so that its footprint is ``length`` along and ``depth`` deep (mm), same place and turn."""
    sx, sy = obj.scale
    if length is not None and abs(length - obj.length) > 0.5 and obj.length > 0:
        sx *= length / obj.length
    if depth is not None and abs(depth - obj.depth) > 0.5 and obj.depth > 0:
        sy *= depth / obj.depth
    if (sx, sy) == obj.scale:
        return obj
    x, y = obj.position
    return replace(obj, transform=affine_from(x, y, obj.rotation, sx, sy))


def _clear_layout(layout):
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().setObjectName("")
            item.widget().deleteLater()
        elif item.layout() is not None:
            _clear_layout(item.layout())
