"""Behaviour of the table and column constructs, on the generated inventory package.

examples/inventory/inventory.sqd uses every one of them: CHECK constraints
(``@check``, ``@@check``), multi-column unique constraints and indexes
(``@@unique``, ``@@index`` with ``desc()``, ``@@unique_index``), ``@identity``,
``@computed``, ``@onupdate`` and ``@@schema``. These tests prove in real
Python that they do what the schema says: on SQLite always, and on
PostgreSQL when ``SQLAGEN_TEST_POSTGRES_URL`` is set (see proof_databases.py),
where identity, computed columns and schemas are native.

The package is found through SQLAGEN_PROOF_DIRS like every proof (see
conftest.py); without it, every test here fails: nothing is skipped.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool
from sqlalchemy.schema import CreateSchema

from conftest import ENV_VAR, discover_packages
from proof_databases import POSTGRESQL, ProofDatabases
from test_generated import load_package

PACKAGE = "inventory"
UTC = dt.timezone.utc
LONG_AGO = dt.datetime(2000, 1, 1, tzinfo=UTC)


# --------------------------------------------------------------------------
# The package and its databases
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inventory() -> ModuleType:
    """The generated inventory package, imported and configured."""
    try:
        packages = discover_packages(os.environ.get(ENV_VAR))
    except ValueError as exc:
        pytest.fail(str(exc), pytrace=False)
    found = [package for package in packages if package.name == PACKAGE]
    if not found:
        pytest.fail(
            f"{ENV_VAR} lists no {PACKAGE!r} package (found "
            f"{[package.name for package in packages]}): generate "
            "examples/inventory/inventory.sqd into it",
            pytrace=False,
        )
    loaded = load_package(found[0])
    loaded.require_configured()
    return loaded.module


def _foreign_keys_on(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@pytest.fixture
def sqlite_engine(inventory: ModuleType) -> Iterator[Engine]:
    """A fresh in-memory SQLite database with the inventory tables."""
    database = importlib.import_module(f"{PACKAGE}.database")
    url = database.sync_url("sqlite://")
    engine = create_engine(
        url, poolclass=StaticPool, execution_options=database.execution_options(url)
    )
    event.listen(engine, "connect", _foreign_keys_on)
    inventory.Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def postgres_engine(inventory: ModuleType) -> Iterator[Engine]:
    """A fresh PostgreSQL database with the schemas and the inventory tables."""
    database = importlib.import_module(f"{PACKAGE}.database")
    with tempfile.TemporaryDirectory(prefix="sqlagen-tables-") as workdir:
        databases = ProofDatabases(Path(workdir))
        try:
            engine = databases.for_package("tables", POSTGRESQL).engine()
            with engine.begin() as connection:
                for schema in database.SCHEMAS:
                    connection.execute(CreateSchema(schema))
                inventory.Base.metadata.create_all(connection)
            yield engine
            engine.dispose()
        finally:
            databases.close()


ENGINES = ["sqlite_engine", "postgres_engine"]


@pytest.fixture(params=ENGINES, ids=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> Engine:
    result: Engine = request.getfixturevalue(request.param)
    return result


def _warehouse(inventory: ModuleType, code: str, **values: Any) -> Any:
    values = {"name": "Main", "region": "north", **values}
    return inventory.Warehouse(code=code, **values)


def _product(inventory: ModuleType, sku: str, **values: Any) -> Any:
    values = {"name": "Bolt", "price": Decimal("1.50"), **values}
    return inventory.Product(sku=sku, **values)


def _level(inventory: ModuleType, session: Session, tag: str, **values: Any) -> Any:
    """A stock level of a new product in a new warehouse."""
    warehouse = _warehouse(inventory, f"W{tag}", name=f"Hall {tag}")
    product = _product(inventory, f"SKU-{tag}")
    values = {"quantity": 10, "reserved": 3, "unit_cost": Decimal("2.50"), **values}
    level = inventory.StockLevel(warehouse=warehouse, product=product, **values)
    session.add(level)
    return level


def _fails_to_flush(session: Session, *objects: Any) -> IntegrityError:
    session.add_all(objects)
    with pytest.raises(IntegrityError) as raised:
        session.flush()
    session.rollback()
    return raised.value


# --------------------------------------------------------------------------
# CHECK constraints
# --------------------------------------------------------------------------


def test_column_check_rejects_a_violation(
    inventory: ModuleType, engine: Engine
) -> None:
    """@check("price >= 0") on a column, and @check("delta <> 0")."""
    with Session(engine) as session:
        error = _fails_to_flush(session, _product(inventory, "NEG", price=Decimal(-1)))
        assert "ck_products_price" in str(error.orig) or "CHECK" in str(error.orig)
    with Session(engine) as session:
        level = _level(inventory, session, "d")
        session.flush()
        _fails_to_flush(
            session, inventory.Movement(level=level, reference="R", line=1, delta=0)
        )


def test_model_check_rejects_a_violation(inventory: ModuleType, engine: Engine) -> None:
    """@@check(not_negative, "quantity >= 0 AND reserved >= 0")."""
    with Session(engine) as session:
        _level(inventory, session, "n", quantity=-5)
        with pytest.raises(IntegrityError):
            session.flush()


def test_checks_have_their_convention_names(inventory: ModuleType) -> None:
    table = inventory.StockLevel.__table__
    names = {constraint.name for constraint in table.constraints}
    assert "ck_stock_levels_not_negative" in names
    assert "ck_warehouses_code" in {
        c.name for c in inventory.Warehouse.__table__.constraints
    }


# --------------------------------------------------------------------------
# Multi-column unique constraints and indexes
# --------------------------------------------------------------------------


def test_multi_column_unique_rejects_a_duplicate(
    inventory: ModuleType, engine: Engine
) -> None:
    """@@unique(region, name): one pair once; each column alone may repeat."""
    with Session(engine) as session:
        session.add_all(
            [
                _warehouse(inventory, "A1", region="north", name="Dock"),
                _warehouse(inventory, "A2", region="south", name="Dock"),
                _warehouse(inventory, "A3", region="north", name="Yard"),
            ]
        )
        session.flush()
        _fails_to_flush(
            session, _warehouse(inventory, "A4", region="north", name="Dock")
        )


def test_unique_over_references_rejects_a_duplicate(
    inventory: ModuleType, engine: Engine
) -> None:
    """@@unique(warehouse, product) spans the two foreign-key columns."""
    with Session(engine) as session:
        level = _level(inventory, session, "u")
        session.flush()
        twin = inventory.StockLevel(
            warehouse=level.warehouse, product=level.product, unit_cost=Decimal(1)
        )
        _fails_to_flush(session, twin)


def test_unique_index_rejects_a_duplicate(
    inventory: ModuleType, engine: Engine
) -> None:
    """@@unique_index(reference, line)."""
    with Session(engine) as session:
        level = _level(inventory, session, "x")
        session.add(inventory.Movement(level=level, reference="IN-1", line=1, delta=5))
        session.add(inventory.Movement(level=level, reference="IN-1", line=2, delta=5))
        session.flush()
        duplicate = inventory.Movement(level=level, reference="IN-1", line=1, delta=7)
        _fails_to_flush(session, duplicate)


def test_indexes_exist_with_their_columns(
    inventory: ModuleType, engine: Engine
) -> None:
    """@@index(product, desc(counted_at)) and the unique index, in the database."""
    schema = "stock" if engine.dialect.name == POSTGRESQL else None
    inspector = inspect(engine)
    levels = {ix["name"]: ix for ix in inspector.get_indexes("stock_levels")}
    index = levels["ix_stock_levels_product_id_counted_at"]
    assert index["column_names"] == ["product_id", "counted_at"]
    assert not index["unique"]
    movements = {ix["name"]: ix for ix in inspector.get_indexes("movements", schema)}
    assert movements["ix_movements_reference_line"]["unique"]
    if engine.dialect.name == POSTGRESQL:
        sorting = index.get("column_sorting", {})
        assert sorting.get("counted_at") == ("desc",), sorting
    else:
        with engine.connect() as connection:
            sql = connection.execute(
                text("select sql from sqlite_master where name = :name"),
                {"name": "ix_stock_levels_product_id_counted_at"},
            ).scalar_one()
        assert "counted_at DESC" in sql


# --------------------------------------------------------------------------
# Computed, identity and on-update columns
# --------------------------------------------------------------------------


def test_computed_columns_read_back(inventory: ModuleType, engine: Engine) -> None:
    """@computed("quantity - reserved") and @computed("quantity * unit_cost")."""
    with Session(engine) as session:
        level = _level(inventory, session, "c", quantity=10, reserved=3)
        session.flush()
        session.refresh(level)
        assert level.available == 7
        assert Decimal(level.stock_value) == Decimal("25.00")
        level.reserved = 4
        session.flush()
        session.refresh(level)
        assert level.available == 6


def test_identity_columns_get_values(inventory: ModuleType, engine: Engine) -> None:
    """@identity and @identity(always) keys are generated by the database."""
    with Session(engine) as session:
        warehouses = [_warehouse(inventory, f"I{n}", name=f"I{n}") for n in range(3)]
        products = [_product(inventory, f"ID-{n}") for n in range(3)]
        session.add_all(warehouses + products)
        session.flush()
        for rows in (warehouses, products):
            ids = [row.id for row in rows]
            assert all(isinstance(i, int) for i in ids), ids
            assert len(set(ids)) == len(ids)


def test_onupdate_now_touches_the_column(inventory: ModuleType, engine: Engine) -> None:
    """@onupdate(now()): set by every UPDATE, left alone by INSERT."""
    with Session(engine) as session:
        level = _level(inventory, session, "o")
        product = level.product
        product.updated_at = LONG_AGO
        session.flush()
        session.refresh(level)
        session.refresh(product)
        assert level.counted_at is None  # nullable, no default: INSERT leaves it
        assert product.updated_at.replace(tzinfo=UTC) == LONG_AGO
        level.quantity = 11
        product.name = "Nut"
        session.flush()
        session.refresh(level)
        session.refresh(product)
        assert level.counted_at is not None
        assert product.updated_at.replace(tzinfo=UTC) > LONG_AGO


def test_onupdate_literal_sets_the_value(inventory: ModuleType, engine: Engine) -> None:
    """@onupdate(true) on a column with = false."""
    with Session(engine) as session:
        product = _product(inventory, "REV")
        session.add(product)
        session.flush()
        session.refresh(product)
        assert product.needs_review is False
        product.price = Decimal("2.00")
        session.flush()
        session.refresh(product)
        assert product.needs_review is True


# --------------------------------------------------------------------------
# PostgreSQL: identity kinds, generated columns and the schema
# --------------------------------------------------------------------------


def _column_facts(
    engine: Engine, schema: str, table: str
) -> dict[str, tuple[Any, ...]]:
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "select column_name, is_identity, identity_generation, is_generated "
                "from information_schema.columns "
                "where table_schema = :schema and table_name = :table"
            ),
            {"schema": schema, "table": table},
        )
        return {row[0]: tuple(row[1:]) for row in rows}


def test_postgres_identity_kinds(
    inventory: ModuleType, postgres_engine: Engine
) -> None:
    assert _column_facts(postgres_engine, "stock", "warehouses")["id"][:2] == (
        "YES",
        "ALWAYS",
    )
    assert _column_facts(postgres_engine, "stock", "products")["id"][:2] == (
        "YES",
        "BY DEFAULT",
    )
    with Session(postgres_engine) as session:
        session.add(_warehouse(inventory, "EXPL", id=424242))
        with pytest.raises(DBAPIError):  # GENERATED ALWAYS refuses a given value
            session.flush()
        session.rollback()
        session.add(_product(inventory, "EXPL", id=424242))
        session.flush()  # BY DEFAULT accepts one
        session.rollback()


def test_postgres_computed_columns_are_stored(postgres_engine: Engine) -> None:
    facts = _column_facts(postgres_engine, "public", "stock_levels")
    assert facts["available"][2] == "ALWAYS"
    assert facts["stock_value"][2] == "ALWAYS"
    assert facts["quantity"][2] == "NEVER"


def test_postgres_tables_live_in_their_schema(postgres_engine: Engine) -> None:
    inspector = inspect(postgres_engine)
    assert set(inspector.get_table_names(schema="stock")) == {
        "movements",
        "products",
        "warehouses",
    }
    assert set(inspector.get_table_names()) == {"stock_levels"}
    referred = {
        (fk["referred_schema"], fk["referred_table"])
        for fk in inspector.get_foreign_keys("stock_levels")
    }
    assert referred == {("stock", "products"), ("stock", "warehouses")}
    (movement_fk,) = inspector.get_foreign_keys("movements", schema="stock")
    assert movement_fk["referred_schema"] in (None, "public")
    assert movement_fk["referred_table"] == "stock_levels"
