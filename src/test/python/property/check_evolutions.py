"""Property checks of sqlagen schema evolutions (RandomEvolutionsIT).

Usage: python check_evolutions.py EVOLUTION_DIR...

Each EVOLUTION_DIR (``ev_<seed>``) holds ``evolution.json`` (written by
RandomEvolution.java: every step's models and fields with the uids that follow
tables and columns through renames, the value domain of every column, the
values existing rows must get), ``evolution.txt`` (the changes, readable) and
``step_<i>/<package>``, the package as ``sqlagen revision`` left it after step
i. Every evolution is checked on a fresh SQLite database and a fresh
PostgreSQL database (``SQLAGEN_TEST_POSTGRES_URL``; required under CI=true,
skipped loudly otherwise), in this one process (forked into
``SQLAGEN_PROPERTY_JOBS`` workers, default 2), with alembic.command called
in-process on each step's copy of the package. For each step:

1. ``alembic upgrade head``, on a database that holds the rows inserted at the
   previous steps;
2. ``alembic check``: no drift against the step's models;
3. the foreign keys hold (``PRAGMA foreign_key_check`` on SQLite; PostgreSQL
   checks them as the upgrade adds them);
4. every row is still there with the same values in every column that
   survives, followed by uid through renamed tables and columns and compared
   across type changes (a number is the same number as an integer, a decimal,
   a float or a string); a new column holds its default (or NULL) in the rows
   that were there, and a column made required holds its default where it was
   NULL;
5. the oracle: the migrated database and a fresh ``create_all`` of the step's
   models reflect (SQLAlchemy's inspector) to the same tables, columns, types,
   nullability, defaults, comments, primary keys, foreign keys and their
   actions, unique constraints, CHECK constraints, indexes and enum labels;
6. new rows are inserted through the step's models (test_generated.py's
   GraphBuilder, with values every later type of the column accepts).

Then the tables are emptied and the evolution is downgraded step by step: each
intermediate revision passes ``alembic check`` against its step's models (and
the oracle again), and ``downgrade base`` leaves no table, enum type or schema.

Prints one line per failure (seed, database, step, what) and a summary grouped
by kind of failure; exits 1 if any evolution failed.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import enum
import hashlib
import importlib
import io
import json
import logging
import os
import re
import secrets
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import ModuleType
from typing import Any, cast

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # test_generated.py, proof_databases.py
sys.dont_write_bytecode = True
# Times travel as UTC: a timestamp converted to timestamptz (and back) keeps its
# wall-clock value only in a session whose time zone is UTC.
os.environ["PGTZ"] = "UTC"
# These databases are thrown away: commits need not wait for the disk.
os.environ["PGOPTIONS"] = "-c synchronous_commit=off"

import alembic.util  # noqa: E402
from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from sqlalchemy import (  # noqa: E402
    Column,
    Connection,
    Engine,
    Table,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.dialects.postgresql.base import PGInspector  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402
from sqlalchemy.orm import Mapper, RelationshipDirection, Session  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402
from sqlalchemy.schema import CreateSchema  # noqa: E402
from sqlalchemy.sql import sqltypes  # noqa: E402

import test_generated as proof  # noqa: E402
from proof_databases import POSTGRES_URL_VARIABLE, running_in_ci  # noqa: E402

SQLITE = "sqlite"
POSTGRESQL = "postgresql"

# Rows inserted at each step, per mapped class: full ones and minimal ones.
FULL_ROWS = 2
MINIMAL_ROWS = 1
# Serial numbers of step i's values start at 1 + SERIALS * i: distinct across steps.
SERIALS = 1000
# The oracle after each downgrade too (alembic check runs there in any case).
DOWNGRADE_ORACLE = os.environ.get("SQLAGEN_EVOLUTION_DOWNGRADE_ORACLE", "") == "1"


class CheckFailedError(Exception):
    """A property does not hold; the message says which and where."""


# ---------------------------------------------------------------- evolutions


@dataclass
class StepInfo:
    index: int
    directory: Path  # step_<i>: on sys.path while the step is in use
    manifest: dict[str, Any]

    @property
    def changes(self) -> str:
        return "; ".join(self.manifest["changes"])


@dataclass
class Evolution:
    seed: int
    root: Path
    package: str
    steps: list[StepInfo]

    def package_dir(self, step: StepInfo) -> Path:
        return step.directory / self.package

    def config(self, step: StepInfo) -> Config:
        return Config(str(self.package_dir(step) / "alembic.ini"), stdout=io.StringIO())


def read_evolution(root: Path) -> Evolution:
    manifest = json.loads((root / "evolution.json").read_text(encoding="utf-8"))
    steps = [
        StepInfo(index=s["index"], directory=root / f"step_{s['index']}", manifest=s)
        for s in manifest["steps"]
    ]
    return Evolution(manifest["seed"], root, manifest["package"], steps)


_CURRENT_STEP: list[Path] = []


def use_step(evolution: Evolution, step: StepInfo) -> None:
    """Make ``import <package>`` (ours and env.py's) find this step's copy."""
    root = str(evolution.root)
    if [step.directory] == _CURRENT_STEP:
        # Alembic prepends the package's parent to sys.path on every command.
        sys.path[:] = [p for p in sys.path if not p.startswith(root)]
        sys.path.insert(0, str(step.directory))
        return
    _CURRENT_STEP[:] = [step.directory]
    for name in list(sys.modules):
        if name == evolution.package or name.startswith(evolution.package + "."):
            del sys.modules[name]
    sys.path[:] = [p for p in sys.path if not p.startswith(root)]
    sys.path.insert(0, str(step.directory))
    importlib.invalidate_caches()


# Every alembic command loads every revision file again (compiled anew: no
# bytecode is written here). The revision files of an evolution are the same in
# each step's copy, so each is loaded once, by content; env.py, which runs the
# migration as it loads, is always loaded afresh.
_REVISIONS: dict[tuple[str, str], ModuleType] = {}
_load_python_file = alembic.util.load_python_file


def _load_revision_once(dir_: Any, filename: Any) -> ModuleType:
    path = Path(dir_) / Path(filename).name
    if path.parent.name != "versions" or path.suffix != ".py":
        return _load_python_file(dir_, filename)
    key = (path.name, hashlib.sha256(path.read_bytes()).hexdigest())
    if key not in _REVISIONS:
        _REVISIONS[key] = _load_python_file(dir_, filename)
    return _REVISIONS[key]


alembic.util.load_python_file = _load_revision_once


# ---------------------------------------------------------------- a loaded step


@dataclass
class Loaded:
    """A step's package, imported, with every table and column named by uid."""

    package: proof.LoadedPackage
    database: ModuleType
    domains: dict[str, dict[str, Any]]
    tables: dict[str, Table] = field(default_factory=dict)  # uid -> table
    column_uids: dict[int, str] = field(default_factory=dict)  # id(Column) -> uid
    columns: dict[str, list[tuple[str, Column[Any]]]] = field(default_factory=dict)

    def fam(self, uid: str) -> str:
        domain = self.domains.get(uid)
        return str(domain["fam"]) if domain else "NUM"

    def schemas(self) -> tuple[str, ...]:
        return tuple(getattr(self.database, "SCHEMAS", ()))

    def options(self, url: URL) -> dict[str, Any]:
        options: Callable[[URL], dict[str, Any]] | None = getattr(
            self.database, "execution_options", None
        )
        return options(url) if options is not None else {}


def load(evolution: Evolution, step: StepInfo) -> Loaded:
    use_step(evolution, step)
    package = proof._import_and_configure(evolution.package, step.directory)
    if package.configure_error is not None:
        raise CheckFailedError(f"mappers do not configure: {package.configure_error!r}")
    if package.warnings:
        raise CheckFailedError(f"importing warns: {package.warnings}")
    database = importlib.import_module(f"{evolution.package}.database")
    loaded = Loaded(package, database, step.manifest["domains"])
    models = {m["class"]: m for m in step.manifest["models"]}
    mappers: list[tuple[Mapper[Any], dict[str, Any]]] = []
    for mapper in package.mappers():
        info = models.get(mapper.class_.__name__)
        if info is None:
            raise CheckFailedError(
                f"class {mapper.class_.__name__} is not in the manifest"
            )
        mappers.append((mapper, info))
        if info["table"]:
            table = mapper.local_table
            assert isinstance(table, Table)
            loaded.tables[info["uid"]] = table
    table_uids = {id(t): uid for uid, t in loaded.tables.items()}
    for mapper, info in mappers:
        for spec in info["fields"]:
            uid, attr, kind = spec["uid"], spec["attr"], spec["kind"]
            if kind == "col":
                columns = [
                    c
                    for c in mapper.column_attrs[attr].columns
                    if isinstance(c, Column)
                ]
                loaded.column_uids[id(columns[0])] = uid
            elif kind == "ref":
                # The foreign-key column <field>_id (every target is keyed by id).
                key = mapper.column_attrs[f"{attr}_id"].columns[0]
                loaded.column_uids[id(key)] = uid
            elif kind == "m2m":
                secondary = mapper.relationships[attr].secondary
                assert isinstance(secondary, Table)
                loaded.tables[spec["pair"]] = secondary
                for fk in secondary.foreign_keys:
                    side = table_uids[id(fk.column.table)]
                    loaded.column_uids[id(fk.parent)] = f"{spec['pair']}:{side}"
        if info["table"] and mapper.inherits is not None:
            # A joined-table subclass's key: a foreign key to its parent's.
            own = mapper.local_table
            assert isinstance(own, Table)
            for c in own.primary_key.columns:
                loaded.column_uids.setdefault(id(c), f"{info['uid']}:id")
    for uid, table in loaded.tables.items():
        named = []
        for c in table.columns:
            if id(c) not in loaded.column_uids:
                raise CheckFailedError(f"column {table.name}.{c.name} has no uid")
            named.append((loaded.column_uids[id(c)], c))
        loaded.columns[uid] = named
    return loaded


# ---------------------------------------------------------------- values


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, rest = divmod(n, 36)
        out = digits[rest] + out
        if n == 0:
            return out


class DomainValues(proof.ValueFactory):
    """Values every later type of the column accepts (see RandomEvolution.domain)."""

    def __init__(self, seed: str, first_serial: int, loaded: Loaded) -> None:
        super().__init__(seed, first_serial=first_serial)
        self.loaded = loaded

    def value_for(self, column: Column[Any]) -> Any:
        uid = self.loaded.column_uids.get(id(column))
        domain = self.loaded.domains.get(uid) if uid is not None else None
        if domain is None or domain["fam"] == "OTHER":
            return super().value_for(column)
        self._serial += 1
        n = self._serial
        type_ = column.type
        fam = domain["fam"]
        if fam == "ENUM":
            allowed = domain["values"]
            value = allowed[n % len(allowed)]
            if isinstance(type_, sqltypes.Enum) and type_.enum_class is not None:
                return next(m for m in type_.enum_class if m.value == value)
            return value
        if fam == "STR":
            return (base36(n) + "ü")[: min(domain.get("len", 99), 99)]
        if fam == "DEC":
            digits = min(int(domain["int"]), 4)
            scale = int(domain["scale"])
            whole = n % 10**digits
            fraction = f"{n * 7 % 10**scale:0{scale}d}" if scale else ""
            number = Decimal(f"{whole}.{fraction}" if scale else f"{whole}")
            return number
        if fam == "TIME":
            day = dt.date(2000, 1, 1) + dt.timedelta(days=n)
            if isinstance(type_, sqltypes.DateTime):
                moment = dt.datetime(day.year, day.month, day.day)
                return (
                    moment.replace(tzinfo=dt.timezone.utc) if type_.timezone else moment
                )
            return day
        # NUM: a small whole number, as the column's type holds it.
        if isinstance(type_, sqltypes.Enum):
            raise CheckFailedError(f"an enum column in the NUM family: {column}")
        if isinstance(type_, sqltypes.Float):
            return float(n)
        if isinstance(type_, sqltypes.Numeric):
            return Decimal(n)
        if isinstance(type_, sqltypes.Integer):
            return n
        if isinstance(type_, sqltypes.String):
            return str(n)
        return super().value_for(column)


class DomainBuilder(proof.GraphBuilder):
    """GraphBuilder that fills the columns a later step needs distinct or not NULL."""

    def __init__(
        self, loaded: Loaded, session: Session, values: DomainValues, *, full: bool
    ) -> None:
        super().__init__(loaded.package, session, values, full=full)
        self.loaded = loaded

    def _domain(self, column: Column[Any]) -> dict[str, Any]:
        uid = self.loaded.column_uids.get(id(column))
        return self.loaded.domains.get(uid, {}) if uid is not None else {}

    # GraphBuilder declares these two static; here they need the step's domains.
    def _left_to_database(  # type: ignore[override]
        self, column: Column[Any], dialect: str
    ) -> bool:
        if self._domain(column).get("distinct") and not proof.is_autogenerated(column):
            return False  # a later unique constraint: no shared server default
        return proof.GraphBuilder._left_to_database(column, dialect)

    def _optional(self, column: Column[Any]) -> bool:  # type: ignore[override]
        domain = self._domain(column)
        if domain.get("distinct") or domain.get("nonnull"):
            return False
        return proof.GraphBuilder._optional(column)


def insert_rows(engine: Engine, loaded: Loaded, seed: int, step: int) -> int:
    values = DomainValues(f"{seed}-{step}", 1 + SERIALS * step, loaded)
    built: dict[type[Any], list[Any]] = collections.defaultdict(list)
    with Session(engine) as session:
        for mapper in loaded.package.mappers():
            for full in [True] * FULL_ROWS + [False] * MINIMAL_ROWS:
                builder = DomainBuilder(loaded, session, values, full=full)
                builder.build(mapper)
                builder.add_all()
                for b in builder.built:
                    built[b.mapper.class_].append(b.obj)
        # Link rows: the first object of each side, once per link table.
        linked: set[int] = set()
        for mapper in loaded.package.mappers():
            for rel in mapper.relationships:
                if rel.direction is not RelationshipDirection.MANYTOMANY:
                    continue
                if rel.secondary is None or id(rel.secondary) in linked:
                    continue
                mine = built.get(mapper.class_, [])
                theirs = built.get(rel.mapper.class_, [])
                if mine and theirs:
                    linked.add(id(rel.secondary))
                    getattr(mine[0], rel.key).append(theirs[0])
        session.commit()
    return sum(len(objs) for objs in built.values())


# ---------------------------------------------------------------- rows


def canonical(value: Any, fam: str) -> str | None:
    """A value as every type of its family writes it."""
    if value is None:
        return None
    if isinstance(value, enum.Enum):
        return str(value.value)
    if fam in ("NUM", "DEC") and not isinstance(value, bool):
        try:
            number = Decimal(str(value)).normalize()
        except InvalidOperation:
            return f"not a number: {value!r}"
        return format(number, "f")
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        if fam == "TIME" and value.time() == dt.time(0):
            return str(value.date().isoformat())
        return str(value.isoformat())
    if isinstance(value, (dt.date, dt.time)):
        return str(value.isoformat())
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.timedelta):
        return str(value.total_seconds())
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return str(value)


