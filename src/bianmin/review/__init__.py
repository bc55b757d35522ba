"""The bureau's review (issue 12): submissions by round, waivers, comparison between rounds, letters.

db.py holds the SQLite schema and its migrations; store.py the content-addressed copies of the
submitted files; compare.py classifies findings by fingerprint; commands.py is what the
``bianmin review`` subcommands do; html.py the dashboard.
"""
