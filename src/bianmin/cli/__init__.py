"""The ``bianmin`` command: every entry point, argument parsing, the batch process pool, the quick exit.

main.py parses and dispatches; one module per sub-command family. The one layer that composes
the designer, review, autolayout, drawing and standards."""
