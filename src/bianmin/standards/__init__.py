"""Rules, the registry, the engine, configuration, findings and their report views (text, JSON, HTML, CSV).

Below: geometry. Above: drawing (the PDF views), review, autolayout, designer, cli."""

RULESET_VERSION = "2019.3"  # the third edition (issue 22: current codes, 强制性条文, building context); docs/rules.md
