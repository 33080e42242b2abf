"""Proof of the tasks example's evolution: rows survive every revision, both ways.

examples/tasks went through three versions (history/v1.sqd, v2.sqd, v3.sqd), each
with the revision ``sqlagen revision`` wrote: renamed columns, tables and enum
values, a widened column, a new enum type and tag tables, a column made
required with a default, a dropped column (with --allow-data-loss). On a fresh
SQLite file and a fresh PostgreSQL database, rows inserted at the first
revision are migrated up revision by revision and checked, then down again.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ProofPackage, discover_packages
from proof_databases import (
    DATABASE_KINDS,
    ProofDatabase,
    ProofDatabases,
    run_process,
)
from sqlalchemy import Engine, text
from test_migrations import (
    ALEMBIC_TIMEOUT,
    alembic_executable,
    proof_databases,
    proof_workdir,
)

__all__ = ["proof_databases", "proof_workdir"]  # fixtures this module uses

PACKAGE = "tasks"


def tasks_package() -> ProofPackage:
    packages = [
        p
        for p in discover_packages(os.environ.get("SQLAGEN_PROOF_DIRS"))
        if p.name == PACKAGE
    ]
    if not packages:
        pytest.fail(
            f"the proof has no {PACKAGE} package (examples/{PACKAGE})", pytrace=False
        )
    return packages[0]


class Evolution:
    """The tasks package on one database."""

    def __init__(
        self, package: ProofPackage, database: ProofDatabase, workdir: Path
    ) -> None:
        self.package = package
        self.database = database
        self.workdir = workdir
        versions = package.directory / PACKAGE / "migrations" / "versions"
        declared = (
            re.search(
                r'^revision: str = "([^"]+)"', p.read_text(encoding="utf-8"), re.M
            )
            for p in versions.glob("*.py")
        )
        # sqlagen numbers its revisions: 0001, then 0002_<hash>, 0003_<hash>.
        self.revisions = sorted(match.group(1) for match in declared if match)

    def alembic(self, *args: str) -> None:
        result = run_process(
            [
                str(alembic_executable()),
                "-c",
                str(self.package.directory / PACKAGE / "alembic.ini"),
                *args,
            ],
            cwd=self.workdir,
            env={"DATABASE_URL": self.database.database_url},
            timeout=ALEMBIC_TIMEOUT,
        )
        if result.returncode != 0:
            pytest.fail(
                f"alembic {' '.join(args)} failed:\n{result.describe()}", pytrace=False
            )

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        engine: Engine = self.database.engine()
        try:
            with engine.connect() as connection:
                return [tuple(row) for row in connection.execute(text(sql))]
        finally:
            engine.dispose()

    def execute(self, sql: str) -> None:
        engine = self.database.engine()
        try:
            with engine.begin() as connection:
                connection.execute(text(sql))
        finally:
            engine.dispose()


@pytest.fixture(params=DATABASE_KINDS)
def evolution(
    request: pytest.FixtureRequest, proof_databases: ProofDatabases, proof_workdir: Path
) -> Iterator[Evolution]:
    package = tasks_package()
    database = proof_databases.for_package(f"{PACKAGE}_evolution", request.param)
    workdir = proof_workdir / f"evolution-{request.param}"
    workdir.mkdir(exist_ok=True)
    yield Evolution(package, database, workdir)


def test_rows_survive_every_revision_both_ways(evolution: Evolution) -> None:
    first, second, third = evolution.revisions
    assert first == "0001", evolution.revisions
    evolution.alembic("upgrade", first)
    # Keys from the databases' numbering, which the revisions must carry on.
    evolution.execute("INSERT INTO projects (name) VALUES ('Home')")
    evolution.execute(
        "INSERT INTO tasks (project_id, title, notes, priority, done) VALUES "
        "(1, 'Buy milk', NULL, 'normal', true), "
        "(1, 'Fix the bike', 'chain', 'high', false)"
    )

    evolution.alembic("upgrade", second)
    assert evolution.rows(
        "SELECT id, name, notes, priority, done, due FROM tasks ORDER BY id"
    ) == [
        (1, "Buy milk", None, "normal", True, None),
        (2, "Fix the bike", "chain", "high", False, None),
    ]
    evolution.execute("INSERT INTO tags (id, label) VALUES (1, 'errand')")
    evolution.execute("INSERT INTO task_tags (task_id, tag_id) VALUES (1, 1)")
    evolution.execute(
        "INSERT INTO tasks (project_id, name, priority) "
        "VALUES (1, 'Plan the trip', 'urgent')"
    )

    evolution.alembic("upgrade", third)
    assert evolution.rows("SELECT id, name FROM boards") == [(1, "Home")]
    assert evolution.rows(
        "SELECT id, board_id, name, notes, priority, state FROM tasks ORDER BY id"
    ) == [
        (1, 1, "Buy milk", "", "medium", "todo"),
        (2, 1, "Fix the bike", "chain", "high", "todo"),
        (3, 1, "Plan the trip", "", "urgent", "todo"),
    ]
    assert evolution.rows("SELECT task_id, tag_id FROM task_tags") == [(1, 1)]
    evolution.alembic("check")
    # The renamed table's key numbering goes on where it was.
    evolution.execute("INSERT INTO boards (name) VALUES ('Work')")
    assert evolution.rows("SELECT id FROM boards WHERE name = 'Work'") == [(2,)]
    evolution.execute("DELETE FROM boards WHERE name = 'Work'")

    evolution.alembic("downgrade", second)
    assert evolution.rows("SELECT id, name FROM projects") == [(1, "Home")]
    # done came back without its data: the column's default.
    assert evolution.rows(
        "SELECT id, project_id, notes, priority, done FROM tasks ORDER BY id"
    ) == [
        (1, 1, "", "normal", False),
        (2, 1, "chain", "high", False),
        (3, 1, "", "urgent", False),
    ]
    evolution.execute("DELETE FROM tasks WHERE priority = 'urgent'")
    evolution.alembic("downgrade", first)
    assert evolution.rows("SELECT id, title FROM tasks ORDER BY id") == [
        (1, "Buy milk"),
        (2, "Fix the bike"),
    ]
    evolution.alembic("downgrade", "base")
    assert evolution.rows("SELECT count(*) FROM alembic_version") == [(0,)]
