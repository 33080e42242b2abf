"""Proof that sqlagen-generated SQLAlchemy packages really work.

Every test runs once per package listed by SQLAGEN_PROOF_DIRS (see
conftest.py) and knows nothing about any particular schema: it introspects
the package's declarative ``Base`` through SQLAlchemy's mapper and table APIs,
builds valid objects for every mapped class with deterministic (seeded) values,
writes them to a fresh in-memory SQLite database with foreign keys enforced,
and reads them back through a new session.

Only 2.0-style APIs are used (``select()``, ``Session``/``sessionmaker``), so
the module runs unchanged on SQLAlchemy 2.0 and 2.1.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import math
import random
import sys
import traceback
import uuid
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    ColumnElement,
    Engine,
    ForeignKeyConstraint,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
    select,
    type_coerce,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import (
    Mapper,
    RelationshipDirection,
    RelationshipProperty,
    Session,
    selectinload,
    sessionmaker,
)
from sqlalchemy.orm.exc import UnmappedColumnError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql import sqltypes
from sqlalchemy.types import TypeDecorator, TypeEngine

from conftest import ProofConfigProblem, ProofTarget

# A chain of NOT NULL many-to-one relationships longer than this is treated as
# a cycle: such rows could never be inserted without deferred constraints.
MAX_REQUIRED_DEPTH = 12

# Values are generated in UTC: SQLite has no time zone storage and SQLAlchemy
# writes the wall-clock time of an aware datetime, so UTC keeps the instant.
UTC = dt.timezone.utc


# --------------------------------------------------------------------------
# Loading a package
# --------------------------------------------------------------------------


@dataclass
class LoadedPackage:
    """An imported generated package and the outcome of configuring it."""

    name: str
    module: ModuleType
    base: Any  # the generated declarative Base class
    warnings: list[str]
    configure_error: Exception | None

    @property
    def metadata(self) -> MetaData:
        metadata: MetaData = self.base.metadata
        return metadata

    def mappers(self) -> list[Mapper[Any]]:
        """Every mapper of the package's registry, in a stable order."""
        return sorted(self.base.registry.mappers, key=_mapper_name)

    def require_configured(self) -> None:
        """Fail the calling test if the mappers could not be configured."""
        if self.configure_error is not None:
            pytest.fail(
                f"mappers of {self.name} failed to configure: {self.configure_error!r}",
                pytrace=False,
            )


# Importing and configuring happens once per package and session; the result
# (or the exception) is cached so each test reports it without redoing it.
_LOADED: dict[str, LoadedPackage | Exception] = {}


def load_package(target: ProofTarget) -> LoadedPackage:
    """Import the package behind ``target`` or fail the current test."""
    if isinstance(target, ProofConfigProblem):
        pytest.fail(target.message, pytrace=False)
    if target.name not in _LOADED:
        try:
            _LOADED[target.name] = _import_and_configure(target.name, target.directory)
        except Exception as exc:  # reported by every test of this package
            _LOADED[target.name] = exc
    loaded = _LOADED[target.name]
    if isinstance(loaded, Exception):
        # The full traceback: a SyntaxError or NameError deep inside the
        # generated module is what the generator's author needs to see.
        details = "".join(traceback.format_exception(loaded))
        pytest.fail(f"cannot load package {target.name}:\n{details}", pytrace=False)
    return loaded


def _import_and_configure(name: str, directory: Path) -> LoadedPackage:
    if str(directory) not in sys.path:
        sys.path.insert(0, str(directory))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        module = importlib.import_module(name)
        _check_imported_from(module, directory / name)
        base = getattr(module, "Base", None)
        if base is None or not hasattr(base, "registry"):
            raise LookupError(f"{name} does not export a declarative Base")
        configure_error: Exception | None = None
        try:
            # registry.configure() is configure_mappers() limited to this
            # package: the global call would also configure every other
            # package loaded in this session, so one broken package would
            # fail the tests of all the others.
            base.registry.configure(cascade=True)
        except Exception as exc:
            configure_error = exc
    return LoadedPackage(
        name=name,
        module=module,
        base=base,
        warnings=[f"{w.category.__name__}: {w.message}" for w in caught],
        configure_error=configure_error,
    )


def _check_imported_from(module: ModuleType, package_dir: Path) -> None:
    """Guard against a same-named module (stdlib, site-packages) shadowing."""
    origin = Path(module.__file__ or "").resolve()
    if origin != (package_dir / "__init__.py").resolve():
        raise ImportError(
            f"import {module.__name__!r} resolved to {origin}, not {package_dir}"
        )


