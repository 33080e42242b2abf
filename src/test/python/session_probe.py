"""Real inserts and queries through a generated package's ``session.py``.

Run by test_migrations.py as a subprocess, because ``session.py`` creates its
engines at import time from ``DATABASE_URL``::

    DATABASE_URL=... python session_probe.py sync|async PACKAGE PARENT_DIR

The database must already be at the head migration. The probe imports the
package from PARENT_DIR and builds a valid object graph with the schema-agnostic
builder of test_generated.py: one fully populated object per mapped class,
plus, for every one-to-many relationship, a parent with its children.

``sync``: writes through ``SessionLocal`` and reads everything back through
``SessionLocal`` and (if there is one) ``AsyncSessionLocal``.
``async``: writes through ``AsyncSessionLocal`` and reads everything back
through ``AsyncSessionLocal`` and (if there is one) ``SessionLocal``.
Async reads use ``select()`` with ``selectinload()`` and
``await obj.awaitable_attrs.<relationship>``. The engines are disposed at the
end.

Exit codes: 0 proved, SKIP_EXIT when ``session.py`` has no factory for the
requested side (the only reason to skip; the reason is on stdout's last line),
anything else failed (the reason is on stderr).
"""

from __future__ import annotations

import asyncio
import enum
import importlib
import os
import sys
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncAttrs,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
)
from sqlalchemy.orm import RelationshipProperty, Session, selectinload, sessionmaker

from conftest import ProofPackage
from test_generated import (
    Built,
    GraphBuilder,
    LoadedPackage,
    ValueFactory,
    _attach,
    _verify_enum_stored_by_value,
    identity_of,
    load_package,
    one_to_many_pairs,
    pk_criteria,
    same_value,
    verify_round_trip,
)

SKIP_EXIT = 3
SIDES = ("sync", "async")

# The async probe runs on the database the sync probe already wrote to: its
# values start at another serial number so that unique columns do not collide.
ASYNC_FIRST_SERIAL = 10_001

# The drivers database.py promises for each side.
SYNC_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg"}
ASYNC_DRIVERS = {"sqlite": "aiosqlite", "postgresql": "asyncpg"}

T = TypeVar("T")


class ProbeError(AssertionError):
    pass


def check(condition: object, message: str) -> None:
    if not condition:
        raise ProbeError(message)


@dataclass
class Family:
    """A parent and the children added through one one-to-many relationship."""

    rel: RelationshipProperty[Any]
    partner: RelationshipProperty[Any]
    parent: Built
    children: list[Built]

    @property
    def name(self) -> str:
        return f"{self.rel.parent.class_.__name__}.{self.rel.key}"


@dataclass
class Written:
    built: list[Built]  # every object written, each with its expected values
    families: list[Family]


@dataclass
class Factories:
    """What session.py provides; either side may be missing."""

    module: ModuleType
    sync: sessionmaker[Session] | None
    async_: async_sessionmaker[AsyncSession] | None

    @classmethod
    def of(cls, module: ModuleType) -> Factories:
        sync = module.SessionLocal if hasattr(module, "SessionLocal") else None
        async_ = (
            module.AsyncSessionLocal if hasattr(module, "AsyncSessionLocal") else None
        )
        name = module.__name__
        check(
            sync is not None or async_ is not None,
            f"{name} has neither SessionLocal nor AsyncSessionLocal",
        )
        check(
            sync is None or isinstance(sync, sessionmaker),
            f"{name}.SessionLocal is {sync!r}, not a sessionmaker",
        )
        check(
            async_ is None or isinstance(async_, async_sessionmaker),
            f"{name}.AsyncSessionLocal is {async_!r}, not an async_sessionmaker",
        )
        if async_ is not None:
            # Otherwise every attribute read after commit() would be implicit
            # IO, which raises in async code.
            check(
                async_.kw.get("expire_on_commit") is False,
                f"{name}.AsyncSessionLocal must set expire_on_commit=False",
            )
        return cls(module, sync, async_)

    def sync_engine(self) -> Engine:
        assert self.sync is not None
        bind = self.sync.kw.get("bind")
        check(isinstance(bind, Engine), f"SessionLocal is bound to {bind!r}")
        assert isinstance(bind, Engine)
        return bind

    def async_engine(self) -> AsyncEngine:
        assert self.async_ is not None
        bind = self.async_.kw.get("bind")
        check(isinstance(bind, AsyncEngine), f"AsyncSessionLocal is bound to {bind!r}")
        assert isinstance(bind, AsyncEngine)
        return bind


