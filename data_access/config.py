"""Where the database is: DATABASE_URL from the environment, then .streamlit/secrets.toml, then embedded SQLite."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = ROOT / "data" / "dasbor.sqlite"
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"


def _secret(name: str) -> str | None:
    if not SECRETS_PATH.exists():
        return None
    with SECRETS_PATH.open("rb") as fh:
        value = tomllib.load(fh).get(name)
    return str(value) if value else None


def database_url() -> str:
    """The read-write URL used by the CLI and the survey form."""
    return os.environ.get("DATABASE_URL") or _secret("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}"


def public_database_url() -> str:
    """The URL public pages read through; a SELECT-only role in production, else the same database read-only."""
    return os.environ.get("PUBLIC_DATABASE_URL") or _secret("PUBLIC_DATABASE_URL") or database_url()


def include_cuti_bersama() -> bool:
    """Whether cuti bersama days are excluded from working days (our default: yes, DOMAIN.md §2.3)."""
    raw = os.environ.get("CUTI_BERSAMA_LIBUR") or _secret("CUTI_BERSAMA_LIBUR") or "1"
    return raw.strip().lower() not in {"0", "false", "no", "tidak"}
