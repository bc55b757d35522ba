"""The designer's main window: the plan view in the middle, palette, properties, findings and
layers docked around it, menus in Chinese (English from the 语言 menu)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from PyQt6.QtCore import QRectF, QSettings, Qt, QTimer
from PyQt6.QtGui import QAction, QKeySequence
from PyQt6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
)

from bianmin.geometry.dxf.read import PlanReadError, read_plan

from bianmin.designer.canvas.scene import PlanScene
from bianmin.designer.canvas.view import PlanView
from bianmin.designer import crash
from bianmin.designer.actions import config as config_action
from bianmin.designer import units
from bianmin.designer.commands import Batch, ReplaceElement, SetProperties, SetUnits
from bianmin.geometry.atomic import ReadOnlyTargetError

from bianmin.designer.document import ExternalChangeError, PlanDocument, PropertiesNotSaved, recoverable
from bianmin.designer.i18n import language, set_language, tr
from bianmin.designer.qt_language import use_qt_language
from bianmin.designer.actions.compare import apply_comparison, compare_with_earlier
from bianmin.designer.open_in_thread import open_with_progress
from bianmin.designer.panels.findings import FindingsPanel
from bianmin.designer.panels.layers import LayersPanel
from bianmin.designer.panels.palette import Palette
from bianmin.designer.panels.plan_dialog import PlanPropertiesDialog
from bianmin.designer.panels.properties import PropertiesPanel
from bianmin.designer.actions.recognize import recognize_open_drawing
from bianmin.designer.tools.draw import (
    MeasureTool,
    OpeningTool,
    PickHallTool,
    PlaceTool,
    PolygonTool,
    RectTool,
    RouteTool,
)
from bianmin.designer.tools.select import SelectTool
from bianmin.designer.validation import LiveValidator

AUTOSAVE_MS = 3 * 60 * 1000
RECENT_MAX = 8


class MainWindow(QMainWindow):
    def __init__(self, document: PlanDocument | None = None, settings: QSettings | None = None, interactive=True):
        super().__init__()
        self.settings = settings or QSettings("bianmin", "designer")
        self.interactive = interactive  # False in tests and screenshots: no modal questions
        self.resize(1500, 920)
        self.document = None
        self.scene = None
        self.view = None
        self.tool = None
        self.last_evacuation = None
        self.validation_seconds = None
        self.validator = None
        self.pending_notes: list[tuple[str, str]] = []  # messages for when the window is up
        self.units_offer: float | None = None  # units guessed anew from a drawn hall, offered
        self.units_declined: set[float] = set()
        self._build_docks()
        self._build_status()
        self.config = config_action.restore(self)  # the bureau's rules config chosen last time
        self.load(document or PlanDocument.new())
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.last_crash = None
        crash.watch(self)  # an exception in a slot no longer aborts the program and loses the work
        QTimer.singleShot(0, self._say_pending)

    def _say_pending(self):
        notes, self.pending_notes = self.pending_notes, []
        for title, text in notes:
            self.error(title, text)

    def emergency(self, exc, text: str, log) -> None:
        """An exception escaped into Qt: save the work to the side file, say what happened, go on."""
        side = self.autosave(force=True)
        self.last_crash = (exc, side, log)
        where = [
            tr(f"未保存的修改已自动保存到：{side}", f"Unsaved work was saved to: {side}")
            if side
            else tr("自动保存未能写入，请尽快“另存为”。", "The autosave could not be written: use Save As soon."),
            tr(f"详细信息已记录在：{log}", f"Details are logged in: {log}") if log else "",
        ]
        message = tr(
            "程序内部出错，窗口和图纸都还在。", "An internal error occurred; the window and the plan are still here."
        )
        self.status(message)
        if self.interactive:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                tr("内部错误", "Internal error"),
                message + "\n\n" + "\n".join(w for w in where if w),
                parent=self,
            )
            box.setDetailedText(text)
            box.exec()

    # -- construction -----------------------------------------------------------------
    def _build_docks(self):
        self.palette = Palette()
        self.palette.chosen.connect(self.choose_tool)
        self.properties = PropertiesPanel()
        self.properties.changed.connect(self._property_changed)
        self.findings = FindingsPanel()
        self.findings.activated.connect(self.go_to_finding)
        self.layers = LayersPanel()
        self.layers.toggled.connect(self._layer_toggled)
        self.docks = {}
        for key, widget, area, title in [
            ("palette", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea, ("绘制与放置", "Draw and place")),
            ("layers", self.layers, Qt.DockWidgetArea.LeftDockWidgetArea, ("图层", "Layers")),
            ("properties", self.properties, Qt.DockWidgetArea.RightDockWidgetArea, ("属性", "Properties")),
            ("findings", self.findings, Qt.DockWidgetArea.BottomDockWidgetArea, ("校验结果", "Findings")),
        ]:
            dock = QDockWidget(self)
            dock.setObjectName(key)
            dock.setWidget(widget)
            dock.setProperty("title_pair", title)
            self.addDockWidget(area, dock)
            self.docks[key] = dock
        self.resizeDocks([self.docks["palette"], self.docks["properties"]], [260, 300], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["findings"]], [230], Qt.Orientation.Vertical)

    def _build_status(self):
        self.coords = QLabel()
        self.snap_label = QLabel()
        self.area_label = QLabel()
        self.config_label = QLabel()
        # a better guess of the drawing's units, offered once a hall is drawn (hidden otherwise)
        self.units_button = QPushButton()
        self.units_button.setStyleSheet("color: #b06000")
        self.units_button.clicked.connect(self.accept_units_offer)
        self.units_button.setVisible(False)
        for w in (self.units_button, self.config_label, self.area_label, self.snap_label, self.coords):
            self.statusBar().addPermanentWidget(w)

    def _build_menus(self):
        bar = self.menuBar()
        bar.clear()
        self.acts = {}

        def act(key, text, slot, shortcut=None, checkable=False):
            a = QAction(tr(*text), self)
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            a.setCheckable(checkable)
            a.triggered.connect(slot)
            self.acts[key] = a
            return a

        m = bar.addMenu(tr("文件(&F)", "&File"))
        m.addAction(act("new", ("新建空白图纸", "New blank plan"), self.new_plan, "Ctrl+N"))
        t = m.addMenu(tr("从模板新建", "New from template"))
        from bianmin.templates import NAMES

        for name, pair in NAMES.items():
            t.addAction(act(f"template:{name}", pair, lambda _=False, n=name: self.new_from_template(n)))
        m.addAction(act("insert_template", ("插入模板布局…", "Insert template layout…"), self.insert_template_dialog))
        m.addAction(act("open", ("打开…", "Open…"), self.open_dialog, "Ctrl+O"))
        self.recent_menu = m.addMenu(tr("最近打开", "Recent files"))
        self._fill_recent()
        m.addAction(
            act("recognize", ("识别建筑底图", "Recognize architect's drawing"), lambda: recognize_open_drawing(self))
        )
        m.addAction(
            act("compare", ("与上一版对比…", "Compare with earlier version…"), lambda: compare_with_earlier(self))
        )
        m.addSeparator()
        config_action.install(self, m, act)
        m.addSeparator()
        m.addAction(act("save", ("保存", "Save"), self.save, "Ctrl+S"))
        m.addAction(act("save_as", ("另存为…", "Save as…"), self.save_as, "Ctrl+Shift+S"))
        m.addSeparator()
        m.addAction(act("export_pdf", ("导出施工图 PDF…", "Export drawing set PDF…"), self.export_drawing))
        m.addAction(act("export_report", ("导出校验报告 PDF…", "Export check report PDF…"), self.export_report))
        m.addSeparator()
        m.addAction(act("quit", ("退出", "Quit"), self.close, "Ctrl+Q"))

        m = bar.addMenu(tr("编辑(&E)", "&Edit"))
        m.addAction(act("undo", ("撤销", "Undo"), self.document_undo, "Ctrl+Z"))
        m.addAction(act("redo", ("重做", "Redo"), self.document_redo, "Ctrl+Y"))
        m.addSeparator()
        m.addAction(act("delete", ("删除", "Delete"), lambda: self.select_tool.delete(), "Del"))
        m.addAction(act("duplicate", ("复制", "Duplicate"), lambda: self.select_tool.duplicate(), "Ctrl+D"))
        m.addAction(act("turn", ("旋转 15°", "Turn 15°"), lambda: self.select_tool.turn(15.0)))
        m.addAction(act("turn_back", ("旋转 -15°", "Turn -15°"), lambda: self.select_tool.turn(-15.0)))
        m.addSeparator()
        m.addAction(act("plan_properties", ("图纸属性…", "Plan properties…"), self.edit_plan_properties))

        m = bar.addMenu(tr("视图(&V)", "&View"))
        m.addAction(act("fit", ("缩放至全图", "Zoom to fit"), lambda: self.view.zoom_fit(), "F"))
        ev = act("evacuation", ("疏散视图", "Evacuation view"), self.toggle_evacuation, "E", checkable=True)
        ev.setChecked("evacuation" not in self.scene.hidden)
        m.addAction(ev)
        for key in ("palette", "layers", "properties", "findings"):
            m.addAction(self.docks[key].toggleViewAction())

        m = bar.addMenu(tr("工具(&T)", "&Tools"))
        m.addAction(act("tool_select", ("选择", "Select"), self.use_select_tool, "Esc"))
        m.addAction(act("tool_measure", ("测量", "Measure"), lambda: self.choose_tool(("measure",)), "M"))
        m.addAction(act("tool_pick", ("拾取大厅", "Pick hall"), lambda: self.choose_tool(("pick-hall",))))
        m.addAction(act("tool_route", ("疏散路线", "Evacuation route"), lambda: self.choose_tool(("route",))))
        m.addAction(
            act(
                "computed_routes",
                ("将计算的疏散路径存为路线", "Save computed paths as routes"),
                self.save_computed_routes,
            )
        )
        from bianmin.designer.actions import autolayout as autolayout_actions

        autolayout_actions.install(self, m, act)

        m = bar.addMenu("语言 / Language")
        m.addAction(act("zh", ("中文", "中文"), lambda: self.set_language("zh")))
        m.addAction(act("en", ("English", "English"), lambda: self.set_language("en")))
        self._update_actions()

    def retranslate(self):
        for dock in self.docks.values():
            dock.setWindowTitle(tr(*dock.property("title_pair")))
        self._build_menus()
        config_action.show(self)
        self.palette.retranslate()
        self.layers.retranslate()
        self.findings.retranslate()
        self.properties.show_element(self.properties.element)
        self.scene.build()
        if self.validator and self.validator.last_report:
            self.scene.set_findings(self.validator.last_report.sorted_findings())
            apply_comparison(self)
        self.scene.set_evacuation(self.last_evacuation)
        self._update_title()

    def set_language(self, lang):
        set_language(lang)
        use_qt_language(lang)
        self.settings.setValue("language", lang)
        self.retranslate()

    # -- documents ------------------------------------------------------------------------
    def load(self, document: PlanDocument):
        self.document = document
        self.units_offer, self.units_declined = None, set()
        self.units_button.setVisible(False)
        self.scene = PlanScene(document, self)
        self.scene.selectionChanged.connect(self._selection_changed)
        for key in self.layers.hidden:
            self.scene.set_layer_visible(key, False)
        if self.view is None:
            self.view = PlanView(self.scene, self)
            self.view.cursorMoved.connect(self._cursor)
            self.setCentralWidget(self.view)
        else:
            self.view.setScene(self.scene)
        self.select_tool = SelectTool(self)
        self.set_tool(self.select_tool)
        document.subscribe(self._document_changed)
        if self.validator is not None:
            self.validator.deleteLater()
        self.validator = LiveValidator(document, config=self.config, parent=self)
        self.validator.finished.connect(self._validated)
        self.validator.failed.connect(lambda msg: self.status(tr(f"校验出错：{msg}", f"check failed: {msg}")))
        self.properties.show_element(None)
        self.last_evacuation = None
        self.retranslate()
        QTimer.singleShot(0, self.view.zoom_fit)
        self.validator.run_now()

    def _update_title(self):
        star = "*" if self.document.dirty else ""
        from bianmin.geometry.atomic import clean_text

        name = clean_text(self.document.plan.properties.name or self.document.title)  # GBK bytes: the Chinese
        self.setWindowTitle(f"{star}{name} — {tr('便民中心平面设计与校验', 'Bianmin service hall designer')}")
        area = self.document.plan.hall_area_m2
        self.area_label.setText(
            tr(f"大厅 {area:.1f} m²", f"hall {area:.1f} m²") if self.document.plan.hall else tr("未设置大厅", "no hall")
        )

    def _update_actions(self):
        if not hasattr(self, "acts"):
            return
        self.acts["undo"].setEnabled(self.document.can_undo)
        self.acts["redo"].setEnabled(self.document.can_redo)
        if self.document.undo_text:
            self.acts["undo"].setText(tr("撤销", "Undo") + " " + tr(*self.document.undo_text))
        if self.document.redo_text:
            self.acts["redo"].setText(tr("重做", "Redo") + " " + tr(*self.document.redo_text))

    def _document_changed(self, change):
        self._offer_units(change)
        self._update_title()
        self._update_actions()
        sel = self.scene.selectedItems()
        self.properties.show_element(sel[0].element if sel and hasattr(sel[0], "element") else None)
        self.validator.schedule()

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current plan (saved, or the user says so)."""
        if not self.document.dirty or not self.interactive:
            return True
        answer = QMessageBox.question(
            self,
            tr("未保存的修改", "Unsaved changes"),
            tr(
                f"“{self.document.title}”有未保存的修改，是否保存？",
                f"“{self.document.title}” has unsaved changes. Save them?",
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_plan(self):
        if self.confirm_discard():
            self.load(PlanDocument.new())

    def new_from_template(self, name):
        if self.confirm_discard():
            self.load(PlanDocument.from_template(name))

    def open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(
            self,
            tr("打开图纸", "Open plan"),
            self._last_dir(),
            tr("图纸 (*.dxf *.DXF *.dwg *.DWG)", "Drawings (*.dxf *.DXF *.dwg *.DWG)"),
        )
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a plan; a broken file leaves the current plan as it is and says why."""
        if not self.confirm_discard():
            return False
        path = Path(path)
        outcome, progress = open_with_progress(self, path, PlanDocument.open)
        try:
            if outcome.cancelled:
                self.status(tr(f"已取消打开 {path.name}", f"opening {path.name} cancelled"))
                return False
            if outcome.error is not None:
                exc = outcome.error
                reason = str(exc) if isinstance(exc, PlanReadError) else f"{type(exc).__name__}: {exc}"
                progress.hide()  # never take the window down for a bad file: say why, keep the plan
                self.error(tr("无法打开图纸", "Cannot open the plan"), f"{path}\n\n{reason}")
                return False
            document = outcome.document
            side = recoverable(path)
            if side is not None and self.interactive:
                progress.hide()
                if self._ask_recover(side):
                    try:
                        document = PlanDocument(read_plan(side), path)
                        document._clean_depth = None  # recovered work is unsaved work
                    except PlanReadError as exc:
                        self.error(tr("无法恢复自动保存", "Cannot recover the autosave"), str(exc))
                progress.show()
            progress.set_stage("draw")
            QApplication.processEvents()
            self.load(document)
        finally:
            progress.close()
            progress.deleteLater()
        self._remember(path)
        return True

    def _ask_recover(self, side: Path) -> bool:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(side.stat().st_mtime))
        answer = QMessageBox.question(
            self,
            tr("恢复自动保存", "Recover autosave"),
            tr(
                f"发现比图纸更新的自动保存（{when}），可能是上次异常退出时留下的。是否恢复？",
                f"An autosave newer than the plan was found ({when}), probably from a crash. Recover it?",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        proposed = self.document.proposed_path()  # a DWG's plan: NAME.dxf beside it, never the .dwg
        path, _ = QFileDialog.getSaveFileName(
            self,
            tr("另存为", "Save as"),
            str(proposed) if proposed else self._last_dir(),
            tr("DXF 图纸 (*.dxf)", "DXF drawings (*.dxf)"),
        )
        if not path:
            return False
        path = Path(path)
        if path.suffix.lower() != ".dxf":
            path = path.with_suffix(".dxf")  # never over a .dwg: the plan is written as DXF
        return self._save_to(path)

    def _save_to(self, path: Path, *, allow_readonly: bool = False, overwrite_external: bool = False) -> bool:
        """Save; every failure is a message and the plan stays open and unsaved (never an abort)."""
        try:
            self.document.save(path, allow_readonly=allow_readonly, overwrite_external=overwrite_external)
        except ExternalChangeError:
            return self._external_change(path)
        except ReadOnlyTargetError:
            if self.interactive and self._ask(
                tr("文件只读", "Read-only file"),
                tr(f"{path} 是只读文件。仍然覆盖它吗？", f"{path} is read-only. Replace it anyway?"),
            ):
                return self._save_to(path, allow_readonly=True, overwrite_external=overwrite_external)
            self.error(
                tr("保存失败", "Save failed"),
                tr(
                    f"{path} 是只读文件，未保存。请用“另存为”保存到别处。",
                    f"{path} is read-only: not saved. Use Save As to save elsewhere.",
                ),
            )
            return False
        except PropertiesNotSaved as exc:
            # said before the status bar says 已保存, and the status bar keeps saying it
            self.error(
                tr("图纸属性未能全部保存", "Plan properties not all saved"),
                tr(
                    f"已写入 {path}，但读回时缺少这些图纸属性：{', '.join(exc.missing)}。"
                    f"请另存为 AutoCAD 2004 或更新版本的 DXF。",
                    f"{path} was written, but reading it back lacks: {', '.join(exc.missing)}. "
                    f"Save as DXF 2004 or newer.",
                ),
            )
            self._remember(path)
            self._update_title()
            self.status(
                tr(
                    f"已保存 {path}，但缺少图纸属性：{', '.join(exc.missing)}",
                    f"saved {path}, but without the plan properties {', '.join(exc.missing)}",
                )
            )
            return True
        except Exception as exc:  # a full disk, no permission, a DXF version that cannot hold something
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
            self.error(
                tr("保存失败", "Save failed"),
                tr(
                    f"无法写入 {path}：{reason}\n原文件未改动，图纸仍然打开，修改未丢失。",
                    f"Cannot write {path}: {reason}\nThe old file is unchanged; the plan stays open with every edit.",
                ),
            )
            return False
        self._saved(path)
        return True

    def _saved(self, path: Path) -> None:
        self._remember(path)
        self.status(tr(f"已保存 {path}", f"saved {path}"))
        self._update_title()

    def _external_change(self, path: Path) -> bool:
        """The file changed on disk since it was opened: never write over it (our edits were made against
        its old handles and would drop what it holds now); offer Save As, or Reload."""
        text = tr(
            f"{path} 在打开后被其他程序修改过。保存到原文件会丢失对方的修改，因此未保存。\n"
            f"请“另存为”一个新文件再核对两份图纸，或“重新载入”该文件（放弃本窗口未保存的修改）。",
            f"{path} was changed by another program since it was opened. Saving over it would lose "
            f"those changes, so it was not saved.\nSave As a new file and compare the two, or Reload the "
            f"file (dropping this window's unsaved edits).",
        )
        if self.interactive:
            box = QMessageBox(QMessageBox.Icon.Warning, tr("文件已被修改", "File changed on disk"), text, parent=self)
            save_as = box.addButton(tr("另存为…", "Save As…"), QMessageBox.ButtonRole.AcceptRole)
            reload = box.addButton(tr("重新载入", "Reload"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is save_as:
                return self.save_as()
            if box.clickedButton() is reload:
                self.reload_from_disk()
            return False
        self.error(tr("文件已被修改", "File changed on disk"), text)
        return False

    def reload_from_disk(self) -> bool:
        """Open the plan file again as it is now (its autosave keeps this window's edits until then)."""
        path = self.document.path
        if path is None:
            return False
        self.autosave(force=True)
        try:
            document = PlanDocument.open(path)
        except Exception as exc:  # noqa: BLE001 - a broken file is a message; the window keeps its plan
            self.error(tr("无法打开图纸", "Cannot open the plan"), f"{path}\n\n{exc}")
            return False
        self.load(document)
        self.status(tr(f"已重新载入 {path}", f"reloaded {path}"))
        return True

    def _ask(self, title, text) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    def autosave(self, *, force: bool = False):
        try:
            side = self.document.autosave(force=force)
        except Exception as exc:
            self.status(tr(f"自动保存失败：{exc}", f"autosave failed: {exc}"))
            return None
        if side:
            self.status(tr(f"已自动保存到 {side.name}", f"autosaved to {side.name}"))
        return side

    def closeEvent(self, event):
        if self.confirm_discard():
            event.accept()
        else:
            event.ignore()

    def _last_dir(self) -> str:
        return str(self.settings.value("last_dir", str(Path.home())))

    def _remember(self, path: Path):
        recent = [p for p in (self.settings.value("recent", []) or []) if p != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:RECENT_MAX])
        self.settings.setValue("last_dir", str(path.parent))
        self._fill_recent()

    def _fill_recent(self):
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        for p in self.settings.value("recent", []) or []:
            a = self.recent_menu.addAction(p)
            a.triggered.connect(lambda _=False, path=p: self.open_path(Path(path)))

    # -- editing ---------------------------------------------------------------------------
    def document_undo(self):
        self.document.undo()

    def document_redo(self):
        self.document.redo()

    def edit_plan_properties(self):
        read = self.document.read
        dialog = PlanPropertiesDialog(
            self.document.plan.properties, self, units=(read.units_factor, bool(units.insunits(read.doc)))
        )
        if dialog.exec():
            self.apply_plan_dialog(dialog)

    def apply_plan_dialog(self, dialog) -> None:
        """The dialog's properties and units as one undo step (units: the whole plan rescaled)."""
        steps = []
        factor = dialog.result_units()
        if factor is not None:
            steps.append(self._units_command(factor))
        new = dialog.result_properties()
        if new != self.document.plan.properties:
            steps.append(SetProperties(self.document.plan.properties, new))
        if len(steps) == 1:
            self.document.do(steps[0])
        elif steps:
            self.document.do(Batch(steps, ("图纸属性与单位", "Plan properties and units")))
        if factor is not None:
            self._units_changed(factor)

    def _units_command(self, factor: float) -> SetUnits:
        read = self.document.read
        code = units.UNITS[factor][0] if factor in units.UNITS and units.can_record(read.doc) else None
        return SetUnits(read, factor, code)

    def set_units(self, factor: float) -> None:
        """Say the drawing's units (one undo step); the plan and the architect's drawing are rescaled."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.document.do(self._units_command(factor))
        finally:
            QApplication.restoreOverrideCursor()
        self._units_changed(factor)

    def _units_changed(self, factor: float) -> None:
        self.units_offer = None
        self.units_button.setVisible(False)
        self.view.zoom_fit()
        zh, en = units.name_of(factor)
        kept = units.can_record(self.document.read.doc)
        self.status(
            tr(
                f"图纸单位已设为{zh}，整张图已按新单位缩放（可撤销）"
                + ("" if kept else "；R12 图纸不能记录单位，请另存为较新版本的 DXF"),
                f"drawing units set to {en}; the plan was rescaled (undoable)"
                + ("" if kept else "; an R12 drawing cannot record units: save as a newer DXF"),
            )
        )

    # -- a template's layout in the open drawing -----------------------------------------------
    def insert_template_dialog(self):
        from bianmin.designer.panels.template_dialog import InsertTemplateDialog
        from bianmin.designer.template_layout import default_point

        centre = self.view.mapToScene(self.view.viewport().rect().center())
        dialog = InsertTemplateDialog(
            self.document.plan, default_point(self.document.plan, (centre.x(), centre.y())), self
        )
        if not dialog.exec():
            return
        if dialog.pick:
            from bianmin.designer.tools.template_place import TemplatePlaceTool

            self.set_tool(TemplatePlaceTool(self, dialog.placement()))
            self.view.setFocus()
        else:
            self.insert_template(dialog.placement())

    def insert_template(self, placement) -> None:
        """The template's layout at ``placement``, as one undo step."""
        from bianmin.templates import NAMES

        from bianmin.designer.template_layout import insert_command

        command = insert_command(self.document.plan, placement)
        self.document.do(command)
        zh, en = NAMES[placement.name]
        self.status(
            tr(
                f"已插入模板布局“{zh.split('（')[0]}”：{len(command.elements)} 个对象"
                + ("和大厅外墙" if command.hall is not None else "")
                + "（一次撤销即可全部撤回）",
                f"inserted the layout of “{en.split(',')[0]}”: {len(command.elements)} elements"
                + (" and the hall outline" if command.hall is not None else "")
                + " (one undo takes it all back)",
            )
        )

    # -- the units guess made again once there is a hall -------------------------------------
    def _offer_units(self, change) -> None:
        """A hall was drawn in a drawing without units: guess them again from it, and offer a better guess."""
        from bianmin.geometry.model import Hall

        read = self.document.read
        if not any(isinstance(e, Hall) for e in change.added) or units.insunits(read.doc):
            return
        extent = units.hall_extent_units(self.document.plan, read.units_factor)
        guess = units.guess_factor(extent)
        if guess is None or guess == read.units_factor or guess in self.units_declined:
            return
        now_zh, now_en = units.name_of(read.units_factor)
        new_zh, new_en = units.name_of(guess)
        metres_now, metres_new = extent * read.units_factor / 1000, extent * guess / 1000
        self.units_offer = guess
        text = tr(
            f"图纸未设单位，现按{now_zh}读取：大厅长边只有 {metres_now:.3g} m。按{new_zh}读取则为 {metres_new:.3g} m。"
            f"是否将图纸单位设为{new_zh}？（整张图按新单位缩放，可撤销；也可在 编辑 > 图纸属性 中修改）",
            f"The drawing sets no units and is read in {now_en}: the hall's long side is only {metres_now:.3g} m. "
            f"In {new_en} it is {metres_new:.3g} m. Set the drawing units to {new_en}? (rescales the plan; "
            f"undoable; also in Edit > Plan properties)",
        )
        self.units_button.setText(tr(f"图纸单位可能是{new_zh}：设为{new_zh}…", f"Units may be {new_en}: use {new_en}…"))
        self.units_button.setToolTip(text)
        self.units_button.setVisible(True)
        if self.interactive:
            QTimer.singleShot(0, lambda: self._ask_units(guess, text))

    def _ask_units(self, guess: float, text: str) -> None:
        if self.units_offer != guess:
            return
        if self._ask(tr("图纸单位", "Drawing units"), text):
            self.accept_units_offer()
        else:
            self.units_declined.add(guess)
            self.units_offer = None
            self.units_button.setVisible(False)

    def accept_units_offer(self) -> bool:
        if self.units_offer is None:
            return False
        self.set_units(self.units_offer)
        return True

    def _property_changed(self, old, new):
        if old is not new:
            self.document.do(ReplaceElement(old, new, ("修改属性", "Edit properties")))
            item = self.scene.items_by_id.get(new.id)
            if item is not None:
                item.setSelected(True)

    def _selection_changed(self):
        try:
            sel = [i for i in self.scene.selectedItems() if hasattr(i, "element")]
        except RuntimeError:
            return  # the scene is being replaced
        self.properties.show_element(sel[0].element if sel else None)

    def save_computed_routes(self):
        from bianmin.geometry.model import Route
        from bianmin.designer.commands import AddElement

        if not self.last_evacuation or not self.last_evacuation["paths"]:
            self.status(tr("还没有计算出的疏散路径", "no computed paths yet"))
            return
        commands = [
            AddElement(Route(points=list(p)), ("添加疏散路线", "Add route")) for p in self.last_evacuation["paths"]
        ]
        self.document.do(Batch(commands, ("保存计算的疏散路径", "Save computed paths")))

    # -- tools -------------------------------------------------------------------------------
    def set_tool(self, tool):
        if self.tool is not None:
            self.tool.deactivate()
        self.tool = tool
        self.view.tool = tool
        tool.activate()
        self.status(f"{tr(*tool.name)}：{tr(*tool.hint)}" if tool.hint[0] else tr(*tool.name))

    def use_select_tool(self):
        self.set_tool(self.select_tool)

    def choose_tool(self, key: tuple):
        kind = key[0]
        if kind == "place":
            tool = PlaceTool(self, key[1])
        elif kind == "rect":
            tool = RectTool(self, key[1])
        elif kind == "poly":
            tool = PolygonTool(self, key[1])
        elif kind == "opening":
            tool = OpeningTool(self, key[1])
        elif kind == "route":
            tool = RouteTool(self)
        elif kind == "measure":
            tool = MeasureTool(self)
        elif kind == "pick-hall":
            tool = PickHallTool(self)
        else:
            return
        self.set_tool(tool)
        self.view.setFocus()

    # -- validation and findings --------------------------------------------------------------
    def _validated(self, report, evacuation, seconds):
        self.validation_seconds = seconds
        self.findings.set_report(report)
        self.scene.set_findings(report.sorted_findings())
        apply_comparison(self)
        self.last_evacuation = evacuation
        self.scene.set_evacuation(evacuation)

    def go_to_finding(self, finding):
        if finding is None:
            return
        self.scene.clearSelection()
        rect = QRectF()
        for handle in finding.handles:
            item = self.scene.items_by_id.get(handle)
            if item is not None:
                item.setSelected(True)
                rect = rect.united(item.sceneBoundingRect())
        if finding.location is not None:
            x, y = finding.location
            rect = rect.united(QRectF(x - 3000, y - 3000, 6000, 6000))
        if not rect.isEmpty():
            self.view.zoom_to(rect, margin=0.3)
        self.status(f"{finding.rule}：{finding.text(language())}")

    def toggle_evacuation(self, checked):
        self.scene.set_layer_visible("evacuation", checked)
        self.layers.set_checked("evacuation", checked)

    def _layer_toggled(self, key, visible):
        self.scene.set_layer_visible(key, visible)
        if key == "evacuation" and "evacuation" in getattr(self, "acts", {}):
            self.acts["evacuation"].setChecked(visible)

    # -- export -----------------------------------------------------------------------------------
    def export_drawing(self):
        """Paper, scale and the title block's names first (remembered), then where to write."""
        from bianmin.designer.panels.export_dialog import ExportDrawingDialog

        dialog = ExportDrawingDialog(self.settings, self)
        if not dialog.exec():
            return
        options = dialog.options()
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出施工图", "Export drawing set"), self._last_dir(), "PDF (*.pdf)"
        )
        if path:
            self.export_drawing_to(Path(path), **options)

    def export_drawing_to(self, path: Path, **options) -> bool:
        from bianmin.drawing.drawing import write_drawing

        if self._export_over_plan(path):
            return False
        try:
            scale = write_drawing(replace(self.document.read, plan=self.document.plan), path, **options)
        except (ValueError, OSError) as exc:
            self.error(tr("导出失败", "Export failed"), str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a sheet that cannot be drawn is a message, not a crash
            self.error(tr("导出失败", "Export failed"), f"{path}: {type(exc).__name__}: {exc}")
            return False
        self.status(tr(f"已导出 {path}（1:{scale}）", f"exported {path} (1:{scale})"))
        return True

    def export_report(self):
        path, _ = QFileDialog.getSaveFileName(
            self, tr("导出校验报告", "Export check report"), self._last_dir(), "PDF (*.pdf)"
        )
        if path:
            self.export_report_to(Path(path))

    def export_report_to(self, path: Path) -> bool:
        from bianmin.standards.engine import check

        from bianmin.drawing.report import write_plan_report

        if self._export_over_plan(path):
            return False
        read = replace(self.document.read, plan=self.document.plan.copy())
        try:
            report = check(read, self.validator.config, path=self.document.title)
            write_plan_report(report, read, self.validator.config.ruleset, Path(path), language())
        except OSError as exc:
            self.error(tr("导出失败", "Export failed"), str(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a report that cannot be made is a message, not a crash
            self.error(tr("导出失败", "Export failed"), f"{path}: {type(exc).__name__}: {exc}")
            return False
        self.status(tr(f"已导出 {path}", f"exported {path}"))
        return True

    def _export_over_plan(self, path: Path) -> bool:
        """An export must never overwrite the plan it is made from (nor its autosave), also through a link."""
        from bianmin.geometry.atomic import same_file

        plan = self.document.path
        sides = [p for p in (plan, self.document.autosave_target()) if p is not None]
        if any(same_file(Path(path), p) for p in sides if Path(p).exists()):
            self.error(
                tr("导出失败", "Export failed"),
                tr(
                    f"输出文件 {path} 就是正在编辑的图纸（或其自动保存），不能覆盖；请换一个文件名。",
                    f"The output {path} is the plan being edited (or its autosave); it is not overwritten. "
                    f"Choose another name.",
                ),
            )
            return True
        return False

    # -- status ----------------------------------------------------------------------------------
    def status(self, text: str):
        self.statusBar().showMessage(text, 8000)

    def show_snap(self, kind):
        names = {
            "endpoint": ("端点", "endpoint"),
            "edge": ("边线", "edge"),
            "hall": ("大厅外墙线", "hall outline"),
            "grid": ("网格", "grid"),
        }
        self.snap_label.setText(tr("吸附：", "snap: ") + tr(*names[kind]) if kind in names else "")

    def _cursor(self, x, y):
        self.coords.setText(f"X {x / 1000:.2f} m   Y {y / 1000:.2f} m")

    def error(self, title, text):
        self.status(f"{title}：{text.splitlines()[0] if text else ''}")
        if self.interactive:
            QMessageBox.warning(self, title, text)
        else:
            self.last_error = (title, text)
