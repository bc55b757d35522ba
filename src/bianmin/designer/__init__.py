"""The PyQt6 desktop designer, top to bottom (pyproject.toml's import-linter contract holds the order):

- main_window.py assembles the window: docks.py (the panels around the plan), status_bar.py, the menus;
- actions/ what the menus do, one module per menu family (file, export, units, edit, view, tools,
  templates, compare, config, recognize, autolayout, language) and menus.py, the table the menus come from;
- panels/ the docked panels and dialogs; tools/ what the mouse does (select, draw, place, measure);
- canvas/ the plan on screen (scene, items, view, the architect's drawing) and snapping (no Qt);
- document.py and commands.py: the open plan and its undoable edits (no Qt); autosave.py its side files.
Beside them: app.py starts the designer, crash.py keeps it alive, open_in_thread.py and in_thread.py
run slow work off the interface thread, validation.py checks while one edits."""
