"""Rules, rule sets, the engine, reports and the command line."""

RULESET_VERSION = "2019.2"  # the second edition of rules.md (issue 9: conditions and citations)
