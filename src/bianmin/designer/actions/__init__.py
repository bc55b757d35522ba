"""What the menus do, one module per menu family (file, export, units, compare, config, recognize,
autolayout …); each function takes the main window."""