Rows = dict[str, tuple[list[str], list[tuple[str | None, ...]]]]


def read_rows(engine: Engine, loaded: Loaded) -> Rows:
    """Per table uid: its column uids and every row, canonical."""
    rows: Rows = {}
    with engine.connect() as connection:
        for uid in loaded.tables:
            named = loaded.columns[uid]
            keys = [k for k, _ in named]
            result = connection.execute(select(*[c for _, c in named]))
            rows[uid] = (
                keys,
                [
                    tuple(
                        canonical(v, loaded.fam(k))
                        for k, v in zip(keys, r, strict=True)
                    )
                    for r in result
                ],
            )
    return rows


def compare_rows(
    before: Rows,
    after: Rows,
    fills: dict[str, str | None],
    renamed: dict[str, dict[str, str]],
) -> list[str]:
    """Every row of a kept table is still there, column by kept column.

    ``fills``: per column uid, what the rows that were there hold now (a new
    column's default, None for NULL, "NULL->x" where NULLs became x);
    ``renamed``: per enum column uid, the values renamed (old to new).
    """
    problems = []
    for uid, (old_keys, old_rows) in before.items():
        if uid not in after or not old_rows:
            continue
        new_keys, new_rows = after[uid]
        common = [k for k in old_keys if k in new_keys]
        added = [k for k in new_keys if k not in old_keys and k in fills]
        expected: collections.Counter[tuple[str | None, ...]] = collections.Counter()
        for row in old_rows:
            values = dict(zip(old_keys, row, strict=True))
            out: list[str | None] = []
            for k in common:
                fill = fills.get(k)
                value = values[k]
                if value is None and fill is not None and fill.startswith("NULL->"):
                    value = fill[len("NULL->") :]
                elif value is not None and k in renamed:
                    value = renamed[k].get(value, value)
                out.append(value)
            out.extend(fills[k] for k in added)
            expected[tuple(out)] += 1
        got = collections.Counter(
            tuple(dict(zip(new_keys, row, strict=True))[k] for k in common + added)
            for row in new_rows
        )
        if got != expected:
            missing = list((expected - got).elements())[:3]
            extra = list((got - expected).elements())[:3]
            problems.append(
                f"rows of table {uid} changed (columns {common + added}): "
                f"{len(old_rows)} rows before, {len(new_rows)} after; "
                f"expected but missing {missing}; found instead {extra}"
            )
    return problems


