"""Rules, rule sets, the engine, reports and the command line."""
RULESET_VERSION = "2019.1"
