"""The review database: one SQLite file (stdlib sqlite3, WAL, foreign keys on).

Nothing is updated in place or deleted: a submission, its findings, a waiver and an un-waiver
are each a new row, so the file is the audit trail.  ``PRAGMA user_version`` is the schema
version; :data:`MIGRATIONS` brings an older file up to date, each step in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from bianmin.geometry.atomic import clean_text

DEFAULT_DB = "bianmin-review.sqlite"

# each entry takes the schema from version i to version i + 1; never edit a released step, add one
MIGRATIONS: list[str] = [
    """
    CREATE TABLE plans (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    );
    CREATE TABLE submissions (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        round INTEGER NOT NULL,
        submitted TEXT NOT NULL,
        filename TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        ruleset TEXT NOT NULL,
        config_sha256 TEXT NOT NULL,
        status TEXT NOT NULL,
        profile TEXT,
        error TEXT,
        properties TEXT NOT NULL DEFAULT '{}',
        metrics TEXT NOT NULL DEFAULT '{}',
        UNIQUE (plan_id, round),
        UNIQUE (plan_id, sha256)
    );
    CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        rule TEXT NOT NULL,
        severity TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        state TEXT NOT NULL
    );
    CREATE INDEX findings_by_submission ON findings(submission_id);
    CREATE TABLE waivers (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        rule TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('waive', 'unwaive')),
        reason TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX waivers_by_plan ON waivers(plan_id, fingerprint);
    """,
    # issue 23: the letter's header fields, remembered per plan, and the street office's replies
    """
    CREATE TABLE plan_info (
        plan_id INTEGER NOT NULL REFERENCES plans(id),
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (plan_id, key)
    );
    CREATE TABLE replies (
        id INTEGER PRIMARY KEY,
        submission_id INTEGER NOT NULL REFERENCES submissions(id),
        fingerprint TEXT NOT NULL,
        reply TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX replies_by_submission ON replies(submission_id, fingerprint);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class ReviewError(Exception):
    """A reason the review command cannot go on, said to the user (exit 2)."""


def now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def _clean(params):
    if isinstance(params, dict):
        return {k: clean_text(v) if isinstance(v, str) else v for k, v in params.items()}
    return tuple(clean_text(v) if isinstance(v, str) else v for v in params)


class _Connection(sqlite3.Connection):
    """A connection whose text parameters always encode: a plan or file name with undecodable bytes
    (a GBK name as unzip leaves it, a BM_NAME read from a damaged file) ended ``review add`` in a
    UnicodeEncodeError traceback.  :func:`~bianmin.geometry.atomic.clean_text` decodes what it can
    (GB18030) and marks the rest, for every statement in one place."""

    def execute(self, sql, params=(), /):  # type: ignore[override]
        return super().execute(sql, _clean(params))

    def executemany(self, sql, seq, /):  # type: ignore[override]
        return super().executemany(sql, (_clean(p) for p in seq))


# how long a command waits for another process's write (a colleague adding a batch) before it says so
BUSY_TIMEOUT_S = 10.0


def connect(path) -> sqlite3.Connection:
    """The database at ``path``, created or migrated as needed."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise ReviewError(f"{path} 不是文件 / is not a file")
    try:
        con = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None, factory=_Connection)
        con.row_factory = sqlite3.Row
        con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        _switch_to_wal(con)
        con.execute("PRAGMA foreign_keys = ON")
        migrate(con)
    except sqlite3.DatabaseError as exc:
        raise ReviewError(database_trouble(path, exc)) from None
    return con


def database_trouble(path, exc: sqlite3.Error) -> str:
    """What went wrong with the review database, in words (Chinese / English)."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return (
            f"审查数据库 {path} 正被其他程序占用（等待 {BUSY_TIMEOUT_S:.0f} 秒后仍未释放）；请等对方完成后重试 / "
            f"the review database is in use by another program (still after {BUSY_TIMEOUT_S:.0f} s): try again later"
        )
    if "no such table" in text or "no such column" in text:
        return (
            f"审查数据库 {path} 的结构已被改动或损坏（{text}），本程序无法使用；请用备份恢复，或另建数据库 / "
            f"the review database's tables were changed or damaged ({text}): restore a backup or start a new one"
        )
    return f"无法使用审查数据库 {path}：{text} / cannot use the review database: {text}"