# ---------------------------------------------------------------- the oracle


def reflect(engine: Engine, schemas: tuple[str, ...]) -> dict[str, Any]:
    """What SQLAlchemy's inspector sees, in a form two databases can be compared in."""
    with engine.connect() as connection:
        return _reflect(connection, schemas)


def _reflect(connection: Connection, schemas: tuple[str, ...]) -> dict[str, Any]:
    inspector = inspect(connection)
    dialect = connection.dialect
    seen: dict[str, Any] = {}
    kinds: list[str | None] = [None]
    if dialect.name == POSTGRESQL:
        kinds += list(schemas)
    for schema in kinds:
        names = [
            n
            for n in inspector.get_table_names(schema=schema)
            if n != "alembic_version"
        ]
        if not names:
            continue
        columns = inspector.get_multi_columns(schema=schema, filter_names=names)
        pks = inspector.get_multi_pk_constraint(schema=schema, filter_names=names)
        fks = inspector.get_multi_foreign_keys(schema=schema, filter_names=names)
        uniques = inspector.get_multi_unique_constraints(
            schema=schema, filter_names=names
        )
        checks = inspector.get_multi_check_constraints(
            schema=schema, filter_names=names
        )
        indexes = inspector.get_multi_indexes(schema=schema, filter_names=names)
        try:
            comments = inspector.get_multi_table_comment(
                schema=schema, filter_names=names
            )
        except NotImplementedError:  # SQLite keeps no comments
            comments = {}
        for key, cols in columns.items():
            where = f"{schema or ''}.{key[1]}"
            seen[where] = {
                "columns": {
                    c["name"]: {
                        "type": c["type"].compile(dialect=dialect),
                        "nullable": c["nullable"],
                        "default": c.get("default"),
                        "comment": c.get("comment"),
                        "computed": _computed(c.get("computed")),
                        "identity": _identity(c.get("identity")),
                        "autoincrement": c.get("autoincrement")
                        if dialect.name == POSTGRESQL
                        else None,
                    }
                    for c in cols
                },
                "primary key": (
                    pks[key].get("name"),
                    pks[key].get("constrained_columns"),
                ),
                "foreign keys": sorted(
                    (
                        fk.get("name") or "",
                        str(fk["constrained_columns"]),
                        str(fk.get("referred_schema")),
                        fk["referred_table"],
                        str(fk["referred_columns"]),
                        json.dumps(fk.get("options") or {}, sort_keys=True),
                    )
                    for fk in fks[key]
                ),
                "unique constraints": sorted(
                    (u.get("name") or "", str(u["column_names"])) for u in uniques[key]
                ),
                "checks": sorted(
                    (ck.get("name") or "", _sql(ck["sqltext"])) for ck in checks[key]
                ),
                "indexes": sorted(
                    (
                        ix.get("name") or "",
                        str(ix["column_names"]),
                        str(ix.get("expressions")),
                        bool(ix["unique"]),
                        json.dumps(ix.get("column_sorting") or {}, sort_keys=True),
                    )
                    for ix in indexes[key]
                ),
                "comment": comments[key].get("text") if key in comments else None,
            }
    if dialect.name == POSTGRESQL:
        seen["enum types"] = sorted(
            (e.get("schema") or "", e["name"], str(e["labels"]))
            for e in cast(PGInspector, inspector).get_enums(schema="*")
        )
    return seen


