"""``bianmin rules``: every rule, as text, JSON or the Markdown of docs/rules.md."""

from __future__ import annotations

import json
import sys

from bianmin.cli.exits import EXIT_PASS


def cmd_rules(args) -> int:
    from bianmin.standards.rule_docs import rules_json, rules_markdown, rules_text

    if args.format == "json":
        sys.stdout.write(json.dumps(rules_json(), ensure_ascii=False, indent=2) + "\n")
    elif args.format == "markdown":
        sys.stdout.write(rules_markdown())
    else:
        sys.stdout.write(rules_text(args.lang))
    return EXIT_PASS
