"""Proof that mixins, inheritance and optimistic locking work in generated code.

Runs on the package generated from examples/staff/staff.sqd, found like every
other package through SQLAGEN_PROOF_DIRS (see conftest.py); a missing package
fails, never skips. Each test runs on a fresh SQLite database (foreign keys
enforced) and, when SQLAGEN_TEST_POSTGRES_URL is set, on a fresh PostgreSQL
database (see proof_databases.py; without it those runs are skipped loudly).

The staff schema: mixins Timestamps (created_at with a server default,
updated_at) and Tagged (an indexed tag); Employee is the root of a joined-table
hierarchy (Engineer, Manager) with an enum discriminator and a version column;
Asset is the root of a single-table hierarchy (Room, and Laptop with the
identity "pc"), which references the joined subclass Engineer.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from conftest import ENV_VAR, discover_packages
from proof_databases import POSTGRESQL, SQLITE, ProofDatabases

PACKAGE = "staff"

# Importing the package must not leave __pycache__ in the generator's output.
sys.dont_write_bytecode = True


def load_staff() -> ModuleType:
    """The generated staff package, or a failed test saying why not."""
    try:
        packages = discover_packages(os.environ.get(ENV_VAR))
    except ValueError as exc:
        pytest.fail(str(exc), pytrace=False)
    found = [package for package in packages if package.name == PACKAGE]
    if not found:
        names = sorted(package.name for package in packages)
        pytest.fail(
            f"{ENV_VAR} lists no {PACKAGE!r} package (found {names}); generate "
            "examples/staff/staff.sqd into one of its directories",
            pytrace=False,
        )
    directory = str(found[0].directory)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    return importlib.import_module(PACKAGE)


@pytest.fixture(scope="module")
def staff() -> ModuleType:
    return load_staff()


@pytest.fixture(scope="module")
def databases() -> Iterator[ProofDatabases]:
    with tempfile.TemporaryDirectory(prefix="sqlagen-inheritance-") as workdir:
        made = ProofDatabases(Path(workdir))
        try:
            yield made
        finally:
            made.close()


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores FOREIGN KEY clauses (and ON DELETE) unless this is set.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_POSTGRES_RUNS = 0


@pytest.fixture(params=[SQLITE, POSTGRESQL])
def engine(
    request: pytest.FixtureRequest, staff: ModuleType, databases: ProofDatabases
) -> Iterator[Engine]:
    """A fresh database holding the staff tables (made with create_all)."""
    global _POSTGRES_RUNS
    if request.param == SQLITE:
        # StaticPool: every session must see the same in-memory database.
        made = create_engine("sqlite://", poolclass=StaticPool)
        event.listen(made, "connect", _enable_sqlite_foreign_keys)
    else:
        # One database per test: each test starts from empty tables.
        _POSTGRES_RUNS += 1
        name = f"{PACKAGE}_inheritance_{_POSTGRES_RUNS}"
        made = databases.for_package(name, POSTGRESQL).engine()
    staff.Base.metadata.create_all(made)
    try:
        yield made
    finally:
        made.dispose()


def _department(staff: ModuleType, name: str = "Research") -> Any:
    return staff.Department(name=name)


# --------------------------------------------------------------------------
# Mixins
# --------------------------------------------------------------------------


def test_mixin_columns_are_in_each_table(staff: ModuleType, engine: Engine) -> None:
    """Timestamps and Tagged add their columns to every table that uses them."""
    inspector = inspect(engine)
    columns = {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in ("departments", "employees", "assets", "engineers")
    }
    assert {"created_at", "updated_at"} <= columns["departments"]
    assert {"created_at", "updated_at", "tag"} <= columns["employees"]
    # Laptop (a single-table subclass) brings Timestamps into Asset's table.
    assert {"created_at", "updated_at", "tag"} <= columns["assets"]
    # A joined subclass does not repeat its parent's mixin columns.
    assert columns["engineers"] == {"id", "language"}
    indexes = {index["name"] for index in inspector.get_indexes("employees")}
    assert "ix_employees_tag" in indexes
    # Each model class gets its own copy of the mixin's columns.
    assert staff.Department.__table__.c.created_at is not (
        staff.Employee.__table__.c.created_at
    )


def test_mixin_defaults_fill_the_columns(staff: ModuleType, engine: Engine) -> None:
    """created_at comes from the database's clock; updated_at stays empty."""
    with Session(engine) as session:
        department = _department(staff)
        session.add(department)
        session.commit()
        assert department.created_at is not None
        assert department.updated_at is None
        assert (
            session.scalar(
                select(func.count()).where(staff.Department.created_at.is_not(None))
            )
            == 1
        )


# --------------------------------------------------------------------------
# Joined-table inheritance
# --------------------------------------------------------------------------


def _people(staff: ModuleType, session: Session) -> tuple[Any, Any, Any]:
    department = _department(staff)
    plain = staff.Employee(name="Ada", department=department)
    engineer = staff.Engineer(name="Grace", department=department, language="COBOL")
    manager = staff.Manager(name="Edsger", department=department, tag="lead")
    session.add_all([plain, engineer, manager])
    session.commit()
    return plain, engineer, manager