def _computed(computed: Any) -> Any:
    """The expression of a generated column.

    SQLAlchemy reads it from SQLite's CREATE TABLE text with a greedy pattern:
    after ALTER TABLE ADD COLUMN appended a column on the same line, it runs on
    into that column's definition. The text ends at ") STORED" or ") VIRTUAL".
    """
    if not computed:
        return None
    sqltext = re.split(
        r"\)\s*(?:STORED|VIRTUAL)\b", str(computed["sqltext"]), flags=re.I
    )[0]
    return {"sqltext": sqltext, "persisted": computed.get("persisted")}


def _identity(identity: Any) -> Any:
    if not identity:
        return None
    return {k: identity.get(k) for k in ("always", "start", "increment")}


def _sql(text_: str) -> str:
    return re.sub(r"\s+", " ", text_).strip()


def diff_schemas(migrated: dict[str, Any], fresh: dict[str, Any]) -> list[str]:
    problems = []
    for table in sorted(set(migrated) | set(fresh)):
        if table not in fresh:
            problems.append(f"{table}: only in the migrated database")
            continue
        if table not in migrated:
            problems.append(f"{table}: missing from the migrated database")
            continue
        a, b = migrated[table], fresh[table]
        if table == "enum types":
            if a != b:
                problems.append(f"enum types: migrated {a} != create_all {b}")
            continue
        for aspect in b:
            if aspect == "columns":
                for name in sorted(set(a["columns"]) | set(b["columns"])):
                    ca, cb = a["columns"].get(name), b["columns"].get(name)
                    if ca != cb:
                        problems.append(
                            f"{table}.{name}: migrated {_differing(ca, cb)}"
                        )
            elif a[aspect] != b[aspect]:
                problems.append(
                    f"{table} {aspect}: migrated {a[aspect]} != create_all {b[aspect]}"
                )
    return problems


