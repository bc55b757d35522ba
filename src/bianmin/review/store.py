"""The submitted files, kept exactly: ``<db>.files/<sha256>.dxf`` beside the database."""

from __future__ import annotations

import hashlib
from pathlib import Path

from bianmin.geometry.atomic import write_bytes


def folder(db: Path) -> Path:
    db = Path(db)
    return db.with_name(db.name + ".files")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def path_of(db: Path, sha256: str, suffix: str = ".dxf") -> Path:
    return folder(db) / f"{sha256}{suffix}"


def keep(db: Path, data: bytes, suffix: str = ".dxf") -> tuple[str, Path]:
    """Copy the bytes into the store (once: the name is their hash); (sha256, stored path)."""
    sha = digest(data)
    suffix = suffix.lower() if suffix.lower() in (".dxf", ".dwg") else ".dxf"
    target = path_of(db, sha, suffix)
    if not target.is_file() or target.stat().st_size != len(data):
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, data)
    return sha, target


def find(db: Path, sha256: str) -> Path | None:
    for suffix in (".dxf", ".dwg"):
        p = path_of(db, sha256, suffix)
        if p.is_file():
            return p
    return None