# --------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------


def build_graph(
    session: Session, package: LoadedPackage, values: ValueFactory
) -> Written:
    """Build and add (not commit) one object per class and every family."""
    builder = GraphBuilder(package, session, values, full=True)
    families: list[Family] = []
    with session.no_autoflush:
        for mapper in package.mappers():
            builder.build(mapper)
        for rel, partner in one_to_many_pairs(package):
            parent = builder.build(rel.parent)
            count = 2 if rel.uselist else 1  # uselist=False holds one child
            skip = frozenset({partner.key})
            children = [builder.build(rel.mapper, skip=skip) for _ in range(count)]
            for child in children:
                _attach(parent.obj, rel, child.obj)
            families.append(Family(rel, partner, parent, children))
    builder.add_all()
    return Written(builder.built, families)


def write_sync(factory: sessionmaker[Session], package: LoadedPackage) -> Written:
    values = ValueFactory(seed=f"{package.name}:sync-session")
    with factory() as session:
        written = build_graph(session, package, values)
        session.commit()
    check(
        values.last_serial < ASYNC_FIRST_SERIAL,
        f"the sync graph used {values.last_serial} values, more than the "
        f"{ASYNC_FIRST_SERIAL - 1} kept apart from the async one",
    )
    return written


async def write_async(
    factory: async_sessionmaker[AsyncSession], package: LoadedPackage
) -> Written:
    values = ValueFactory(
        seed=f"{package.name}:async-session", first_serial=ASYNC_FIRST_SERIAL
    )
    async with factory() as session:
        # The builder is synchronous (it flushes to learn generated keys):
        # run_sync gives it the AsyncSession's Session inside the greenlet.
        written = await session.run_sync(build_graph, package, values)
        await session.commit()
    return written


# --------------------------------------------------------------------------
# Reading back, synchronously
# --------------------------------------------------------------------------


def read_sync(factory: sessionmaker[Session], written: Written) -> None:
    with factory() as session:
        for built in written.built:
            verify_round_trip(session, built)
    for family in written.families:
        with factory() as session:
            parent_cls = family.rel.parent.class_
            statement = (
                select(parent_cls)
                .options(selectinload(getattr(parent_cls, family.rel.key)))
                .where(*pk_criteria(family.rel.parent, identity_of(family.parent.obj)))
            )
            loaded = session.scalars(statement).one()
            items = _items(family, getattr(loaded, family.rel.key))
            for item in items:
                back = getattr(item, family.partner.key)
                check(back is loaded, f"{family.name}: child does not point back")


# --------------------------------------------------------------------------
# Reading back, asynchronously
# --------------------------------------------------------------------------


async def read_async(
    factory: async_sessionmaker[AsyncSession], written: Written
) -> None:
    async with factory() as session:
        for built in written.built:
            await _verify_async(session, built)
    async with factory() as session:
        for built in written.built:
            await _verify_parents_awaitable(session, built)
    for family in written.families:
        await _verify_family_async(factory, family)


async def _load(session: AsyncSession, built: Built, *options: Any) -> Any:
    cls = built.mapper.class_
    statement = (
        select(cls)
        .options(*options)
        .where(*pk_criteria(built.mapper, identity_of(built.obj)))
    )
    return (await session.scalars(statement)).one()