def _differing(a: dict[str, Any] | None, b: dict[str, Any] | None) -> str:
    if a is None or b is None:
        return f"{a} != create_all {b}"
    keys = [k for k in b if a.get(k) != b.get(k)]
    return ", ".join(f"{k} {a.get(k)!r} != create_all {b.get(k)!r}" for k in keys)


# ---------------------------------------------------------------- databases


@dataclass
class Databases:
    """The databases of one evolution on one kind of server; dropped at the end.

    One database is migrated; the oracle's create_all goes into a fresh SQLite
    file per step, or into one PostgreSQL database emptied before each step.
    """

    kind: str
    workdir: Path
    admin: Engine | None
    made: list[str] = field(default_factory=list)
    _oracle: Engine | None = None

    def new(self, label: str) -> URL:
        if self.kind == SQLITE:
            path = self.workdir / f"{label}-{secrets.token_hex(3)}.sqlite3"
            return URL.create(SQLITE, database=str(path))
        assert self.admin is not None
        name = f"sqlagen_{label}_{secrets.token_hex(4)}"[:63]
        with self.admin.connect() as connection:
            connection.exec_driver_sql(
                f'CREATE DATABASE "{name}" TEMPLATE template0 '
                "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
            )
        self.made.append(name)
        return self.admin.url.set(database=name)

    def fresh(self, label: str) -> tuple[URL, Engine]:
        """An empty database for the oracle, and an engine on it."""
        if self.kind == SQLITE:
            url = self.new(label)
            return url, engine_for(url)
        if self._oracle is None:
            self._oracle = engine_for(self.new(label), pooled=True)
        with self._oracle.connect() as connection:
            names = connection.exec_driver_sql(
                "SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' "
                "AND nspname <> 'information_schema'"
            ).scalars()
            for name in list(names):
                connection.exec_driver_sql(f'DROP SCHEMA "{name}" CASCADE')
            connection.exec_driver_sql("CREATE SCHEMA public")
            connection.commit()
        return self._oracle.url, self._oracle

    def close(self) -> None:
        if self._oracle is not None:
            self._oracle.dispose()
            self._oracle = None
        if self.admin is None:
            return
        for name in self.made:
            with self.admin.connect() as connection:
                connection.exec_driver_sql(
                    f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
                )
        self.made.clear()