def test_joined_polymorphic_query(staff: ModuleType, engine: Engine) -> None:
    """A query on the root returns instances of the subclasses."""
    with Session(engine) as session:
        _people(staff, session)
    with Session(engine) as session:
        people = session.scalars(select(staff.Employee).order_by(staff.Employee.name))
        by_name = {person.name: person for person in people}
        assert type(by_name["Ada"]) is staff.Employee
        assert type(by_name["Grace"]) is staff.Engineer
        assert type(by_name["Edsger"]) is staff.Manager
        assert by_name["Grace"].language == "COBOL"
        # The Python-side default of a joined subclass column.
        assert by_name["Edsger"].budget == Decimal("0")
        assert by_name["Edsger"].tag == "lead"
        # The discriminator holds the enum member's value.
        assert by_name["Grace"].role is staff.Role.ENGINEER
        stored = session.execute(
            text("SELECT role FROM employees WHERE name = 'Grace'")
        ).scalar_one()
        assert stored == "engineer"
        # A query on a subclass returns only its rows.
        engineers = session.scalars(select(staff.Engineer)).all()
        assert [engineer.name for engineer in engineers] == ["Grace"]


def test_joined_subclass_rows_and_delete(staff: ModuleType, engine: Engine) -> None:
    """A subclass row is in its own table, keyed by the parent's key; deleting
    the object deletes both rows, and the database cascades a parent delete."""
    with Session(engine) as session:
        _, engineer, manager = _people(staff, session)
        engineer_id, manager_id = engineer.id, manager.id
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, language FROM engineers")).all()
        assert [tuple(row) for row in rows] == [(engineer_id, "COBOL")]
        assert (
            connection.execute(
                text("SELECT count(*) FROM employees WHERE id = :id"),
                {"id": engineer_id},
            ).scalar_one()
            == 1
        )
    with Session(engine) as session:
        session.delete(session.get_one(staff.Engineer, engineer_id))
        session.commit()
    with engine.begin() as connection:
        for table in ("employees", "engineers"):
            assert (
                connection.execute(
                    text(f"SELECT count(*) FROM {table} WHERE id = :id"),
                    {"id": engineer_id},
                ).scalar_one()
                == 0
            ), f"{table} kept the deleted engineer"
        # ON DELETE CASCADE: deleting only the parent row removes the subclass row.
        connection.execute(
            text("DELETE FROM employees WHERE id = :id"), {"id": manager_id}
        )
        assert (
            connection.execute(text("SELECT count(*) FROM managers")).scalar_one() == 0
        )


def test_references_to_a_joined_subclass(staff: ModuleType, engine: Engine) -> None:
    """Project.lead and Laptop.holder point at the engineers table."""
    assert staff.Project.__table__.c.lead_id.references(staff.Engineer.__table__.c.id)
    with Session(engine) as session:
        _, engineer, _ = _people(staff, session)
        project = staff.Project(title="Compiler", department=engineer.department)
        project.lead = engineer
        session.add(project)
        session.commit()
        project_id = project.id
    with Session(engine) as session:
        loaded = session.get_one(staff.Project, project_id)
        assert type(loaded.lead) is staff.Engineer
        assert [p.title for p in loaded.lead.leads] == ["Compiler"]


# --------------------------------------------------------------------------
# Single-table inheritance
# --------------------------------------------------------------------------


def test_single_table_polymorphic_query(staff: ModuleType, engine: Engine) -> None:
    """Subclasses share Asset's table; a query on Asset returns subclasses."""
    assert staff.Room.__table__ is staff.Asset.__table__
    with Session(engine) as session:
        _, engineer, _ = _people(staff, session)
        session.add_all(
            [
                staff.Asset(label="Projector"),
                staff.Room(label="Room 1", seats=8),
                staff.Laptop(label="Laptop 7", serial="SN-7", holder=engineer),
            ]
        )
        session.commit()
    with Session(engine) as session:
        assets = session.scalars(select(staff.Asset).order_by(staff.Asset.label)).all()
        assert [type(asset) for asset in assets] == [
            staff.Laptop,
            staff.Asset,
            staff.Room,
        ]
        laptop, _, room = assets
        assert room.seats == 8
        assert laptop.serial == "SN-7"
        assert type(laptop.holder) is staff.Engineer
        # Laptop's Timestamps mixin: filled by the server default.
        assert laptop.created_at is not None
        rooms = session.scalars(select(staff.Room)).all()
        assert [r.label for r in rooms] == ["Room 1"]
        kinds = session.execute(
            text("SELECT kind FROM assets ORDER BY label")
        ).scalars()
        # @@identity("pc") overrides Laptop's default identity.
        assert list(kinds) == ["pc", "asset", "room"]


# --------------------------------------------------------------------------
# Optimistic locking
# --------------------------------------------------------------------------


def test_version_counts_updates(staff: ModuleType, engine: Engine) -> None:
    with Session(engine) as session:
        _, engineer, _ = _people(staff, session)
        assert engineer.version == 1
        engineer.language = "Fortran"
        session.commit()
        assert engineer.version == 2


def test_stale_version_raises(staff: ModuleType, engine: Engine) -> None:
    """Two sessions update the same row: the second one's update is stale."""
    with Session(engine) as session:
        plain, _, _ = _people(staff, session)
        employee_id = plain.id
    factory = sessionmaker(engine)
    with factory() as first, factory() as second:
        mine = first.get_one(staff.Employee, employee_id)
        theirs = second.get_one(staff.Employee, employee_id)
        assert mine.version == theirs.version == 1
        theirs.name = "Ada Lovelace"
        second.commit()
        mine.name = "Ada King"
        with pytest.raises(StaleDataError):
            first.commit()
    with Session(engine) as session:
        kept = session.get_one(staff.Employee, employee_id)
        assert (kept.name, kept.version) == ("Ada Lovelace", 2)