def _switch_to_wal(con: sqlite3.Connection, patience_s: float = BUSY_TIMEOUT_S) -> None:
    """Turn on WAL, waiting for another process that is creating the same database.

    Switching the journal needs the file to itself, and SQLite answers "database is locked"
    at once instead of waiting (busy_timeout does not cover it): two reviewers adding to a new
    database at the same moment failed one time in three (a test found it)."""
    deadline = time.monotonic() + patience_s
    delay = 0.01
    while True:
        try:
            con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def migrate(con: sqlite3.Connection) -> None:
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise ReviewError(
            f"数据库版本 {version} 比本程序新（{SCHEMA_VERSION}），请升级 bianmin / "
            "the database was written by a newer bianmin"
        )
    while version < SCHEMA_VERSION:
        con.execute("BEGIN IMMEDIATE")
        try:
            current = con.execute("PRAGMA user_version").fetchone()[0]  # another process may have done it
            if current == version:
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        con.execute(statement)
                con.execute(f"PRAGMA user_version = {version + 1}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        version = con.execute("PRAGMA user_version").fetchone()[0]


def plan_id(con, name: str, create: bool = False) -> int | None:
    row = con.execute("SELECT id FROM plans WHERE name = ?", (name,)).fetchone()
    if row is None and create:
        con.execute("INSERT OR IGNORE INTO plans(name) VALUES (?)", (name,))
        row = con.execute("SELECT id FROM plans WHERE name = ?", (name,)).fetchone()
    return None if row is None else row[0]


def add_submission(
    con, name: str, *, filename: str, sha256: str, size: int, ruleset: dict, report
) -> tuple[dict, bool]:
    """Record one checked file as the plan's next round; (the submission, whether it is new).
    The same file (SHA-256) for the same plan is the submission it already was."""
    con.execute("BEGIN IMMEDIATE")  # the round number and the rows: one writer at a time
    try:
        pid = plan_id(con, name, create=True)
        row = con.execute("SELECT * FROM submissions WHERE plan_id = ? AND sha256 = ?", (pid, sha256)).fetchone()
        if row is not None:
            con.execute("COMMIT")
            return dict(row), False
        rnd = con.execute("SELECT COALESCE(MAX(round), 0) + 1 FROM submissions WHERE plan_id = ?", (pid,)).fetchone()[0]
        cur = con.execute(
            "INSERT INTO submissions(plan_id, round, submitted, filename, sha256, size, ruleset, config_sha256, "
            "status, profile, error, properties, metrics) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                pid,
                rnd,
                now(),
                filename,
                sha256,
                size,
                ruleset["version"],
                ruleset["config_sha256"],
                report.status,
                report.profile,
                report.error,
                json.dumps(report.properties, ensure_ascii=False),
                json.dumps(report.metrics, ensure_ascii=False),
            ),
        )
        sid = cur.lastrowid
        con.executemany(
            "INSERT INTO findings(submission_id, rule, severity, fingerprint, state) VALUES (?,?,?,?,?)",
            [
                (sid, f.rule, f.severity, f.fingerprint, json.dumps(asdict(f), ensure_ascii=False))
                for f in report.findings
            ],
        )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return dict(con.execute("SELECT * FROM submissions WHERE id = ?", (sid,)).fetchone()), True


def plans(con) -> list[str]:
    return [r[0] for r in con.execute("SELECT name FROM plans ORDER BY name")]


def rounds(con, name: str) -> list[dict]:
    return [
        dict(r)
        for r in con.execute(
            "SELECT s.* FROM submissions s JOIN plans p ON p.id = s.plan_id WHERE p.name = ? ORDER BY s.round", (name,)
        )
    ]


def findings_of(con, submission_id: int) -> list:
    from bianmin.standards.findings import Finding

    out = []
    for (state,) in con.execute("SELECT state FROM findings WHERE submission_id = ? ORDER BY id", (submission_id,)):
        data = json.loads(state)
        for key in ("subject", "location"):
            if data.get(key) is not None:
                data[key] = tuple(data[key])
        out.append(Finding(**data))
    return out


def add_waiver(con, name: str, rule: str, fingerprint: str, action: str, reason: str, reviewer: str) -> None:
    pid = plan_id(con, name)
    con.execute(
        "INSERT INTO waivers(plan_id, rule, fingerprint, action, reason, reviewer, at) VALUES (?,?,?,?,?,?,?)",
        (pid, rule, fingerprint, action, reason, reviewer, now()),
    )


def waivers(con, name: str) -> dict[str, dict]:
    """The waivers in force for a plan: fingerprint -> its latest waive row (a later unwaive ends it)."""
    current: dict[str, dict] = {}
    for r in con.execute(
        "SELECT w.* FROM waivers w JOIN plans p ON p.id = w.plan_id WHERE p.name = ? ORDER BY w.id", (name,)
    ):
        if r["action"] == "waive":
            current[r["fingerprint"]] = dict(r)
        else:
            current.pop(r["fingerprint"], None)
    return current


def history(con, name: str) -> list[dict]:
    return [
        dict(r)
        for r in con.execute(
            "SELECT w.* FROM waivers w JOIN plans p ON p.id = w.plan_id WHERE p.name = ? ORDER BY w.id", (name,)
        )
    ]


# the letter's header fields a bureau fills once per plan (review letter --project … remembers them)
INFO_KEYS = {
    "agency": "审查机构",
    "builder": "建设单位",
    "design_org": "设计单位",
    "project": "项目名称",
    "address": "项目地址",
}


def set_info(con, name: str, values: dict[str, str]) -> None:
    pid = plan_id(con, name)
    if pid is None:
        raise ReviewError(f"没有图纸 {name} / no plan {name}")
    for key, value in values.items():
        if key in INFO_KEYS and value:
            con.execute(
                "INSERT INTO plan_info(plan_id, key, value) VALUES (?,?,?) "
                "ON CONFLICT(plan_id, key) DO UPDATE SET value = excluded.value",
                (pid, key, value),
            )


def info(con, name: str) -> dict[str, str]:
    pid = plan_id(con, name)
    if pid is None:
        return {}
    return {k: v for k, v in con.execute("SELECT key, value FROM plan_info WHERE plan_id = ?", (pid,))}


def add_replies(con, submission_id: int, replies: dict[str, str]) -> int:
    """Store the street office's replies to a round's opinions (fingerprint -> reply); how many."""
    n = 0
    for fingerprint, reply in replies.items():
        if reply.strip():
            con.execute(
                "INSERT INTO replies(submission_id, fingerprint, reply, at) VALUES (?,?,?,?)",
                (submission_id, fingerprint, reply.strip(), now()),
            )
            n += 1
    return n


def replies_of(con, submission_id: int) -> dict[str, str]:
    """The latest reply to each opinion of a round."""
    return {
        fp: text
        for fp, text in con.execute(
            "SELECT fingerprint, reply FROM replies WHERE submission_id = ? ORDER BY id", (submission_id,)
        )
    }