def _mapper_name(mapper: Mapper[Any]) -> str:
    return mapper.class_.__qualname__


# --------------------------------------------------------------------------
# Database
# --------------------------------------------------------------------------


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    # SQLite ignores FOREIGN KEY clauses unless this is set per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@pytest.fixture
def engine() -> Iterator[Engine]:
    """A fresh in-memory SQLite database with foreign keys enforced."""
    # StaticPool: every session must see the same in-memory database.
    engine = create_engine("sqlite://", poolclass=StaticPool)
    event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    yield engine
    engine.dispose()


def create_schema(package: LoadedPackage, engine: Engine) -> None:
    # A package with PostgreSQL schemas (@@schema) keeps their tables in
    # SQLite's main database: the engine options of its database.py say so.
    database = importlib.import_module(f"{package.name}.database")
    options = getattr(database, "execution_options", None)
    if options is not None:
        engine.update_execution_options(**options(engine.url))
    package.metadata.create_all(engine)
    with engine.connect() as connection:
        enforced = connection.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert enforced == 1, "PRAGMA foreign_keys=ON did not take effect"


# --------------------------------------------------------------------------
# Deterministic values for columns
# --------------------------------------------------------------------------


class UnsupportedTypeError(TypeError):
    pass


class ValueFactory:
    """Seeded values for any column type, distinct from call to call.

    Every call takes the next serial number and folds it into the value, so
    unique columns get unique values (as far as the type's domain allows: a
    Boolean has two values, a String(1) thirty-six). Factories that write to
    the same database start at different ``first_serial`` numbers.
    """

    def __init__(self, seed: str, *, first_serial: int = 1) -> None:
        self._rng = random.Random(seed)
        self._serial = first_serial - 1

    @property
    def last_serial(self) -> int:
        """The serial number of the last value handed out."""
        return self._serial

    def value_for(self, column: Column[Any]) -> Any:
        self._serial += 1
        try:
            return self._for_type(column.type, self._serial)
        except UnsupportedTypeError as exc:
            pytest.fail(f"no test value for {column}: {exc}", pytrace=False)

    def _for_type(self, type_: TypeEngine[Any], n: int) -> Any:
        # Order matters: Enum is a String, Float a Numeric, Interval a
        # TypeDecorator, and the integer types subclass Integer.
        if isinstance(type_, sqltypes.ARRAY):
            # Two elements, each from the serial (distinct arrays stay distinct).
            return [self._for_type(type_.item_type, n * 2 + i) for i in range(2)]
        if isinstance(type_, postgresql.INET):
            return f"10.{n // 65_536 % 256}.{n // 256 % 256}.{n % 256}"
        if isinstance(type_, postgresql.CIDR):
            return f"10.{n // 256 % 256}.{n % 256}.0/24"
        if isinstance(type_, postgresql.MACADDR):
            # A MAC address as PostgreSQL gives it back (custom_types.sqd's @@type).
            return f"08:00:2b:{n // 65_536 % 256:02x}:{n // 256 % 256:02x}:{n % 256:02x}"
        if isinstance(type_, postgresql.TSVECTOR):
            # One lexeme, quoted: the text PostgreSQL gives back for it.
            return f"'t{_base36(n)}'"
        if isinstance(type_, sqltypes.Enum):
            return _enum_value(type_, n)
        if isinstance(type_, sqltypes.Boolean):
            return n % 2 == 1
        if isinstance(type_, sqltypes.Interval):
            return dt.timedelta(days=n, seconds=n * 61 % 86_400, microseconds=n)
        if isinstance(type_, sqltypes.Uuid):
            value = uuid.UUID(int=self._rng.getrandbits(128), version=4)
            return value if type_.as_uuid else str(value)
        if isinstance(type_, sqltypes.JSON):
            items = [n, 2.5, "three", None, True]
            return {"serial": n, "nested": {"items": items, "text": "grüße"}}
        if isinstance(type_, sqltypes.LargeBinary):
            return self._bytes(type_.length, n)
        if isinstance(type_, sqltypes.DateTime):
            return _datetime_value(n, aware=bool(type_.timezone))
        if isinstance(type_, sqltypes.Date):
            return dt.date(2000, 1, 1) + dt.timedelta(days=37 * n)
        if isinstance(type_, sqltypes.Time):
            return dt.time(n % 24, n * 7 % 60, n * 13 % 60, n * 1_001 % 1_000_000)
        if isinstance(type_, sqltypes.Float):
            return n + 0.25  # exactly representable in binary floating point
        if isinstance(type_, sqltypes.Numeric):
            return _numeric_value(type_, n)
        if isinstance(type_, sqltypes.SmallInteger):
            return n
        if isinstance(type_, sqltypes.BigInteger):
            return 2**40 + n  # needs more than 32 bits
        if isinstance(type_, sqltypes.Integer):
            return 100_000 + n  # needs more than 16 bits
        if isinstance(type_, sqltypes.String):
            return _text_value(type_.length, n)
        if isinstance(type_, TypeDecorator):
            return self._for_type(type_.impl_instance, n)
        raise UnsupportedTypeError(f"type {type_!r} is not covered")

    def _bytes(self, length: int | None, n: int) -> bytes:
        # Random bytes (NUL included on purpose) ending in the serial number,
        # cut from the left so a short column keeps the distinguishing end.
        payload = b"\x00\xff" + self._rng.randbytes(10) + n.to_bytes(4, "big")
        return payload[-length:] if length else payload


