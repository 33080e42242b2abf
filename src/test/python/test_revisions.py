"""Proof that env.py keeps later revisions safe, and that new ones are clean.

The revisions a project adds after the first one rebuild SQLite tables with
Alembic's batch mode, change data, and add PostgreSQL enum values in an
autocommit block. Each test here copies a generated package (so that the
package itself, which the other proofs and the linters see, stays as
generated), writes such revisions into the copy's migrations/versions/ at test
time, and runs ``alembic`` on a database of its own, as test_migrations.py
does:

- a batch rebuild of a parent table keeps every row of its child tables (ON
  DELETE CASCADE included), even with SQLite foreign keys on by default;
- a revision that fails half-way leaves no ``_alembic_tmp_`` table, the data
  as it was, and the database at the revision before; fixed, it upgrades;
- a revision that leaves rows without their parent row fails and is rolled
  back, with a message naming them;
- on PostgreSQL, a value added to an enum type in ``autocommit_block()`` can
  be used later in the same revision, and a failed revision after it leaves
  the database at that revision;
- ``alembic revision -m`` writes a file that passes ruff and mypy --strict as
  it is, and ``alembic revision --autogenerate`` with the ruff hooks of
  alembic.ini switched on (one line) does too.

The SQLite tests run on a package whose env.py has the sync form and on one
with the asyncio form (aiosqlite).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from conftest import ENV_VAR, discover_packages
from proof_databases import (
    POSTGRESQL,
    SQLITE,
    Completed,
    ProofDatabase,
    ProofDatabases,
    run_process,
)

ALEMBIC_TIMEOUT = 120.0  # seconds, for one alembic command
TOOL_TIMEOUT = 300.0  # seconds, for ruff or mypy

RUFF_CONFIG = Path(__file__).resolve().parent / "ruff.toml"

# Alembic as `alembic`, but with foreign keys switched on for every SQLite
# connection, as an application does that listens on the Engine class (the
# recipe of SQLAlchemy's documentation), or an SQLite built with
# SQLITE_DEFAULT_FOREIGN_KEYS=1: env.py must switch them off itself.
ALEMBIC_WITH_FOREIGN_KEYS_ON = """
import sys

from alembic.config import main
from sqlalchemy import Engine, event


