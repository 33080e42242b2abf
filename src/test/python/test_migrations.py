"""Proof that the Alembic migrations and the sessions of generated packages work.

Every test runs once per package (see conftest.py) and per database: a fresh
SQLite file, and a fresh PostgreSQL database (see proof_databases.py). Alembic
runs as ``<venv>/bin/alembic -c <package>/alembic.ini ...`` in a subprocess
with ``DATABASE_URL`` set, from a working directory outside the package, the
way a user runs it; the sessions are proved by session_probe.py, also in a
subprocess, because ``session.py`` reads ``DATABASE_URL`` at import time.

The tests of one package and database share that database and run in this
order: upgrade head, check, sync session, async session, downgrade base, and
offline SQL. Each one first brings the database to the state it needs (see
``MigrationRun.at_head``), so any of them can also run alone.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import session_probe
from conftest import ProofPackage, ProofTarget
from proof_databases import (
    DATABASE_KINDS,
    POSTGRESQL,
    SQLITE,
    Completed,
    ProofDatabase,
    ProofDatabases,
    run_process,
)
from sqlalchemy import MetaData, Table, inspect, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import sqltypes
from test_generated import LoadedPackage, load_package

# The revision every generated package starts with (an evolved example has more).
INITIAL_REVISION = "0001"

ALEMBIC_TIMEOUT = 120.0  # seconds, for one alembic command
PROBE_TIMEOUT = 300.0  # seconds, for one session probe

PROBE = Path(session_probe.__file__).resolve()


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


@dataclass
class MigrationRun:
    """One package on one database, and how far it has been migrated.

    The package and the database are only looked up when a test uses them,
    so that a configuration problem or a missing PostgreSQL fails (or skips)
    the test itself rather than erroring in its setup.
    """

    proof_target: ProofTarget
    kind: str  # SQLITE or POSTGRESQL
    databases: ProofDatabases
    workdir_root: Path
    at_head: bool = False
    upgrade: Completed | None = None  # the last upgrade head
    upgrade_failure: str | None = None

    @property
    def package(self) -> LoadedPackage:
        return load_package(self.proof_target)  # fails for config problems

    @property
    def target(self) -> ProofPackage:
        load_package(self.proof_target)  # fails the test for config problems
        assert isinstance(self.proof_target, ProofPackage)
        return self.proof_target

    @property
    def database(self) -> ProofDatabase:
        """Made on first use; skips or fails the test without PostgreSQL."""
        return self.databases.for_package(self.target.name, self.kind)

    @property
    def workdir(self) -> Path:
        """The subprocesses' working directory, outside the package."""
        path = self.workdir_root / f"{self.target.name}-{self.kind}"
        path.mkdir(exist_ok=True)
        return path

    @property
    def metadata(self) -> MetaData:
        return self.package.metadata

    def tables(self) -> list[Table]:
        return list(self.metadata.sorted_tables)

    def alembic(self, *args: str) -> Completed:
        ini = self.target.directory / self.target.name / "alembic.ini"
        if not ini.is_file():
            pytest.fail(f"{self.target.name} has no alembic.ini ({ini})", pytrace=False)
        return run_process(
            [str(alembic_executable()), "-c", str(ini), *args],
            cwd=self.workdir,
            env={"DATABASE_URL": self.database.database_url},
            timeout=ALEMBIC_TIMEOUT,
        )

    def alembic_ok(self, *args: str) -> Completed:
        result = self.alembic(*args)
        if result.returncode != 0:
            pytest.fail(
                f"alembic {' '.join(args)} failed:\n{result.describe()}", pytrace=False
            )
        return result

    def ensure_at_head(self) -> None:
        """Run ``alembic upgrade head`` unless the database is there already."""
        if self.upgrade_failure is not None:
            pytest.fail(
                f"alembic upgrade head failed earlier:\n{self.upgrade_failure}",
                pytrace=False,
            )
        if self.at_head:
            return
        result = self.alembic("upgrade", "head")
        if result.returncode != 0:
            self.upgrade_failure = result.describe()
            pytest.fail(
                f"alembic upgrade head failed:\n{self.upgrade_failure}", pytrace=False
            )
        self.at_head = True
        self.upgrade = result