def _enum_value(type_: sqltypes.Enum, n: int) -> Any:
    if type_.enum_class is not None:
        members = list(type_.enum_class)
        return members[n % len(members)]
    return type_.enums[n % len(type_.enums)]


def _datetime_value(n: int, *, aware: bool) -> dt.datetime:
    value = dt.datetime(2001, 2, 3, 4, 5, 6, n * 1_001 % 1_000_000)
    value += dt.timedelta(hours=n)
    return value.replace(tzinfo=UTC) if aware else value


def _numeric_value(type_: sqltypes.Numeric[Any], n: int) -> Decimal | float:
    """A value that fits Numeric(precision, scale) and survives SQLite.

    SQLite stores NUMERIC as a double, so at most 12 significant digits are
    used (6 before and 6 after the point); the rest of the scale is zeros.
    """
    scale = type_.scale
    if scale is None:
        scale = 0 if type_.precision is not None else 2
    if type_.precision is not None:
        integer_digits = max(type_.precision - scale, 0)
    else:
        integer_digits = 6
    integer = n % 10 ** min(integer_digits, 6)
    fraction = "".join(str((n + i) % 9 + 1) for i in range(min(scale, 6)))
    value = Decimal(f"{integer}.{fraction.ljust(scale, '0')}" if scale else integer)
    return value if type_.asdecimal else float(value)


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        n, rest = divmod(n, 36)
        text = digits[rest] + text
        if n == 0:
            return text


def _text_value(length: int | None, n: int) -> str:
    """Text starting with the serial (unique), with non-ASCII, cut to length."""
    token = _base36(n)
    if length is None:
        return f"{token} text ü\nsecond line"
    if length < len(token):
        return token[-length:]
    return f"{token}-grüße-{'x' * length}"[:length]


# --------------------------------------------------------------------------
# Introspection helpers
# --------------------------------------------------------------------------


def real_columns(mapper: Mapper[Any]) -> Iterator[tuple[str, Column[Any]]]:
    """(attribute key, first table Column) for every column attribute.

    Attributes mapped to SQL expressions (column_property) are skipped.
    """
    for prop in mapper.column_attrs:
        columns = [c for c in prop.columns if isinstance(c, Column)]
        if columns:
            yield prop.key, columns[0]


def is_autogenerated(column: Column[Any]) -> bool:
    """Autoincrement, Identity and Computed columns: never set by hand."""
    if column.computed is not None or column.identity is not None:
        return True
    table = column.table
    return isinstance(table, Table) and column is table.autoincrement_column