def _sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def engine_for(url: URL, *, pooled: bool = False) -> Engine:
    """An engine; pooled ones keep a connection (disposed before the database goes)."""
    pool: dict[str, Any] = {} if pooled else {"poolclass": NullPool}
    if url.get_backend_name() == POSTGRESQL:
        return create_engine(url.set(drivername="postgresql+psycopg"), **pool)
    engine = create_engine(url, **pool)
    event.listen(engine, "connect", _sqlite_foreign_keys)
    return engine


def url_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


# ---------------------------------------------------------------- one evolution


@dataclass
class Failure:
    seed: int
    kind: str
    step: int
    phase: str
    message: str

    def line(self, evolution: Path) -> str:
        return (
            f"FAIL seed {self.seed} on {self.kind}, step {self.step}, {self.phase} "
            f"({evolution}/evolution.txt; replay: -Dsqlagen.seed={self.seed}): "
            f"{self.message}"
        )


@contextlib.contextmanager
def phase(
    failures: list[Failure],
    evo: Evolution,
    kind: str,
    step: int,
    what: str,
    *,
    fatal: bool = True,
) -> Iterator[None]:
    """Records a failure of the block; a fatal one stops this database's run."""
    try:
        yield
    except CheckFailedError as exc:
        failures.append(Failure(evo.seed, kind, step, what, str(exc)))
        if fatal:
            raise _StopError from exc
    except BaseException as exc:  # pytest.fail raises a BaseException
        if isinstance(exc, (KeyboardInterrupt, _StopError)):
            raise
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        failures.append(Failure(evo.seed, kind, step, what, detail))
        if fatal:
            raise _StopError from exc


class _StopError(Exception):
    """This database cannot go on with this evolution."""


def run_alembic(
    evo: Evolution, step: StepInfo, url: URL, action: str, *args: Any
) -> None:
    use_step(evo, step)
    os.environ["DATABASE_URL"] = url_text(url)
    config = evo.config(step)
    getattr(command, action)(config, *args)


def head_of(evo: Evolution, step: StepInfo) -> str | None:
    return ScriptDirectory.from_config(evo.config(step)).get_current_head()


def oracle(dbs: Databases, engine: Engine, loaded: Loaded, label: str) -> list[str]:
    """Differences between the migrated database and a fresh create_all."""
    url, fresh = dbs.fresh(label)
    try:
        schemas = loaded.schemas()
        with fresh.begin() as connection:
            if dbs.kind == POSTGRESQL:
                for schema in schemas:
                    connection.execute(CreateSchema(schema))
            loaded.package.metadata.create_all(
                connection.execution_options(**loaded.options(url))
            )
        return diff_schemas(reflect(engine, schemas), reflect(fresh, schemas))
    finally:
        if dbs.kind == SQLITE:
            fresh.dispose()


def check_on(
    evo: Evolution, kind: str, dbs: Databases, failures: list[Failure]
) -> None:
    url = dbs.new(f"ev{evo.seed}")
    engine = engine_for(url, pooled=True)
    every_schema: set[str] = set()
    try:
        _migrate_up(evo, kind, dbs, engine, url, failures, every_schema)
        _migrate_down(evo, kind, dbs, engine, url, failures, every_schema)
    except _StopError:
        pass
    finally:
        engine.dispose()


