"""Databases and subprocesses for the migration and session proofs.

test_migrations.py runs Alembic and the session probe as subprocesses, each
with ``DATABASE_URL`` pointing at a database made for one package and one test
run: a fresh SQLite file, or a fresh PostgreSQL database created with
``CREATE DATABASE`` through the admin URL in ``SQLAGEN_TEST_POSTGRES_URL``.
``ProofDatabases.close()`` removes all of them again.

Without ``SQLAGEN_TEST_POSTGRES_URL`` the PostgreSQL tests are skipped, loudly
(the skip reason, and a warning on stderr at the end of the run, see
conftest.py); with ``CI=true`` they fail instead, so CI cannot go green without
PostgreSQL. There is no built-in fallback URL.
"""

from __future__ import annotations

import os
import re
import secrets
import shlex
import subprocess
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import NullPool

POSTGRES_URL_VARIABLE = "SQLAGEN_TEST_POSTGRES_URL"
START_POSTGRES = "src/test/postgres/start-postgres.sh"

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
DATABASE_KINDS = (SQLITE, POSTGRESQL)

# Why PostgreSQL was not tested in this run; conftest.py prints it at the end.
POSTGRES_NOT_TESTED: list[str] = []


def running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1"}


def postgres_admin_url() -> URL:
    """The admin URL from the environment; skips or fails the test without it."""
    raw = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    if not raw:
        message = (
            f"PostgreSQL was NOT tested: {POSTGRES_URL_VARIABLE} is not set. "
            f"Start a server with `sudo {START_POSTGRES}` (it prints the URL on "
            f"its last line) and export {POSTGRES_URL_VARIABLE}=<that URL>."
        )
        if running_in_ci():
            pytest.fail(f"CI=true demands PostgreSQL. {message}", pytrace=False)
        if message not in POSTGRES_NOT_TESTED:
            POSTGRES_NOT_TESTED.append(message)
        pytest.skip(message)
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        problem = str(exc)
    else:
        problem = ""
    if problem:  # failed outside the except block: no chained traceback
        pytest.fail(f"{POSTGRES_URL_VARIABLE} is not a URL: {problem}", pytrace=False)
    if url.get_backend_name() != POSTGRESQL:
        pytest.fail(
            f"{POSTGRES_URL_VARIABLE} must be a postgresql:// URL, not "
            f"{url.render_as_string()}",
            pytrace=False,
        )
    return url


# --------------------------------------------------------------------------
# Subprocesses
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Completed:
    """A finished subprocess, with everything it printed."""

    command: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def describe(self) -> str:
        """The command, its exit code and its whole output, for messages."""
        return (
            f"$ {shlex.join(self.command)}\n"
            f"exit code {self.returncode} after {self.seconds:.1f}s\n"
            f"--- stdout ---\n{self.stdout.rstrip()}\n"
            f"--- stderr ---\n{self.stderr.rstrip()}\n"
            "--- end ---"
        )


def run_process(
    command: Sequence[str],
    *,
    cwd: Path,
    env: Mapping[str, str],
    timeout: float,
) -> Completed:
    """Run ``command`` with ``env`` added to ours; fail the test on timeout."""
    full_env = dict(os.environ)
    full_env.update(env)
    # Imports must not leave __pycache__ directories in the generated package.
    full_env["PYTHONDONTWRITEBYTECODE"] = "1"
    start = time.monotonic()
    try:
        finished = subprocess.run(
            list(command),
            cwd=cwd,
            env=full_env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        partial = Completed(
            command=tuple(command),
            returncode=-1,
            stdout=_text(exc.stdout),
            stderr=_text(exc.stderr),
            seconds=time.monotonic() - start,
        )
        pytest.fail(
            f"timed out after {timeout:.0f}s and was killed:\n{partial.describe()}",
            pytrace=False,
        )
    return Completed(
        command=tuple(command),
        returncode=finished.returncode,
        stdout=finished.stdout,
        stderr=finished.stderr,
        seconds=time.monotonic() - start,
    )


def _text(output: str | bytes | None) -> str:
    if output is None:
        return ""
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output


# --------------------------------------------------------------------------
# Databases
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class ProofDatabase:
    """One database made for one package in this test run."""

    kind: str  # SQLITE or POSTGRESQL
    url: URL  # what DATABASE_URL is set to

    @property
    def database_url(self) -> str:
        """The value for ``DATABASE_URL`` (with the password)."""
        return self.url.render_as_string(hide_password=False)

    def engine(self) -> Engine:
        """A synchronous engine for inspecting the database from the test.

        NullPool: no connection outlives its use, so the database can be
        dropped at the end of the run.
        """
        url = self.url
        if self.kind == POSTGRESQL:
            url = url.set(drivername="postgresql+psycopg")
        return create_engine(url, poolclass=NullPool)


@dataclass
class ProofDatabases:
    """Makes the databases of a test run, and removes them all at the end."""

    workdir: Path
    _made: dict[tuple[str, str], ProofDatabase] = field(default_factory=dict)
    _admin: Engine | None = None
    _postgres_names: list[str] = field(default_factory=list)

    def for_package(self, package: str, kind: str) -> ProofDatabase:
        """The database of ``package`` of the given kind, made on first use."""
        key = (package, kind)
        if key not in self._made:
            if kind == SQLITE:
                path = self.workdir / f"{package}.sqlite3"
                self._made[key] = ProofDatabase(
                    SQLITE, URL.create(SQLITE, database=str(path))
                )
            elif kind == POSTGRESQL:
                self._made[key] = self._create_postgres(package)
            else:
                raise ValueError(f"unknown database kind {kind!r}")
        return self._made[key]

    def _create_postgres(self, package: str) -> ProofDatabase:
        admin_url = postgres_admin_url()
        if self._admin is None:
            self._admin = create_engine(
                admin_url.set(drivername="postgresql+psycopg"),
                isolation_level="AUTOCOMMIT",
                poolclass=NullPool,
            )
        # Unique per run (two runs may share a server); 63 bytes at most.
        slug = re.sub(r"[^a-z0-9_]", "_", package.lower())[:40]
        name = f"sqlagen_{slug}_{secrets.token_hex(4)}"
        try:
            with self._admin.connect() as connection:
                # template0 and the C locale: UTF8 whatever the cluster's
                # default encoding is (the test values are not ASCII).
                connection.exec_driver_sql(
                    f'CREATE DATABASE "{name}" TEMPLATE template0 '
                    "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
                )
        except SQLAlchemyError as exc:
            problem = str(exc)
        else:
            problem = ""
        if problem:  # failed outside the except block: no chained traceback
            pytest.fail(
                f"cannot create a PostgreSQL database through "
                f"{POSTGRES_URL_VARIABLE}={admin_url.render_as_string()}: "
                f"{problem}\nIs the server running? `sudo {START_POSTGRES}` "
                "starts it.",
                pytrace=False,
            )
        self._postgres_names.append(name)
        return ProofDatabase(POSTGRESQL, admin_url.set(database=name))

    def close(self) -> None:
        """Drop every PostgreSQL database made; raise if one could not be."""
        problems: list[str] = []
        if self._admin is not None:
            for name in self._postgres_names:
                try:
                    with self._admin.connect() as connection:
                        # FORCE (PostgreSQL 13+): a connection a killed
                        # subprocess left behind must not keep it alive.
                        connection.execute(
                            text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                        )
                except SQLAlchemyError as exc:
                    problems.append(f"{name}: {exc}")
            self._admin.dispose()
        self._postgres_names.clear()
        if problems:
            raise RuntimeError(
                "could not drop PostgreSQL test databases: " + "; ".join(problems)
            )
