"""The PyQt6 desktop designer: document and commands (no Qt), canvas, tools, panels, actions, window."""
