"""Rules, the registry, the engine, configuration, findings and their report views (text, JSON, HTML, CSV).

Below: geometry. Above: drawing (the PDF views), review, autolayout, designer, cli."""

RULESET_VERSION = "2019.2"  # the second edition of the rule set (issue 9: conditions and citations); docs/rules.md