def alembic_executable() -> Path:
    """The alembic script of the venv running the tests."""
    path = Path(sys.executable).parent / "alembic"
    if not path.is_file():
        pytest.fail(f"no alembic next to {sys.executable}", pytrace=False)
    return path


@pytest.fixture(scope="session")
def proof_workdir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sqlagen-migrations-") as workdir:
        yield Path(workdir)


@pytest.fixture(scope="session")
def proof_databases(proof_workdir: Path) -> Iterator[ProofDatabases]:
    databases = ProofDatabases(proof_workdir)
    try:
        yield databases
    finally:
        databases.close()


_RUNS: dict[tuple[ProofTarget, str], MigrationRun] = {}


@pytest.fixture(params=DATABASE_KINDS)
def migration(
    request: pytest.FixtureRequest,
    proof_target: ProofTarget,
    proof_databases: ProofDatabases,
    proof_workdir: Path,
) -> MigrationRun:
    """The run of this package on this database, shared by its tests."""
    kind: str = request.param
    key = (proof_target, kind)
    if key not in _RUNS:
        _RUNS[key] = MigrationRun(proof_target, kind, proof_databases, proof_workdir)
    return _RUNS[key]


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def existing_tables(migration: MigrationRun) -> dict[str, set[str]]:
    """Model table key -> its columns in the database, for tables that exist."""
    found: dict[str, set[str]] = {}
    engine = migration.database.engine()
    try:
        inspector = inspect(engine)
        for table in migration.tables():
            # SQLite has no schemas: the package keeps such tables in main.
            schema = table.schema if migration.kind == POSTGRESQL else None
            if inspector.has_table(table.name, schema=schema):
                columns = inspector.get_columns(table.name, schema=schema)
                found[table.key] = {column["name"] for column in columns}
    finally:
        engine.dispose()
    return found


