"""The ``bianmin`` command: every entry point, argument parsing, the batch process pool, the quick exit.

main.py parses the arguments and hands each sub-command to its module (validate, export, new,
rules, design, recognize, review, layout); batch.py runs a batch of checks in pool.py's worker
processes and summary.py sums it up; quick_exit.py leaves without the interpreter's teardown.
The one layer that composes the designer, review, autolayout, drawing and standards."""
