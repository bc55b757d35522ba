"""``python -m bianmin …``: the same as the ``bianmin`` command."""

from bianmin.cli.main import run

if __name__ == "__main__":
    run()
