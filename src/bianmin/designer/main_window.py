"""The designer's main window: it assembles the plan view in the middle, the docked panels
(docks.py), the status bar (status_bar.py), the menus (actions/menus.py, one table) and the
autosave timer (autosave.py), and keeps them in step with the open plan.  What the menus do is
in actions/, one module per menu family; the window's methods below that only hand over to them
are the ones the tools (tools/), the crash guard (crash.py) and the tests call."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QSettings, QTimer
from PyQt6.QtWidgets import QMainWindow, QMessageBox

from bianmin.geometry.atomic import clean_text

from bianmin.designer import autosave, crash, docks, status_bar
from bianmin.designer.actions import config as config_action
from bianmin.designer.actions import edit, export, file, language, menus, templates, tools, units, view
from bianmin.designer.actions.compare import apply_comparison
from bianmin.designer.canvas.scene import PlanScene
from bianmin.designer.canvas.view import PlanView
from bianmin.designer.document import PlanDocument
from bianmin.designer.i18n import tr
from bianmin.designer.tools.select import SelectTool
from bianmin.designer.validation import LiveValidator


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
        docks.build(self)
        status_bar.build(self)
        menus.build(self)
        self.config = config_action.restore(self)  # the bureau's rules config chosen last time
        self.load(document or PlanDocument.new())
        self.autosave_timer = autosave.start(self, QTimer(self))
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

    # -- the open plan ------------------------------------------------------------------------
    def load(self, document: PlanDocument):
        if self.document is not None and self.document is not document:
            self.document.release()
        self.document = document
        if document.opened_elsewhere:
            self.error(
                tr("图纸已在其他窗口打开", "The plan is open in another window"),
                tr(
                    f"{document.path} 已在另一个设计器窗口中打开。两处的修改互不相知，保存时后保存的会覆盖先保存的；"
                    "本窗口的自动保存另存一个文件，不会覆盖对方的。",
                    f"{document.path} is open in another designer window. Neither sees the other's edits and the "
                    "later save replaces the earlier; this window autosaves to a file of its own.",
                ),
            )
        self.units_offer, self.units_declined = None, set()
        self.units_button.setVisible(False)
        self.scene = PlanScene(document, self)
        self.scene.selectionChanged.connect(self._selection_changed)
        for key in self.layers.hidden:
            self.scene.set_layer_visible(key, False)
        if self.view is None:
            self.view = PlanView(self.scene, self)
            self.view.cursorMoved.connect(lambda x, y: status_bar.show_cursor(self, x, y))
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

    def retranslate(self):
        docks.retranslate(self)
        menus.retranslate(self)
        config_action.show(self)
        self.palette.retranslate()
        self.layers.retranslate()
        self.findings.retranslate()
        self.properties.show_element(self.properties.element, self.properties.others)
        self.scene.build()
        if self.validator and self.validator.last_report:
            self.scene.set_findings(self.validator.last_report.sorted_findings())
            apply_comparison(self)
        self.scene.set_evacuation(self.last_evacuation)
        self.update_title()

    def update_title(self):
        star = "*" if self.document.dirty else ""
        name = clean_text(self.document.plan.properties.name or self.document.title)  # GBK bytes: the Chinese
        self.setWindowTitle(f"{star}{name} — {tr('便民中心平面设计与校验', 'Bianmin service hall designer')}")
        status_bar.show_hall_area(self)

    def _document_changed(self, change):
        units.offer_units(self, change)
        self.update_title()
        menus.update_undo(self)
        self.properties.show_selection(i.element for i in self.scene.selectedItems() if hasattr(i, "element"))
        self.validator.schedule()

    def _selection_changed(self):
        try:
            sel = [i for i in self.scene.selectedItems() if hasattr(i, "element")]
        except RuntimeError:
            return  # the scene is being replaced
        self.properties.show_selection(i.element for i in sel)

    def _validated(self, report, evacuation, seconds):
        self.validation_seconds = seconds
        self.findings.set_report(report)
        self.scene.set_findings(report.sorted_findings())
        apply_comparison(self)
        self.last_evacuation = evacuation
        self.scene.set_evacuation(evacuation)

    def closeEvent(self, event):
        if self.confirm_discard():
            if self.document is not None:
                self.document.release()
            event.accept()
        else:
            event.ignore()

    # -- messages --------------------------------------------------------------------------------
    def status(self, text: str):
        status_bar.say(self, text)

    def show_snap(self, kind):
        status_bar.show_snap(self, kind)

    def error(self, title, text):
        self.status(f"{title}：{text.splitlines()[0] if text else ''}")
        if self.interactive:
            QMessageBox.warning(self, title, text)
        else:
            self.last_error = (title, text)

    def _ask(self, title, text) -> bool:
        return QMessageBox.question(self, title, text) == QMessageBox.StandardButton.Yes

    # -- handed over to actions/ (called by the tools, the crash guard and the tests) --------------
    def autosave(self, *, force: bool = False):
        return autosave.autosave_window(self, force=force)

    def confirm_discard(self) -> bool:
        return file.confirm_discard(self)

    def open_path(self, path: Path) -> bool:
        return file.open_path(self, path)

    def save(self) -> bool:
        return file.save(self)

    def _save_to(self, path: Path, **options) -> bool:
        return file.save_to(self, path, **options)

    def reload_from_disk(self) -> bool:
        return file.reload_from_disk(self)

    def export_drawing(self):
        export.export_drawing(self)

    def export_drawing_to(self, path: Path, **options) -> bool:
        return export.export_drawing_to(self, path, **options)

    def export_report(self):
        export.export_report(self)

    def export_report_to(self, path: Path) -> bool:
        return export.export_report_to(self, path)

    def apply_plan_dialog(self, dialog) -> None:
        edit.apply_plan_dialog(self, dialog)

    def insert_template(self, placement) -> None:
        templates.insert_template(self, placement)

    def set_tool(self, tool):
        tools.set_tool(self, tool)

    def recognize_room_at(self, pos):
        from bianmin.designer.actions.recognize import recognize_room_at

        recognize_room_at(self, pos)

    def use_select_tool(self):
        tools.use_select_tool(self)

    def choose_tool(self, key: tuple):
        tools.choose_tool(self, key)

    def save_computed_routes(self):
        tools.save_computed_routes(self)

    def toggle_evacuation(self, checked):
        view.toggle_evacuation(self, checked)

    def set_language(self, lang):
        language.set_language(self, lang)