def _where(built: Built) -> str:
    return f"{built.mapper.class_.__name__}{identity_of(built.obj)}"


def _compare_columns(built: Built, loaded: Any) -> None:
    for key, expected in built.expected.items():
        actual = getattr(loaded, key)
        check(
            same_value(expected, actual),
            f"{_where(built)}.{key}: wrote {expected!r}, read back {actual!r}",
        )
    for key in built.generated:
        check(getattr(loaded, key) is not None, f"{_where(built)}.{key} not generated")


async def _verify_async(session: AsyncSession, built: Built) -> None:
    """select() + selectinload() of every many-to-one; compare everything."""
    cls = built.mapper.class_
    options = [selectinload(getattr(cls, key)) for key in built.parents]
    loaded = await _load(session, built, *options)
    _compare_columns(built, loaded)
    for key, parent in built.parents.items():
        _check_parent(built, key, parent, getattr(loaded, key))
    identity = identity_of(built.obj)
    for key, expected in built.expected.items():
        if isinstance(expected, enum.Enum):  # stored by value, not by name
            await session.run_sync(_verify_enum_stored_by_value, built, identity, key)


async def _verify_parents_awaitable(session: AsyncSession, built: Built) -> None:
    """Many-to-one relationships through ``await obj.awaitable_attrs.<rel>``."""
    if not built.parents:
        return
    loaded = await _load(session, built)
    for key, parent in built.parents.items():
        actual = await getattr(loaded.awaitable_attrs, key)
        _check_parent(built, key, parent, actual)


def _check_parent(built: Built, key: str, parent: Built | None, actual: Any) -> None:
    where = f"{_where(built)}.{key}"
    if parent is None:
        check(actual is None, f"{where} should be empty, is {actual!r}")
    else:
        check(actual is not None, f"{where} lost its target")
        check(
            identity_of(actual) == identity_of(parent.obj),
            f"{where} points at the wrong row",
        )


async def _verify_family_async(
    factory: async_sessionmaker[AsyncSession], family: Family
) -> None:
    rel = family.rel
    children = {identity_of(child.obj): child for child in family.children}
    # Eagerly, with selectinload(): the children and their values.
    async with factory() as session:
        loaded = await _load(
            session, family.parent, selectinload(getattr(rel.parent.class_, rel.key))
        )
        items = _items(family, getattr(loaded, rel.key))
        check(
            {identity_of(item) for item in items} == set(children),
            f"{family.name} holds other children than the ones added",
        )
        for item in items:
            _compare_columns(children[identity_of(item)], item)
    # Lazily, with awaitable_attrs: the collection, and each child's way back.
    async with factory() as session:
        loaded = await _load(session, family.parent)
        value = await getattr(loaded.awaitable_attrs, rel.key)
        items = _items(family, value)
        check(
            {identity_of(item) for item in items} == set(children),
            f"{family.name} (awaitable_attrs) holds other children",
        )
        for item in items:
            back = await getattr(item.awaitable_attrs, family.partner.key)
            check(
                back is loaded,
                f"{family.name}: awaitable_attrs.{family.partner.key} of a child "
                "is not the parent",
            )


def _items(family: Family, value: Any) -> list[Any]:
    items = list(value) if family.rel.uselist else [value]
    want = len(family.children)
    check(len(items) == want, f"{family.name} holds {len(items)} children, not {want}")
    return items


# --------------------------------------------------------------------------
# The engines
# --------------------------------------------------------------------------


def check_sync_engine(factories: Factories) -> None:
    assert factories.sync is not None
    engine = factories.sync_engine()
    _check_engine(engine.url, engine.driver, SYNC_DRIVERS, "SessionLocal")
    if engine.dialect.name == "sqlite":
        with factories.sync() as session:
            enforced = session.execute(text("PRAGMA foreign_keys")).scalar()
        check(enforced == 1, "SessionLocal: SQLite foreign keys are not enforced")


