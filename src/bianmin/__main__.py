"""``python -m bianmin …``: the same as the ``bianmin`` command."""

from bianmin.standards.cli import run

if __name__ == "__main__":
    run()