@event.listens_for(Engine, "connect")
def foreign_keys_on(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


main(argv=sys.argv[1:], prog="alembic")
"""

REVISION = '''"""{message}

Revision ID: {revision}
Revises: {down_revision}
"""

import sqlalchemy as sa
from alembic import op

revision = {revision!r}
down_revision = {down_revision!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
{upgrade}


def downgrade() -> None:
{downgrade}
'''


@dataclass(frozen=True)
class SqliteScenario:
    """A package, a parent table and rows that reference it, on SQLite."""

    package: str
    parent: str  # the table the revisions rebuild
    text_column: str  # a text column of the parent, which a revision updates
    children: tuple[str, ...]  # tables whose rows reference the parent's
    seed: tuple[str, ...]  # inserts: the parent's rows, then its children's

    @property
    def tables(self) -> tuple[str, ...]:
        return (self.parent, *self.children)


SQLITE_SCENARIOS = (
    # env.py's sync form; editions reference books ON DELETE CASCADE, and
    # copies reference editions (a composite key) ON DELETE CASCADE.
    SqliteScenario(
        package="library",
        parent="books",
        text_column="title",
        children=("editions", "copies"),
        seed=(
            "INSERT INTO books (isbn, title) VALUES "
            "('9780000000001', 'First'), ('9780000000002', 'Second')",
            "INSERT INTO editions (book_isbn, number, year) VALUES "
            "('9780000000001', 1, 2001), ('9780000000002', 1, 2002), "
            "('9780000000002', 2, NULL)",
            "INSERT INTO copies (id, edition_book_isbn, edition_number, shelf) "
            "VALUES (1, '9780000000001', 1, 'A1'), (2, '9780000000002', 2, 'B2')",
        ),
    ),
    # env.py's asyncio form (aiosqlite); plain foreign keys.
    SqliteScenario(
        package="blog_async",
        parent="users",
        text_column="name",
        children=("posts", "comments"),
        seed=(
            "INSERT INTO users (id, email, name, is_admin) VALUES "
            "(1, 'ada@example.com', 'Ada', 1), (2, 'alan@example.com', 'Alan', 0)",
            "INSERT INTO posts (id, author_id, title, slug, body, status, views) "
            "VALUES (1, 1, 'Hello', 'hello', 'Hi.', 'draft', 0)",
            "INSERT INTO comments (id, post_id, author_id, body) "
            "VALUES (1, 1, 2, 'Welcome.')",
        ),
    ),
)

# env.py's sync and asyncio forms on PostgreSQL (psycopg, asyncpg).
ENUM_PACKAGES = ("blog", "blog_async")


# --------------------------------------------------------------------------
# A copy of a generated package, and its database
# --------------------------------------------------------------------------


@dataclass
class PackageCopy:
    """A generated package copied to a directory of its own, and a database."""

    name: str
    root: Path  # holds the package directory
    database: ProofDatabase

    @property
    def package(self) -> Path:
        return self.root / self.name

    @property
    def versions(self) -> Path:
        return self.package / "migrations" / "versions"

    def alembic(self, *args: str) -> Completed:
        """Run alembic (with foreign keys on by default, on SQLite)."""
        ini = str(self.package / "alembic.ini")
        if self.database.kind == SQLITE:
            command = [sys.executable, "-c", ALEMBIC_WITH_FOREIGN_KEYS_ON]
        else:
            command = [str(venv_tool("alembic"))]
        return run_process(
            [*command, "-c", ini, *args],
            cwd=self.root.parent,
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

    def alembic_fails(self, *args: str) -> Completed:
        result = self.alembic(*args)
        if result.returncode == 0:
            pytest.fail(
                f"alembic {' '.join(args)} succeeded, it should have failed:\n"
                f"{result.describe()}",
                pytrace=False,
            )
        return result

    def current(self) -> list[str]:
        """The revisions ``alembic current`` reports."""
        result = self.alembic_ok("current")
        return re.findall(r"^(\w+)(?: \(head\))?$", result.stdout, re.MULTILINE)

    def write_revision(
        self,
        revision: str,
        down_revision: str,
        upgrade: str,
        downgrade: str = "pass",
    ) -> Path:
        """Write (or rewrite) revision ``revision`` into migrations/versions."""
        path = self.versions / f"rev_{revision}_test.py"
        path.write_text(
            REVISION.format(
                message=f"Revision {revision}, written by {Path(__file__).name}.",
                revision=revision,
                down_revision=down_revision,
                upgrade=textwrap.indent(textwrap.dedent(upgrade).strip(), "    "),
                downgrade=textwrap.indent(textwrap.dedent(downgrade).strip(), "    "),
            ),
            encoding="utf-8",
        )
        return path

    def execute(self, *statements: str) -> None:
        engine = self.database.engine()
        try:
            with engine.begin() as connection:
                for statement in statements:
                    connection.execute(text(statement))
        finally:
            engine.dispose()

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        engine = self.database.engine()
        try:
            with engine.connect() as connection:
                return [tuple(row) for row in connection.execute(text(sql))]
        finally:
            engine.dispose()

    def rows(self, tables: tuple[str, ...]) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of these tables, in a stable order."""
        return {t: sorted(self.query(f"SELECT * FROM {t}"), key=repr) for t in tables}


def venv_tool(name: str) -> Path:
    """A script of the venv running the tests (alembic, ruff, mypy)."""
    path = Path(sys.executable).parent / name
    if not path.is_file():
        pytest.fail(f"no {name} next to {sys.executable}", pytrace=False)
    return path


def generated_package(name: str) -> Path:
    """The directory holding generated package ``name`` (SQLAGEN_PROOF_DIRS)."""
    try:
        packages = discover_packages(os.environ.get(ENV_VAR))
    except ValueError as exc:
        pytest.fail(str(exc), pytrace=False)
    for package in packages:
        if package.name == name:
            return package.directory
    pytest.fail(
        f"{ENV_VAR} has no package {name!r}, which this test needs (PythonProofIT "
        f"generates it); found {[package.name for package in packages]}",
        pytrace=False,
    )


@pytest.fixture(scope="module")
def revision_databases() -> Iterator[ProofDatabases]:
    with tempfile.TemporaryDirectory(prefix="sqlagen-revisions-") as workdir:
        databases = ProofDatabases(Path(workdir))
        try:
            yield databases
        finally:
            databases.close()


def copy_package(
    name: str, kind: str, databases: ProofDatabases, tmp_path: Path
) -> PackageCopy:
    """A fresh copy of generated package ``name``, with a fresh database."""
    root = tmp_path / "project"
    shutil.copytree(
        generated_package(name) / name,
        root / name,
        ignore=shutil.ignore_patterns("__pycache__", ".sqlagen-manifest"),
    )
    # tmp_path's name is unique to the test: so is the database.
    database = databases.for_package(f"{name}_{tmp_path.name}", kind)
    return PackageCopy(name, root, database)


def rebuild(table: str) -> str:
    """Batch mode's copy of a table, as a revision that rebuilds it writes it."""
    return f'with op.batch_alter_table("{table}", recreate="always"):\n    pass'


def rebuild_update_add(scenario: SqliteScenario, column: str) -> str:
    """A rebuild of the parent, an update of its rows, a rebuild adding a column."""
    parent = scenario.parent
    update = f"UPDATE {parent} SET {scenario.text_column} = 'changed'"
    return "\n".join(
        (
            rebuild(parent),
            f'op.execute("{update}")',
            f'with op.batch_alter_table("{parent}", recreate="always") as batch_op:',
            f"    batch_op.add_column({column})",
        )
    )


def seeded(
    scenario: SqliteScenario, databases: ProofDatabases, tmp_path: Path
) -> PackageCopy:
    """The scenario's package at its first revision, with the scenario's rows."""
    copy = copy_package(scenario.package, SQLITE, databases, tmp_path)
    copy.alembic_ok("upgrade", "head")
    copy.execute(*scenario.seed)
    return copy


def alembic_tmp_tables(copy: PackageCopy) -> list[str]:
    """The tables batch mode copies into, left in the SQLite database."""
    rows = copy.query("SELECT name FROM sqlite_master WHERE type = 'table'")
    return sorted(row[0] for row in rows if row[0].startswith("_alembic_tmp_"))


def expect_rows(
    copy: PackageCopy, before: dict[str, list[tuple[Any, ...]]], when: str
) -> None:
    """Fail unless the tables of ``before`` hold exactly those rows."""
    after = copy.rows(tuple(before))
    changed = [table for table in before if after[table] != before[table]]
    if changed:
        details = "\n".join(
            f"{table}: before {before[table]}\n  after {after[table]}"
            for table in changed
        )
        pytest.fail(f"{when}, rows changed:\n{details}", pytrace=False)


# --------------------------------------------------------------------------
# SQLite: batch rebuilds, failed revisions, foreign keys
# --------------------------------------------------------------------------


@pytest.fixture(params=SQLITE_SCENARIOS, ids=lambda scenario: scenario.package)
def scenario(request: pytest.FixtureRequest) -> SqliteScenario:
    chosen: SqliteScenario = request.param
    return chosen


def test_batch_rebuild_keeps_child_rows(
    scenario: SqliteScenario, revision_databases: ProofDatabases, tmp_path: Path
) -> None:
    """Rebuilding a parent table deletes none of the rows that reference it."""
    copy = seeded(scenario, revision_databases, tmp_path)
    before = copy.rows(scenario.tables)
    rebuild_parent = rebuild(scenario.parent)
    copy.write_revision("0002", "0001", rebuild_parent, rebuild_parent)
    copy.alembic_ok("upgrade", "head")
    expect_rows(copy, before, f"after rebuilding {scenario.parent} (upgrade)")
    copy.alembic_ok("downgrade", "0001")
    expect_rows(copy, before, f"after rebuilding {scenario.parent} (downgrade)")


def test_failed_revision_is_rolled_back(
    scenario: SqliteScenario, revision_databases: ProofDatabases, tmp_path: Path
) -> None:
    """A revision failing half-way leaves the database at the one before."""
    copy = seeded(scenario, revision_databases, tmp_path)
    before = copy.rows(scenario.tables)
    copy.write_revision("0002", "0001", rebuild(scenario.parent))
    # The last rebuild fails while copying the rows: the new NOT NULL column
    # has no value for them.
    failing = 'sa.Column("added", sa.Integer(), nullable=False)'
    copy.write_revision("0003", "0002", rebuild_update_add(scenario, failing))
    result = copy.alembic_fails("upgrade", "head")
    problems = []
    if "NOT NULL constraint failed" not in result.stderr:
        problems.append("it did not fail on the NOT NULL column")
    left = alembic_tmp_tables(copy)
    if left:
        problems.append(f"it left {left} behind")
    current = copy.current()
    if current != ["0002"]:
        problems.append(f"alembic current is {current}, not ['0002']")
    if problems:
        pytest.fail(
            "the failed upgrade: " + "; ".join(problems) + f"\n{result.describe()}",
            pytrace=False,
        )
    expect_rows(copy, before, "after the failed upgrade")

    fixed = 'sa.Column("added", sa.Integer(), nullable=False, server_default="0")'
    copy.write_revision("0003", "0002", rebuild_update_add(scenario, fixed))
    copy.alembic_ok("upgrade", "head")
    assert copy.current() == ["0003"]
    parent = copy.query(
        f"SELECT DISTINCT {scenario.text_column}, added FROM {scenario.parent}"
    )
    assert parent == [("changed", 0)]
    expect_rows(
        copy, {table: before[table] for table in scenario.children}, "after the fix"
    )


def test_dangling_foreign_key_fails_the_revision(
    scenario: SqliteScenario, revision_databases: ProofDatabases, tmp_path: Path
) -> None:
    """Deleting the parent rows, not their children, fails and rolls back."""
    copy = seeded(scenario, revision_databases, tmp_path)
    before = copy.rows(scenario.tables)
    copy.write_revision("0002", "0001", f'op.execute("DELETE FROM {scenario.parent}")')
    result = copy.alembic_fails("upgrade", "head")
    # The first child has a row referencing a deleted parent row.
    child = scenario.children[0]
    expected = re.compile(
        rf"PRAGMA foreign_key_check\): .*\b{child} row \d+ references no "
        rf"{scenario.parent} row"
    )
    problems = []
    if not expected.search(result.stderr):
        problems.append(f"no message matching {expected.pattern!r}")
    current = copy.current()
    if current != ["0001"]:
        problems.append(f"alembic current is {current}, not ['0001']")
    if problems:
        pytest.fail(
            "the upgrade that leaves rows without their parent row: "
            + "; ".join(problems)
            + f"\n{result.describe()}",
            pytrace=False,
        )
    expect_rows(copy, before, "after the failed upgrade")


# --------------------------------------------------------------------------
# PostgreSQL: enum values added in an autocommit block
# --------------------------------------------------------------------------


ADD_ENUM_VALUE = """
op.execute(
    "INSERT INTO users (id, email, name, is_admin) "
    "VALUES (1, 'ada@example.com', 'Ada', true)"
)
# A new enum value cannot be used in the transaction that adds it.
with op.get_context().autocommit_block():
    op.execute("ALTER TYPE post_status ADD VALUE 'featured'")
op.execute(
    "INSERT INTO posts (id, author_id, title, slug, body, status, views) "
    "VALUES (1, 1, 'Hello', 'hello', 'Hi.', 'featured', 0)"
)
"""

# PostgreSQL cannot drop a value from an enum type: the downgrade drops the
# rows that use it.
REMOVE_ENUM_ROWS = """
op.execute("DELETE FROM posts WHERE status = 'featured'")
op.execute("DELETE FROM users WHERE id = 1")
"""


@pytest.mark.parametrize("package", ENUM_PACKAGES)
def test_enum_value_added_in_autocommit_block(
    package: str, revision_databases: ProofDatabases, tmp_path: Path
) -> None:
    """A revision adds an enum value and uses it; the next one fails alone."""
    copy = copy_package(package, POSTGRESQL, revision_databases, tmp_path)
    copy.write_revision("0002", "0001", ADD_ENUM_VALUE, REMOVE_ENUM_ROWS)
    update = 'op.execute("UPDATE posts SET views = 1")'
    copy.write_revision("0003", "0002", f'{update}\nop.execute("SELECT 1/0")')
    result = copy.alembic_fails("upgrade", "head")
    problems = []
    if "division by zero" not in result.stderr:
        problems.append("it did not fail on the division by zero")
    current = copy.current()
    if current != ["0002"]:
        problems.append(f"alembic current is {current}, not ['0002']")
    posts = copy.query("SELECT status::text, views FROM posts")
    if posts != [("featured", 0)]:
        problems.append(f"posts hold {posts}, not [('featured', 0)]")
    if problems:
        pytest.fail(
            "the upgrade with a failing revision after the enum value's: "
            + "; ".join(problems)
            + f"\n{result.describe()}",
            pytrace=False,
        )

    copy.write_revision(
        "0003", "0002", update, 'op.execute("UPDATE posts SET views = 0")'
    )
    copy.alembic_ok("upgrade", "head")
    assert copy.query("SELECT status::text, views FROM posts") == [("featured", 1)]
    copy.alembic_ok("downgrade", "base")
    left = copy.query(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'public' AND table_name <> 'alembic_version'"
    )
    types = copy.query("SELECT typname FROM pg_type WHERE typtype = 'e'")
    assert (left, types) == ([], []), "downgrade base left tables or enum types"


# --------------------------------------------------------------------------
# New revisions: ruff and mypy
# --------------------------------------------------------------------------

HOOKS_OFF = "# hooks = ruff_fix, ruff_format\n"
NEW_COLUMN_AFTER = "    title: Mapped[str] = mapped_column(String(200))\n"
NEW_COLUMN = (
    "    subtitle: Mapped[str | None] = mapped_column(String(200), index=True)\n"
)


def test_new_revisions_pass_ruff_and_mypy(
    revision_databases: ProofDatabases, tmp_path: Path
) -> None:
    """``alembic revision`` as is, and ``--autogenerate`` with the ruff hooks."""
    copy = copy_package("library", SQLITE, revision_databases, tmp_path)
    copy.alembic_ok("revision", "-m", "backfill")
    written = sorted(copy.versions.glob("rev_*_backfill.py"))

    ini = copy.package / "alembic.ini"
    settings = ini.read_text(encoding="utf-8")
    assert settings.count(HOOKS_OFF) == 1, f"no line {HOOKS_OFF!r} in alembic.ini"
    ini.write_text(settings.replace(HOOKS_OFF, HOOKS_OFF[2:]), encoding="utf-8")
    models = copy.package / "models.py"
    source = models.read_text(encoding="utf-8")
    assert source.count(NEW_COLUMN_AFTER) == 1, f"no line {NEW_COLUMN_AFTER!r}"
    models.write_text(
        source.replace(NEW_COLUMN_AFTER, NEW_COLUMN_AFTER + NEW_COLUMN),
        encoding="utf-8",
    )
    copy.alembic_ok("upgrade", "head")
    result = copy.alembic_ok("revision", "--autogenerate", "-m", "add book subtitle")
    autogenerated = sorted(copy.versions.glob("rev_*_add_book_subtitle.py"))
    if "batch_op.add_column" not in "".join(
        path.read_text(encoding="utf-8") for path in autogenerated
    ):
        pytest.fail(
            f"autogenerate did not add the column:\n{result.describe()}", pytrace=False
        )
    files = [str(path) for path in written + autogenerated]
    assert len(files) == 2, f"expected two new revisions, found {files}"

    checks = {
        "ruff check (ruff.toml)": [
            str(venv_tool("ruff")),
            "check",
            "--no-cache",
            "--config",
            str(RUFF_CONFIG),
            *files,
        ],
        "ruff check (ruff's defaults)": [
            str(venv_tool("ruff")),
            "check",
            "--no-cache",
            "--isolated",
            *files,
        ],
        "ruff format --check": [
            str(venv_tool("ruff")),
            "format",
            "--check",
            "--no-cache",
            "--config",
            str(RUFF_CONFIG),
            *files,
        ],
        "mypy --strict": [
            str(venv_tool("mypy")),
            "--strict",
            "--python-version",
            "3.10",
            *files,
        ],
    }
    failed = []
    for name, command in checks.items():
        run = run_process(command, cwd=tmp_path, env={}, timeout=TOOL_TIMEOUT)
        if run.returncode != 0:
            failed.append(f"{name}:\n{run.describe()}")
    if failed:
        sources = "\n".join(
            f"--- {path} ---\n{Path(path).read_text(encoding='utf-8')}"
            for path in files
        )
        pytest.fail("\n".join(failed) + f"\n{sources}", pytrace=False)


# --------------------------------------------------------------------------
# migrations/env_hooks.py: what autogenerate compares
# --------------------------------------------------------------------------

DATA_LAYER_DOC = Path(__file__).resolve().parents[3] / "docs" / "data-layer.md"
ENV_HOOKS_HEADING = "## Customising env.py: `env_hooks.py`"

# What the example of docs/data-layer.md leaves out of the comparison: another
# application's table, a partition, and an index added by hand.
NOT_OURS = (
    "CREATE TABLE legacy_jobs (id INTEGER PRIMARY KEY, payload TEXT)",
    "CREATE TABLE measurements_y2025 (id INTEGER PRIMARY KEY, value INTEGER)",
    "CREATE INDEX dba_users_name ON users (name)",
)


def documented_env_hooks() -> str:
    """The env_hooks.py example of docs/data-layer.md, the one the proof runs."""
    doc = DATA_LAYER_DOC.read_text(encoding="utf-8")
    if ENV_HOOKS_HEADING not in doc:
        pytest.fail(f"no section {ENV_HOOKS_HEADING!r} in {DATA_LAYER_DOC}")
    section = doc.split(ENV_HOOKS_HEADING, 1)[1]
    match = re.search(r"^```python\n(.*?)^```$", section, re.MULTILINE | re.DOTALL)
    if match is None:
        pytest.fail(f"no python block under {ENV_HOOKS_HEADING!r}")
    return match.group(1)


@pytest.mark.parametrize(
    ("package", "kind"),
    [("blog", SQLITE), ("blog_async", SQLITE), ("blog", POSTGRESQL)],
)
def test_env_hooks_narrow_what_alembic_check_compares(
    package: str, kind: str, revision_databases: ProofDatabases, tmp_path: Path
) -> None:
    """Without env_hooks.py, alembic check sees the tables and the index that are
    not the models'; with the documented one, it passes; the module is clean."""
    copy = copy_package(package, kind, revision_databases, tmp_path)
    copy.alembic_ok("upgrade", "head")
    copy.alembic_ok("check")
    copy.execute(*NOT_OURS)
    failed = copy.alembic_fails("check")
    for name in ("legacy_jobs", "measurements_y2025", "dba_users_name"):
        assert name in failed.stdout + failed.stderr, (
            f"alembic check did not report {name}:\n{failed.describe()}"
        )

    hooks = copy.package / "migrations" / "env_hooks.py"
    hooks.write_text(documented_env_hooks(), encoding="utf-8")
    copy.alembic_ok("check")
    # The generated rules still hold with the hooks: a model's table that is
    # missing is reported.
    copy.execute("DROP TABLE comments")
    missing = copy.alembic_fails("check")
    assert "comments" in missing.stdout + missing.stderr, missing.describe()

    checks = {
        "ruff check": [
            str(venv_tool("ruff")),
            "check",
            "--no-cache",
            "--config",
            str(RUFF_CONFIG),
            str(hooks),
        ],
        "ruff format --check": [
            str(venv_tool("ruff")),
            "format",
            "--check",
            "--no-cache",
            "--config",
            str(RUFF_CONFIG),
            str(hooks),
        ],
        "mypy --strict": [
            str(venv_tool("mypy")),
            "--strict",
            "--python-version",
            "3.10",
            str(hooks),
        ],
    }
    problems = []
    for name, command in checks.items():
        run = run_process(command, cwd=tmp_path, env={}, timeout=TOOL_TIMEOUT)
        if run.returncode != 0:
            problems.append(f"{name}:\n{run.describe()}")
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