def _migrate_up(
    evo: Evolution,
    kind: str,
    dbs: Databases,
    engine: Engine,
    url: URL,
    failures: list[Failure],
    every_schema: set[str],
) -> None:
    before: Rows | None = None
    for step in evo.steps:
        i = step.index
        with phase(failures, evo, kind, i, "alembic upgrade head"):
            run_alembic(evo, step, url, "upgrade", "head")
        with phase(failures, evo, kind, i, "loading the models"):
            loaded = load(evo, step)
        every_schema.update(loaded.schemas())
        stepped = engine.execution_options(**loaded.options(url))
        with phase(failures, evo, kind, i, "alembic check", fatal=False):
            run_alembic(evo, step, url, "check")
        if kind == SQLITE:
            with phase(failures, evo, kind, i, "PRAGMA foreign_key_check", fatal=False):
                with engine.connect() as connection:
                    broken = connection.exec_driver_sql(
                        "PRAGMA foreign_key_check"
                    ).all()
                if broken:
                    raise CheckFailedError(f"foreign keys broken: {broken[:5]}")
        with phase(failures, evo, kind, i, "rows kept", fatal=False):
            after = read_rows(stepped, loaded)
            if before is not None:
                problems = compare_rows(
                    before, after, step.manifest["fills"], step.manifest["values"]
                )
                if problems:
                    raise CheckFailedError("; ".join(problems))
        with phase(failures, evo, kind, i, "oracle (create_all)", fatal=False):
            problems = oracle(dbs, engine, loaded, f"ev{evo.seed}s{i}")
            if problems:
                raise CheckFailedError("; ".join(problems))
        with phase(failures, evo, kind, i, "inserting rows"):
            insert_rows(stepped, loaded, evo.seed, i)
        with phase(failures, evo, kind, i, "reading rows back"):
            before = read_rows(stepped, loaded)


def _migrate_down(
    evo: Evolution,
    kind: str,
    dbs: Databases,
    engine: Engine,
    url: URL,
    failures: list[Failure],
    every_schema: set[str],
) -> None:
    last = evo.steps[-1]
    with phase(failures, evo, kind, last.index, "emptying the tables"):
        loaded = load(evo, last)
        stepped = engine.execution_options(**loaded.options(url))
        empty_tables(stepped, loaded)
    for step in reversed(evo.steps[1:]):
        previous = evo.steps[step.index - 1]
        target = head_of(evo, previous)
        if target != head_of(evo, step):
            with phase(failures, evo, kind, step.index, f"alembic downgrade {target}"):
                run_alembic(evo, step, url, "downgrade", target)
        with phase(
            failures,
            evo,
            kind,
            previous.index,
            "alembic check after downgrade",
            fatal=False,
        ):
            run_alembic(evo, previous, url, "check")
        if DOWNGRADE_ORACLE:
            with phase(
                failures,
                evo,
                kind,
                previous.index,
                "oracle after downgrade",
                fatal=False,
            ):
                loaded = load(evo, previous)
                problems = oracle(dbs, engine, loaded, f"ev{evo.seed}d{previous.index}")
                if problems:
                    raise CheckFailedError("; ".join(problems))
    with phase(failures, evo, kind, 0, "alembic downgrade base"):
        run_alembic(evo, evo.steps[0], url, "downgrade", "base")
    with phase(
        failures, evo, kind, 0, "nothing left after downgrade base", fatal=False
    ):
        left = leftovers(engine, every_schema)
        if left:
            raise CheckFailedError(f"downgrade base left {left}")


def empty_tables(engine: Engine, loaded: Loaded) -> None:
    tables = list(loaded.tables.values())
    with engine.begin() as connection:
        if engine.dialect.name == POSTGRESQL:
            names = ", ".join(
                f'"{t.schema}"."{t.name}"' if t.schema else f'"{t.name}"'
                for t in tables
            )
            connection.exec_driver_sql(f"TRUNCATE {names} CASCADE")
        else:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            for t in tables:
                connection.execute(t.delete())


def leftovers(engine: Engine, schemas: set[str]) -> list[str]:
    inspector = inspect(engine)
    left = [n for n in inspector.get_table_names() if n != "alembic_version"]
    if engine.dialect.name == POSTGRESQL:
        present = set(inspector.get_schema_names())
        for schema in sorted(schemas):
            if schema in present:
                left += [
                    f"{schema}.{n}" for n in inspector.get_table_names(schema=schema)
                ]
                left.append(f"schema {schema}")
        enums = cast(PGInspector, inspector).get_enums(schema="*")
        left += [f"enum type {e['name']}" for e in enums]
    return left