async def check_async_engine(factories: Factories) -> None:
    assert factories.async_ is not None
    engine = factories.async_engine()
    _check_engine(engine.url, engine.driver, ASYNC_DRIVERS, "AsyncSessionLocal")
    if engine.dialect.name == "sqlite":
        async with factories.async_() as session:
            result = await session.execute(text("PRAGMA foreign_keys"))
            enforced = result.scalar()
        check(enforced == 1, "AsyncSessionLocal: SQLite foreign keys are not enforced")


def _check_engine(url: URL, driver: str, drivers: dict[str, str], what: str) -> None:
    configured = make_url(os.environ["DATABASE_URL"])
    backend = url.get_backend_name()
    check(
        backend == configured.get_backend_name()
        and url.database == configured.database,
        f"{what} does not use DATABASE_URL: it is on {url.render_as_string()}",
    )
    check(
        drivers.get(backend) == driver,
        f"{what} uses driver {driver!r} for {backend}, not {drivers.get(backend)!r}",
    )


def dispose_sync(factories: Factories) -> None:
    if factories.sync is not None:
        factories.sync_engine().dispose()
    engine = getattr(factories.module, "engine", None)
    if isinstance(engine, Engine):
        engine.dispose()


async def dispose_async(factories: Factories) -> None:
    if factories.async_ is not None:
        await factories.async_engine().dispose()
    engine = getattr(factories.module, "async_engine", None)
    if isinstance(engine, AsyncEngine):
        await engine.dispose()


def run_async(factories: Factories, work: Callable[[], Awaitable[T]]) -> T:
    """One event loop for all async work, which ends by disposing the engine
    (its pooled connections belong to that loop)."""

    async def main() -> T:
        try:
            return await work()
        finally:
            await dispose_async(factories)

    return asyncio.run(main())


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def prove(side: str, package: LoadedPackage, factories: Factories) -> str:
    if side == "sync":
        assert factories.sync is not None
        sync_factory = factories.sync
        check_sync_engine(factories)
        written = write_sync(sync_factory, package)
        read_sync(sync_factory, written)
        readers = "SessionLocal"
        if factories.async_ is not None:
            async_factory = factories.async_

            async def read() -> None:
                await check_async_engine(factories)
                await read_async(async_factory, written)

            run_async(factories, read)
            readers += " and AsyncSessionLocal"
    else:
        assert factories.async_ is not None
        async_factory = factories.async_
        check(
            issubclass(package.base, AsyncAttrs),
            f"{package.name}.Base does not mix in AsyncAttrs",
        )

        async def write_and_read() -> Written:
            await check_async_engine(factories)
            written = await write_async(async_factory, package)
            await read_async(async_factory, written)
            return written

        written = run_async(factories, write_and_read)
        readers = "AsyncSessionLocal"
        if factories.sync is not None:
            check_sync_engine(factories)
            read_sync(factories.sync, written)
            readers += " and SessionLocal"
    return (
        f"{side}: wrote {len(written.built)} objects ({len(written.families)} "
        f"one-to-many families), read them back through {readers}"
    )


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in SIDES:
        print(f"usage: session_probe.py {'|'.join(SIDES)} PACKAGE DIR", file=sys.stderr)
        return 2
    side, name, directory = argv
    factories: Factories | None = None
    try:
        package = load_package(ProofPackage(name=name, directory=Path(directory)))
        package.require_configured()
        # load_package proved the package itself comes from DIR.
        module = importlib.import_module(f"{name}.session")
        factories = Factories.of(module)
        wanted = "SessionLocal" if side == "sync" else "AsyncSessionLocal"
        if not hasattr(module, wanted):
            print(f"SKIP: {name}.session has no {wanted}")
            return SKIP_EXIT
        print(prove(side, package, factories))
        return 0
    except (ProbeError, pytest.fail.Exception) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    except BaseException:
        traceback.print_exc()
        return 1
    finally:
        if factories is not None:
            dispose_sync(factories)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