def must_be_distinct(column: Column[Any]) -> bool:
    """Part of a unique column, unique constraint or unique index."""
    if column.unique:
        return True
    table = column.table
    if not isinstance(table, Table):
        return False
    unique_sets = [
        list(constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    unique_sets += [list(index.columns) for index in table.indexes if index.unique]
    # identity, not ==: Column.__eq__ builds a SQL expression
    return any(c is column for columns in unique_sets for c in columns)


def set_by_orm(mapper: Mapper[Any], column: Column[Any]) -> bool:
    """The polymorphic discriminator and the version counter."""
    # identity, not ==: Column.__eq__ builds a SQL expression
    return column is mapper.polymorphic_on or column is mapper.version_id_col


def maps_all(mapper: Mapper[Any], columns: set[Column[Any]]) -> bool:
    """Whether the mapper maps every one of these table columns."""
    for column in columns:
        try:
            mapper.get_property_by_column(column)
        except UnmappedColumnError:
            return False
    return True


def many_to_one(mapper: Mapper[Any]) -> list[RelationshipProperty[Any]]:
    return [
        rel
        for rel in mapper.relationships
        if rel.direction is RelationshipDirection.MANYTOONE and not rel.viewonly
    ]


def fk_columns(rel: RelationshipProperty[Any]) -> set[ColumnElement[Any]]:
    """The local foreign key columns a many-to-one relationship writes."""
    return set(rel.local_columns)


def is_required(rel: RelationshipProperty[Any]) -> bool:
    """A many-to-one is required when one of its FK columns is NOT NULL."""
    return any(
        isinstance(column, Column) and not column.nullable for column in fk_columns(rel)
    )


def identity_of(obj: Any) -> tuple[Any, ...]:
    """The primary key identity; kept by the object after commit/expiry."""
    identity: tuple[Any, ...] | None = inspect(obj).identity
    assert identity is not None, f"{obj!r} was never persisted"
    return identity


def pk_criteria(
    mapper: Mapper[Any], identity: Sequence[Any]
) -> list[ColumnElement[bool]]:
    return [
        column == value
        for column, value in zip(mapper.primary_key, identity, strict=True)
    ]


def mapper_for_table(package: LoadedPackage, table: Table) -> Mapper[Any]:
    for mapper in package.mappers():
        # The class that introduces the table: a joined-table subclass has its own.
        inherited = mapper.inherits is not None and mapper.inherits.local_table is table
        if mapper.local_table is table and not inherited:
            return mapper
    pytest.fail(f"no mapped class for referenced table {table.name}", pytrace=False)


# --------------------------------------------------------------------------
# Building object graphs
# --------------------------------------------------------------------------


@dataclass
class Built:
    """An object the builder made, and what the database must give back."""

    obj: Any
    mapper: Mapper[Any]
    # attribute key -> the value the test assigned
    expected: dict[str, Any] = field(default_factory=dict)
    # attribute keys the database fills in (autoincrement, server default)
    generated: list[str] = field(default_factory=list)
    # attribute keys left to a Python-side default or NULL (minimal mode)
    omitted: list[str] = field(default_factory=list)
    # many-to-one key -> the object assigned, or None when left empty
    parents: dict[str, Built | None] = field(default_factory=dict)


class GraphBuilder:
    """Builds valid objects, creating whatever they need to reference.

    ``full`` fills every column and, for the top-level object only, every
    optional many-to-one (deeper levels follow required ones alone, which
    guarantees termination on self-referential and cyclic schemas).
    ``full=False`` fills only what NOT NULL demands, leaving the rest to
    nullable NULLs and column defaults.
    """

    def __init__(
        self,
        package: LoadedPackage,
        session: Session,
        values: ValueFactory,
        *,
        full: bool = True,
    ) -> None:
        self.package = package
        self.session = session
        self.values = values
        self.full = full
        self.built: list[Built] = []  # completed objects, creation order
        # True while building below an optional link of the top-level object:
        # a cycle back through that link is not forced by NOT NULL columns.
        self._below_optional_link = False

    def add_all(self) -> None:
        self.session.add_all(built.obj for built in self.built)

    def build(
        self,
        mapper: Mapper[Any],
        *,
        skip: frozenset[str] = frozenset(),
        path: tuple[Mapper[Any], ...] = (),
    ) -> Built:
        """Build one ``mapper.class_`` object; ``skip``: relationships the
        caller assigns itself (their FK columns are left alone too)."""
        path = (*path, mapper)
        if len(path) > MAX_REQUIRED_DEPTH:
            chain = " -> ".join(_mapper_name(m) for m in path)
            pytest.fail(f"required many-to-one chain too deep: {chain}")
        built = Built(obj=mapper.class_(), mapper=mapper)
        covered = self._assign_parents(built, skip, path)
        covered |= self._assign_raw_foreign_keys(built, covered, path)
        for key, column in real_columns(mapper):
            if column in covered:
                continue
            if set_by_orm(mapper, column):
                # The discriminator comes from the class, the version from the ORM's
                # counter: a value written here would be overwritten or rejected.
                continue
            if self._left_to_database(column, self._dialect()):
                built.generated.append(key)
                continue
            if not self.full and self._optional(column):
                built.omitted.append(key)
                continue
            value = self.values.value_for(column)
            setattr(built.obj, key, value)
            built.expected[key] = value
        self.built.append(built)
        return built

    def _dialect(self) -> str:
        return self.session.get_bind().dialect.name

    @staticmethod
    def _left_to_database(column: Column[Any], dialect: str) -> bool:
        if is_autogenerated(column):
            return True
        # A default written per database (sql(postgresql: ..., sqlite: ...),
        # the models' _PerDatabase) that names no SQL for this one is none.
        per_database = getattr(getattr(column.server_default, "arg", None), "sql", None)
        if isinstance(per_database, dict) and dialect not in per_database:
            return False
        # A constant server default would collide on a unique column, and
        # this test creates several rows per table.
        return column.server_default is not None and not must_be_distinct(column)

    @staticmethod
    def _optional(column: Column[Any]) -> bool:
        """Minimal mode leaves these out: NULL or a default is fine."""
        if must_be_distinct(column) and column.default is not None:
            return column.default.is_callable  # a constant would collide
        return bool(column.nullable) or column.default is not None

    def _assign_parents(
        self,
        built: Built,
        skip: frozenset[str],
        path: tuple[Mapper[Any], ...],
    ) -> set[ColumnElement[Any]]:
        """Satisfy many-to-one relationships; return the FK columns they own."""
        covered: set[ColumnElement[Any]] = set()
        # Columns shared through inheritance (child.id -> parent.id) are
        # synchronised by the ORM itself.
        for prop in built.mapper.column_attrs:
            if len(prop.columns) > 1:
                covered.update(c for c in prop.columns if c.foreign_keys)
        top_level = len(path) == 1
        for rel in many_to_one(built.mapper):
            columns = fk_columns(rel)
            if rel.key in skip or columns & covered:
                # assigned by the caller, or the columns already belong to
                # an overlapping relationship assigned before
                covered |= columns
                continue
            covered |= columns
            required = is_required(rel)
            if not (required or (self.full and top_level)):
                built.parents[rel.key] = None
                continue
            if required and rel.mapper in path:
                all_required = (
                    path.index(rel.mapper) > 0 or not self._below_optional_link
                )
                if all_required:
                    chain = " -> ".join(_mapper_name(m) for m in (*path, rel.mapper))
                    pytest.fail(f"cycle of NOT NULL many-to-one relationships: {chain}")
                # Only the top-level object follows optional links, so a fresh
                # row of this model needs required links alone: it terminates.
            optional_link = top_level and not required
            if optional_link:
                self._below_optional_link = True
            try:
                parent = self.build(rel.mapper, path=path)
            finally:
                if optional_link:
                    self._below_optional_link = False
            setattr(built.obj, rel.key, parent.obj)
            built.parents[rel.key] = parent
        return covered

    def _assign_raw_foreign_keys(
        self,
        built: Built,
        covered: set[ColumnElement[Any]],
        path: tuple[Mapper[Any], ...],
    ) -> set[ColumnElement[Any]]:
        """Point FK columns that no relationship manages at a real row."""
        assigned: set[ColumnElement[Any]] = set()
        mapper = built.mapper
        for table in mapper.tables:
            if not isinstance(table, Table):  # mapped to a join or select
                continue
            # a set: sort it so the values drawn are the same every run
            constraints = sorted(
                table.foreign_key_constraints, key=lambda c: tuple(c.column_keys)
            )
            for constraint in constraints:
                columns = set(constraint.columns)
                if columns <= covered or not maps_all(mapper, columns):
                    # A single-table root does not map its subclasses' columns.
                    continue
                assigned |= columns
                required = any(not column.nullable for column in columns)
                if required or (self.full and len(path) == 1):
                    self._point_at_new_row(built, constraint, path)
                else:  # leave the reference empty, and check it stays so
                    for column in columns:
                        local = mapper.get_property_by_column(column)
                        built.expected[local.key] = None
        return assigned

    def _point_at_new_row(
        self,
        built: Built,
        constraint: ForeignKeyConstraint,
        path: tuple[Mapper[Any], ...],
    ) -> None:
        referred = constraint.referred_table
        target_mapper = mapper_for_table(self.package, referred)
        first_new = len(self.built)
        target = self.build(target_mapper, path=path)
        # The referenced key may be database-generated: insert the target
        # (and what it needs) now to learn it. Only completed objects are
        # added, so nothing half-built is flushed.
        self.session.add_all(b.obj for b in self.built[first_new:])
        self.session.flush()
        for element in constraint.elements:
            source = target_mapper.get_property_by_column(element.column)
            local = built.mapper.get_property_by_column(element.parent)
            value = getattr(target.obj, source.key)
            setattr(built.obj, local.key, value)
            built.expected[local.key] = value


# --------------------------------------------------------------------------
# Comparing what was written with what is read back
# --------------------------------------------------------------------------


def same_value(expected: Any, actual: Any) -> bool:
    """Equality as far as the database (SQLite or PostgreSQL) can preserve it."""
    if isinstance(expected, enum.Enum):
        return actual is expected
    if isinstance(expected, float):
        return isinstance(actual, float) and math.isclose(actual, expected)
    if isinstance(expected, Decimal):
        if not isinstance(actual, Decimal):
            return False
        # Decimals travel through a SQLite double; the ORM rounds them back
        # to the column's scale. Quantizing to the expected value's exponent
        # (which is that scale) must then give exactly the value written.
        return actual.quantize(expected) == expected
    if (
        isinstance(expected, dt.datetime)
        and isinstance(actual, dt.datetime)
        and expected.tzinfo is not None
        and actual.tzinfo is None
    ):
        # SQLite keeps no offset: the wall-clock time (UTC here) comes back.
        return actual == expected.replace(tzinfo=None)
    if isinstance(expected, uuid.UUID):
        # asyncpg hands back its own (faster) subclass of uuid.UUID.
        return isinstance(actual, uuid.UUID) and actual == expected
    # Exact type: a uuid must not come back as str, a date not as datetime.
    return type(actual) is type(expected) and actual == expected


def verify_round_trip(session: Session, built: Built) -> None:
    cls = built.mapper.class_
    identity = identity_of(built.obj)
    loaded = session.get(cls, identity)
    where = f"{cls.__name__}{identity}"
    assert loaded is not None, f"{where} not found after commit"
    for key, expected in built.expected.items():
        actual = getattr(loaded, key)
        assert same_value(expected, actual), (
            f"{where}.{key}: wrote {expected!r}, read back {actual!r}"
        )
        if isinstance(expected, enum.Enum):
            _verify_enum_stored_by_value(session, built, identity, key)
    for key in built.generated:
        # Autoincrement keys and server defaults must have been filled in.
        assert getattr(loaded, key) is not None, f"{where}.{key} was not generated"
    for key, parent in built.parents.items():
        actual = getattr(loaded, key)
        if parent is None:
            assert actual is None, f"{where}.{key} should be empty, is {actual!r}"
        else:
            assert actual is not None, f"{where}.{key} lost its target"
            assert identity_of(actual) == identity_of(parent.obj), (
                f"{where}.{key} points at the wrong row"
            )


def _verify_enum_stored_by_value(
    session: Session, built: Built, identity: Sequence[Any], key: str
) -> None:
    """Generated enums persist ``member.value`` (values_callable), not names."""
    mapper = built.mapper
    member = built.expected[key]
    column = mapper.column_attrs[key].columns[0]
    raw_query = (
        select(type_coerce(column, String()))
        .select_from(mapper)
        .where(*pk_criteria(mapper, identity))
    )
    raw = session.execute(raw_query).scalar_one()
    assert raw == member.value, (
        f"{mapper.class_.__name__}.{key} stored {raw!r}, not the value "
        f"{member.value!r} of {member!r}"
    )


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


def test_import_and_configure(proof_target: ProofTarget) -> None:
    """(a) The package imports, its mappers configure, it exports its API."""
    package = load_package(proof_target)
    package.require_configured()
    assert not package.warnings, "warnings while importing/configuring:\n" + "\n".join(
        package.warnings
    )
    # __all__ makes the re-exports explicit (mypy --strict, ruff F401).
    exported = set(getattr(package.module, "__all__", ()))
    assert "Base" in exported, f"{package.name}.__all__ does not list Base"
    public: list[type[Any]] = [mapper.class_ for mapper in package.mappers()]
    public += _enum_classes(package.metadata)
    for cls in public:
        assert getattr(package.module, cls.__name__, None) is cls, (
            f"{package.name} does not re-export {cls.__name__}"
        )
        assert cls.__name__ in exported, (
            f"{package.name}.__all__ does not list {cls.__name__}"
        )
    missing = sorted(n for n in exported if not hasattr(package.module, n))
    assert not missing, f"{package.name}.__all__ names missing objects: {missing}"


def test_one_sided_references_are_many_to_one(proof_target: ProofTarget) -> None:
    """A relationship without a partner is a reference: it must hold the foreign key.

    A paired one the wrong way round fails to configure (both sides of one
    direction); a one-sided one would configure, holding the key on the target.
    """
    package = load_package(proof_target)
    package.require_configured()
    wrong = [
        f"{_mapper_name(mapper)}.{rel.key} ({rel.direction.name})"
        for mapper in package.mappers()
        for rel in mapper.relationships
        if rel.parent is mapper
        and rel.secondary is None
        and not rel.back_populates
        and rel.direction is not RelationshipDirection.MANYTOONE
    ]
    assert not wrong, f"references not mapped many-to-one: {wrong}"


def _enum_classes(metadata: MetaData) -> list[type[enum.Enum]]:
    found: dict[str, type[enum.Enum]] = {}
    for table in metadata.tables.values():
        for column in table.columns:
            if isinstance(column.type, sqltypes.Enum) and column.type.enum_class:
                found[column.type.enum_class.__name__] = column.type.enum_class
    return [found[name] for name in sorted(found)]


def test_create_all(proof_target: ProofTarget, engine: Engine) -> None:
    """(b) The DDL runs on SQLite and creates every table and column."""
    package = load_package(proof_target)
    create_schema(package, engine)
    inspector = inspect(engine)
    existing = set(inspector.get_table_names())
    # SQLite has no schemas: tables of a schema are in its main database.
    missing = sorted(
        t.key for t in package.metadata.tables.values() if t.name not in existing
    )
    assert not missing, f"tables not created: {missing}"
    for name, table in package.metadata.tables.items():
        created = {column["name"] for column in inspector.get_columns(table.name)}
        declared = {column.name for column in table.columns}
        assert created == declared, f"columns of {name}: {created} != {declared}"


def test_round_trip_every_model(proof_target: ProofTarget, engine: Engine) -> None:
    """(c) One fully populated object per class survives a round trip."""
    package = load_package(proof_target)
    package.require_configured()
    create_schema(package, engine)
    _round_trip_all(package, engine, full=True)


def test_defaults_fill_omitted_columns(
    proof_target: ProofTarget, engine: Engine
) -> None:
    """Objects with only NOT NULL columns set insert; defaults fill the rest."""
    package = load_package(proof_target)
    package.require_configured()
    create_schema(package, engine)
    for built in _round_trip_all(package, engine, full=False):
        _verify_omitted_columns(engine, built)


def _round_trip_all(
    package: LoadedPackage, engine: Engine, *, full: bool
) -> list[Built]:
    values = ValueFactory(seed=f"{package.name}:round-trip:{full}")
    session_factory = sessionmaker(engine)
    everything: list[Built] = []
    for mapper in package.mappers():
        with session_factory() as session:
            builder = GraphBuilder(package, session, values, full=full)
            with session.no_autoflush:
                builder.build(mapper)
            builder.add_all()
            session.commit()
        with session_factory() as session:
            for built in builder.built:
                verify_round_trip(session, built)
        everything += builder.built
    return everything


def _verify_omitted_columns(engine: Engine, built: Built) -> None:
    with Session(engine) as session:
        loaded = session.get_one(built.mapper.class_, identity_of(built.obj))
        for key in built.omitted:
            column = built.mapper.column_attrs[key].columns[0]
            actual = getattr(loaded, key)
            default = column.default
            where = f"{built.mapper.class_.__name__}.{key}"
            if default is None:
                assert actual is None, f"{where}: omitted but read back {actual!r}"
            elif default.is_scalar:
                # ColumnDefault keeps a constant in .arg (not in the base type)
                constant = getattr(default, "arg", None)
                assert same_value(constant, actual), (
                    f"{where}: default {constant!r}, read back {actual!r}"
                )
            else:
                assert actual is not None, f"{where}: default produced NULL"


def one_to_many_pairs(
    package: LoadedPackage,
) -> list[tuple[RelationshipProperty[Any], RelationshipProperty[Any]]]:
    """(one-to-many, its many-to-one back_populates partner) pairs."""
    pairs = []
    for mapper in package.mappers():
        for rel in mapper.relationships:
            if rel.direction is not RelationshipDirection.ONETOMANY:
                continue
            if rel.viewonly or not rel.back_populates:
                continue
            # Write-only collections never load; test_relationships.py proves them.
            if rel.lazy == "write_only":
                continue
            partner = rel.mapper.relationships[rel.back_populates]
            pairs.append((rel, partner))
    return pairs


def test_one_to_many_back_populates(proof_target: ProofTarget, engine: Engine) -> None:
    """(d) Children appended to a collection come back, pointing at the parent."""
    package = load_package(proof_target)
    package.require_configured()
    create_schema(package, engine)
    values = ValueFactory(seed=f"{package.name}:one-to-many")
    for rel, partner in one_to_many_pairs(package):
        name = f"{_mapper_name(rel.parent)}.{rel.key}"
        assert partner.back_populates == rel.key, (
            f"{name} has back_populates={partner.key!r}, but "
            f"{_mapper_name(partner.parent)}.{partner.key} has "
            f"back_populates={partner.back_populates!r}"
        )
        _check_scalar_side_updates_collection(package, engine, values, rel, partner)
        _check_collection(package, engine, values, rel, partner)


def _check_scalar_side_updates_collection(
    package: LoadedPackage,
    engine: Engine,
    values: ValueFactory,
    rel: RelationshipProperty[Any],
    partner: RelationshipProperty[Any],
) -> None:
    """In memory only: ``child.parent = p`` must show up in ``p.children``."""
    with Session(engine) as session, session.no_autoflush:
        builder = GraphBuilder(package, session, values)
        parent = builder.build(rel.parent).obj
        child = builder.build(rel.mapper, skip=frozenset({partner.key})).obj
        setattr(child, partner.key, parent)
        value = getattr(parent, rel.key)
        held = list(value) if rel.uselist else [value]
        assert any(item is child for item in held), (
            f"setting {_mapper_name(partner.parent)}.{partner.key} did not "
            f"update {_mapper_name(rel.parent)}.{rel.key}"
        )
        session.rollback()  # nothing of this is meant to be stored


def _check_collection(
    package: LoadedPackage,
    engine: Engine,
    values: ValueFactory,
    rel: RelationshipProperty[Any],
    partner: RelationshipProperty[Any],
) -> None:
    """Append children, commit, and load them back with selectinload."""
    name = f"{_mapper_name(rel.parent)}.{rel.key}"
    session_factory = sessionmaker(engine)
    with session_factory() as session:
        builder = GraphBuilder(package, session, values)
        with session.no_autoflush:
            parent = builder.build(rel.parent)
            # uselist=False (one-to-one) holds a single child.
            count = 2 if rel.uselist else 1
            skip = frozenset({partner.key})
            children = [builder.build(rel.mapper, skip=skip) for _ in range(count)]
            for child in children:
                _attach(parent.obj, rel, child.obj)
                # back_populates must update the other side in memory.
                assert getattr(child.obj, partner.key) is parent.obj, (
                    f"adding to {name} did not set {partner.key} on the child"
                )
        builder.add_all()
        session.commit()
        parent_identity = identity_of(parent.obj)
        child_identities = {identity_of(child.obj) for child in children}

    with session_factory() as session:
        parent_cls = rel.parent.class_
        statement = (
            select(parent_cls)
            .options(selectinload(getattr(parent_cls, rel.key)))
            .where(*pk_criteria(rel.parent, parent_identity))
        )
        loaded = session.scalars(statement).one()
        value = getattr(loaded, rel.key)
        items = list(value) if rel.uselist else [value]
        assert len(items) == count, f"{name} holds {len(items)} children, not {count}"
        assert {identity_of(item) for item in items} == child_identities, (
            f"{name} holds other children than the ones added"
        )
        for item in items:
            assert getattr(item, partner.key) is loaded, (
                f"{item!r}.{partner.key} does not point back to the parent"
            )


def _attach(parent: Any, rel: RelationshipProperty[Any], child: Any) -> None:
    if not rel.uselist:
        setattr(parent, rel.key, child)
        return
    collection = getattr(parent, rel.key)
    if hasattr(collection, "append"):
        collection.append(child)
    else:  # set-like collections
        collection.add(child)