# ---------------------------------------------------------------- driver


def postgres_admin() -> tuple[URL | None, str]:
    raw = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    if not raw:
        return None, (
            f"PostgreSQL was NOT tested: {POSTGRES_URL_VARIABLE} is not set "
            "(see src/test/python/proof_databases.py)"
        )
    url = make_url(raw)
    if url.get_backend_name() != POSTGRESQL:
        return None, f"{POSTGRES_URL_VARIABLE} must be a postgresql:// URL"
    return url, ""


Task = tuple[str, str, str, str | None]  # directory, kind, work directory, admin URL


def check_one(task: Task) -> tuple[str, list[Failure], float]:
    """One evolution on one kind of database: (directory, failures, seconds)."""
    raw, kind, workdir, admin_raw = task
    start = time.perf_counter()
    failures: list[Failure] = []
    root = Path(raw).resolve()
    try:
        evo = read_evolution(root)
    except Exception:
        return raw, [Failure(0, kind, 0, "reading", traceback.format_exc())], 0.0
    admin = None
    if kind == POSTGRESQL and admin_raw:
        admin = create_engine(
            make_url(admin_raw).set(drivername="postgresql+psycopg"),
            isolation_level="AUTOCOMMIT",
            poolclass=NullPool,
        )
    dbs = Databases(kind, Path(workdir), admin)
    try:
        check_on(evo, kind, dbs, failures)
    except Exception:
        failures.append(Failure(evo.seed, kind, -1, "harness", traceback.format_exc()))
    finally:
        try:
            dbs.close()
        finally:
            if admin is not None:
                admin.dispose()
    return raw, failures, time.perf_counter() - start


def signature(failure: Failure) -> str:
    """The kind of a failure, for the summary: the phase and the message's gist."""
    gist = failure.message.splitlines()[0] if failure.message else ""
    gist = re.sub(r"\[SQL: .*", "", gist)
    gist = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", gist)
    gist = re.sub(r"(?:^|(?<=[\s;(]))\.\w+(\.\w+)?", ".X", gist)  # .table.column
    gist = re.sub(r"\d+", "N", gist)
    return f"{failure.kind} {failure.phase}: {gist[:160]}"


def main(argv: list[str]) -> int:
    logging.disable(logging.WARNING)
    warnings.simplefilter("default")
    # Workers mostly wait for PostgreSQL: twice the CPU count keeps the CPUs busy.
    jobs = int(os.environ.get("SQLAGEN_PROPERTY_JOBS", 2 * (os.cpu_count() or 1)))
    admin, why = postgres_admin()
    if admin is None:
        if running_in_ci():
            print(f"CI=true demands PostgreSQL. {why}", flush=True)
            return 1
        print(f"WARNING: {why}; checking SQLite only.", flush=True)
    admin_raw = url_text(admin) if admin is not None else None
    started = time.perf_counter()
    results: list[tuple[str, list[Failure], float]] = []
    kinds = [SQLITE] + ([POSTGRESQL] if admin_raw else [])
    with tempfile.TemporaryDirectory(prefix="sqlagen-evolutions-") as tmp:
        # PostgreSQL first: its runs are the long ones.
        work = [(raw, kind, tmp, admin_raw) for kind in reversed(kinds) for raw in argv]
        if jobs > 1 and len(work) > 1:
            import multiprocessing

            context = multiprocessing.get_context("fork")
            with context.Pool(jobs, maxtasksperchild=10) as pool:
                results = list(pool.imap_unordered(check_one, work, chunksize=1))
        else:
            results = [check_one(item) for item in work]
    failed: set[str] = set()
    by_kind: dict[str, set[int]] = collections.defaultdict(set)
    for raw, failures, _seconds in sorted(results, key=lambda r: r[0]):
        if failures:
            failed.add(raw)
        for failure in failures:
            print(failure.line(Path(raw)), flush=True)
            by_kind[signature(failure)].add(failure.seed)
    if by_kind:
        print("failures by kind (number of evolutions, seeds):", flush=True)
        for gist, seeds in sorted(by_kind.items(), key=lambda k: (-len(k[1]), k[0])):
            listed = " ".join(str(s) for s in sorted(seeds)[:8])
            print(f"  {len(seeds):4d}  {gist}  [{listed}]", flush=True)
    elapsed = time.perf_counter() - started
    slowest = max((r[2] for r in results), default=0.0)
    print(
        f"checked {len(argv)} evolutions on SQLite"
        f"{' and PostgreSQL' if admin is not None else ' (PostgreSQL NOT tested)'}: "
        f"{len(failed)} failed, in {elapsed:.1f}s ({jobs} worker(s), slowest "
        f"{slowest:.1f}s)",
        flush=True,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main(sys.argv[1:]))