def query(migration: MigrationRun, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    engine = migration.database.engine()
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def postgres_enum_types(migration: MigrationRun) -> list[str]:
    schemas = sorted({"public"} | {t.schema for t in migration.tables() if t.schema})
    rows = query(
        migration,
        "select n.nspname || '.' || t.typname from pg_type t "
        "join pg_namespace n on n.oid = t.typnamespace "
        "where t.typtype = 'e' and n.nspname = any(:schemas) order by 1",
        schemas=schemas,
    )
    return [row[0] for row in rows]


def postgres_enum_labels(migration: MigrationRun) -> dict[str, list[str]]:
    """schema.name -> labels in order, for every enum type in the database."""
    labels: dict[str, list[str]] = {}
    rows = query(
        migration,
        "select n.nspname || '.' || t.typname, e.enumlabel from pg_type t "
        "join pg_namespace n on n.oid = t.typnamespace "
        "join pg_enum e on e.enumtypid = t.oid order by 1, e.enumsortorder",
    )
    for name, label in rows:
        labels.setdefault(name, []).append(label)
    return labels


def native_enums(metadata: MetaData, dialect: Dialect) -> list[sqltypes.Enum]:
    """The named database types the metadata needs on ``dialect``, once each."""
    found: dict[tuple[str | None, str], sqltypes.Enum] = {}
    for table in metadata.sorted_tables:
        for column in table.columns:
            type_ = column.type.dialect_impl(dialect)
            if isinstance(type_, sqltypes.Enum) and type_.native_enum and type_.name:
                found.setdefault((type_.schema, type_.name), type_)
    return [found[key] for key in sorted(found, key=lambda k: (k[0] or "", k[1]))]


def head_revision(migration: MigrationRun) -> str:
    """The package's one head: the revision no other revision follows."""
    versions = (
        migration.target.directory / migration.target.name / "migrations" / "versions"
    )
    declared: dict[str, set[str]] = {}
    for path in versions.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revision = re.search(r'^revision: str = "([^"]+)"', source, re.MULTILINE)
        down = re.search(r"^down_revision: .* = (.+)$", source, re.MULTILINE)
        if revision and down:
            declared[revision.group(1)] = set(re.findall(r'"([^"]+)"', down.group(1)))
    parents = set().union(*declared.values()) if declared else set()
    heads = sorted(set(declared) - parents)
    if len(heads) != 1:
        pytest.fail(f"{versions} has heads {heads}, not one", pytrace=False)
    return heads[0]


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


def test_upgrade_head(migration: MigrationRun) -> None:
    """(a) upgrade head creates every table; one head, and the database is at it."""
    migration.ensure_at_head()
    problems = []
    existing = existing_tables(migration)
    for table in migration.tables():
        declared = {column.name for column in table.columns}
        if table.key not in existing:
            problems.append(f"no table {table.key}")
        elif existing[table.key] != declared:
            problems.append(
                f"columns of {table.key}: created {sorted(existing[table.key])}, "
                f"declared {sorted(declared)}"
            )
    head = head_revision(migration)
    versions = query(migration, "select version_num from alembic_version")
    if versions != [(head,)]:
        problems.append(f"alembic_version holds {versions}, not {head!r}")
    if migration.kind == POSTGRESQL:
        # alembic check does not compare the labels of enum types.
        in_database = postgres_enum_labels(migration)
        dialect: Dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
        for enum_type in native_enums(migration.metadata, dialect):
            name = f"{enum_type.schema or 'public'}.{enum_type.name}"
            labels = list(enum_type.enums)
            if in_database.get(name) != labels:
                problems.append(
                    f"enum type {name} has labels {in_database.get(name)} in the "
                    f"database, the models declare {labels}"
                )
    if problems:
        upgrade = migration.upgrade
        output = upgrade.describe() if upgrade else "(upgraded by an earlier test)"
        pytest.fail("; ".join(problems) + f"\n{output}", pytrace=False)
    heads = migration.alembic_ok("heads")
    found = re.findall(r"^(\S+) \(head\)", heads.stdout, re.MULTILINE)
    if found != [head]:
        pytest.fail(
            f"expected the single head {head!r}, found {found}:\n{heads.describe()}",
            pytrace=False,
        )


def test_alembic_check(migration: MigrationRun) -> None:
    """(b) alembic check: the models and the migrations agree."""
    migration.ensure_at_head()
    result = migration.alembic("check")
    if result.returncode != 0:
        pytest.fail(
            "alembic check found differences between the models and the "
            f"migrations:\n{result.describe()}",
            pytrace=False,
        )
    if "No new upgrade operations detected" not in result.stdout + result.stderr:
        pytest.fail(
            f"alembic check did not confirm the models match:\n{result.describe()}",
            pytrace=False,
        )


def _probe(migration: MigrationRun, side: str) -> None:
    migration.package.require_configured()
    migration.ensure_at_head()
    result = run_process(
        [
            sys.executable,
            str(PROBE),
            side,
            migration.target.name,
            str(migration.target.directory),
        ],
        cwd=migration.workdir,
        env={"DATABASE_URL": migration.database.database_url},
        timeout=PROBE_TIMEOUT,
    )
    if result.returncode == session_probe.SKIP_EXIT:
        lines = result.stdout.strip().splitlines()
        reason = lines[-1] if lines else f"no {side} session"
        pytest.skip(reason.removeprefix("SKIP: "))
    if result.returncode != 0:
        pytest.fail(f"{side} session probe failed:\n{result.describe()}", pytrace=False)


def test_sync_session(migration: MigrationRun) -> None:
    """(c) Objects written through SessionLocal read back through both sides."""
    _probe(migration, "sync")


def test_async_session(migration: MigrationRun) -> None:
    """(c) Objects written through AsyncSessionLocal read back through both."""
    _probe(migration, "async")


def empty_tables(migration: MigrationRun) -> None:
    """Delete every row, children first.

    The rows the session probes insert fit the models of the head revision; an
    earlier revision's schema may not hold them (a downgrade that narrows a
    column stops at a value that does not fit, as it must).
    """
    engine = migration.database.engine()
    try:
        with engine.begin() as connection:
            for table in reversed(migration.tables()):
                schema = table.schema if migration.kind == POSTGRESQL else None
                connection.execute(
                    table.to_metadata(MetaData(), schema=schema).delete()
                )
    finally:
        engine.dispose()


def test_downgrade_base(migration: MigrationRun) -> None:
    """(d) downgrade base leaves no model table (and no enum type) behind."""
    migration.ensure_at_head()
    if head_revision(migration) != INITIAL_REVISION:
        empty_tables(migration)
    migration.at_head = False
    result = migration.alembic_ok("downgrade", "base")
    problems = []
    left = sorted(existing_tables(migration))
    if left:
        problems.append(f"tables left after downgrade base: {left}")
    versions = query(migration, "select version_num from alembic_version")
    if versions:
        problems.append(f"alembic_version still holds {versions}")
    if migration.kind == POSTGRESQL:
        enums = postgres_enum_types(migration)
        if enums:
            problems.append(f"enum types left after downgrade base: {enums}")
    if problems:
        pytest.fail("; ".join(problems) + f"\n{result.describe()}", pytrace=False)


def test_offline_sql(migration: MigrationRun) -> None:
    """(e) upgrade head --sql prints the DDL of every table and enum type."""
    result = migration.alembic_ok("upgrade", "head", "--sql")
    sql = result.stdout
    evolved = head_revision(migration) != INITIAL_REVISION
    dialect = migration.database.url.get_dialect()()
    preparer = dialect.identifier_preparer
    problems = []
    for table in migration.tables():
        name = preparer.format_table(table)
        # A later revision may have made the table by renaming another one.
        created = rf"^CREATE TABLE {re.escape(name)} \(|RENAME TO {re.escape(name)};?$"
        if evolved and table.schema:
            bare = re.escape(preparer.quote(table.name))
            # Or by moving it into its schema (sqlagen quotes every name in the SQL it
            # writes); on SQLite a later revision names no schema.
            table_name, schema = re.escape(table.name), re.escape(table.schema)
            moved = rf'\S*"?{table_name}"? SET SCHEMA "?{schema}"?'
            created += rf"|^ALTER TABLE {moved};?$"
            if migration.kind == SQLITE:
                created += rf"|^CREATE TABLE {bare} \(|RENAME TO {bare};?$"
        if not re.search(created, sql, re.MULTILINE):
            problems.append(f"no CREATE TABLE {name}")
    if migration.kind == POSTGRESQL:
        for enum_type in native_enums(migration.metadata, dialect):
            name = preparer.format_type(enum_type)  # type: ignore[attr-defined]
            count = len(
                re.findall(rf"^CREATE TYPE {re.escape(name)} AS ENUM", sql, re.M)
            )
            # Once in a first revision; a later one may create a type anew.
            if count != 1 and not (count > 1 and evolved):
                problems.append(f"CREATE TYPE {name} appears {count} times, not once")
    version_insert = (
        f"INSERT INTO alembic_version (version_num) VALUES ('{INITIAL_REVISION}')"
    )
    if version_insert not in sql:
        problems.append(f"no {version_insert}")
    head = head_revision(migration)
    if head != INITIAL_REVISION and f"SET version_num='{head}'" not in sql:
        problems.append(f"no update of alembic_version to {head}")
    if problems:
        pytest.fail("; ".join(problems) + f"\n{result.describe()}", pytrace=False)
