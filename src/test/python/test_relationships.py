"""Behaviour of the relationship constructs, in real databases.

The generated ``library`` example (examples/library/library.sqd) has every
relationship shape: one-to-one, many-to-many through a link table, an
association object, a composite primary key and a composite foreign key,
referential actions with their ORM cascades, loading strategies, order_by and
a write-only collection. The ``relations`` test schema has a cycle of tables.
Each test runs on SQLite and, where a server is configured, on PostgreSQL:
the database must do what the schema declares, not only the ORM.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from conftest import ENV_VAR, discover_packages
from proof_databases import DATABASE_KINDS, SQLITE, ProofDatabases
from sqlalchemy import Engine, event, func, inspect, select, text
from sqlalchemy.exc import IntegrityError, InvalidRequestError
from sqlalchemy.orm import Session, configure_mappers, selectinload

sys.dont_write_bytecode = True


def _package(name: str) -> ModuleType:
    """Import a generated package by name; fail (never skip) if it was not generated."""
    import os

    packages = {p.name: p for p in discover_packages(os.environ.get(ENV_VAR))}
    if name not in packages:
        pytest.fail(f"the generated package {name!r} is not in {ENV_VAR}")
    directory = str(packages[name].directory)
    if directory not in sys.path:
        sys.path.insert(0, directory)
    module = importlib.import_module(name)
    configure_mappers()
    return module


def _foreign_keys_on(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


@pytest.fixture(params=DATABASE_KINDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of each kind (PostgreSQL: a fresh database on the server)."""
    kind: str = request.param
    databases = ProofDatabases(tmp_path)
    engine = databases.for_package(f"rel_{request.node.name[:20]}", kind).engine()
    if kind == SQLITE:
        event.listen(engine, "connect", _foreign_keys_on)
    try:
        yield engine
    finally:
        engine.dispose()
        databases.close()


@pytest.fixture
def library(database: Engine) -> Iterator[tuple[ModuleType, Engine]]:
    module = _package("library")
    module.Base.metadata.create_all(database)
    yield module, database


def _count(session: Session, table: str) -> int:
    return int(session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def _member(lib: ModuleType, name: str) -> Any:
    return lib.Member(email=f"{name}@example.org", name=name)


def _book(lib: ModuleType, isbn: str, title: str = "A title") -> Any:
    return lib.Book(isbn=isbn, title=title)


def test_one_to_one_is_scalar_on_both_sides_and_unique(
    library: tuple[ModuleType, Engine],
) -> None:
    lib, engine = library
    with Session(engine) as session:
        ada = _member(lib, "ada")
        ada.card = lib.LibraryCard(barcode="B-1")
        session.add(ada)
        session.commit()
        card = session.scalars(select(lib.LibraryCard)).one()
        assert card.member is ada and ada.card is card
        assert inspect(lib.Member).relationships["card"].uselist is False
        # The foreign key is unique: a second card for the same member is refused.
        session.add(lib.LibraryCard(barcode="B-2", member_id=ada.id))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        # ON DELETE CASCADE and cascade="all, delete-orphan": the card goes too.
        session.delete(session.get(lib.Member, ada.id))
        session.commit()
        assert _count(session, "library_cards") == 0


def test_many_to_many_writes_and_deletes_link_rows(
    library: tuple[ModuleType, Engine],
) -> None:
    lib, engine = library
    with Session(engine) as session:
        book = _book(lib, "9780000000001")
        python, sql = lib.Tag(label="python"), lib.Tag(label="sql")
        book.tags.extend([python, sql])
        book.authors.extend([lib.Author(name="Zed"), lib.Author(name="Amy")])
        session.add(book)
        session.commit()
        assert _count(session, "book_tags") == 2
        assert _count(session, "book_authors") == 2
    with Session(engine) as session:
        tag = session.scalars(select(lib.Tag).where(lib.Tag.label == "python")).one()
        # Tag.books is @load(raise): it must be loaded on purpose.
        with pytest.raises(InvalidRequestError):
            _ = tag.books
        loaded = session.scalars(
            select(lib.Tag)
            .options(selectinload(lib.Tag.books))
            .where(lib.Tag.id == tag.id)
        ).one()
        assert [b.isbn for b in loaded.books] == ["9780000000001"]
    with Session(engine) as session:
        book = session.get(lib.Book, "9780000000001")
        assert [a.name for a in book.authors] == ["Amy", "Zed"]  # @order_by(name)
        book.tags.remove(next(t for t in book.tags if t.label == "sql"))
        session.commit()
        assert _count(session, "book_tags") == 1
        session.delete(book)
        session.commit()
        assert _count(session, "book_tags") == 0
        assert _count(session, "book_authors") == 0
        assert _count(session, "tags") == 2  # the tags themselves stay


def _shelf(lib: ModuleType, session: Session) -> tuple[Any, Any, Any]:
    """A book with one edition and one copy of it, and a member."""
    book = _book(lib, "9780000000002")
    edition = lib.Edition(book=book, number=1, year=2020)
    copy = lib.Copy(edition=edition, shelf="A1")
    member = _member(lib, "bob")
    session.add_all([book, member])
    session.commit()
    return book, copy, member


def test_composite_keys_and_cascades_through_them(
    library: tuple[ModuleType, Engine],
) -> None:
    lib, engine = library
    with Session(engine) as session:
        _, copy, member = _shelf(lib, session)
        assert (copy.edition_book_isbn, copy.edition_number) == ("9780000000002", 1)
        assert inspect(lib.Edition).primary_key[0].name == "book_isbn"
        session.add(lib.Loan(member=member, copy=copy, borrowed_on=dt.date(2024, 1, 2)))
        session.commit()
        copy_id = copy.id
    # ON UPDATE CASCADE through the composite foreign key, done by the database.
    with Session(engine) as session:
        session.execute(text("UPDATE editions SET number = 2"))
        session.commit()
        assert session.get(lib.Copy, copy_id).edition_number == 2
    # Deleting the book deletes its editions, their copies and the copies' loans.
    with Session(engine) as session:
        session.delete(session.get(lib.Book, "9780000000002"))
        session.commit()
        for table in ("editions", "copies", "loans"):
            assert _count(session, table) == 0, table
        assert _count(session, "members") == 1


def test_association_object_and_restrict(library: tuple[ModuleType, Engine]) -> None:
    lib, engine = library
    with Session(engine) as session:
        _, copy, member = _shelf(lib, session)
        for day in (1, 3, 2):
            session.add(
                lib.Loan(member=member, copy=copy, borrowed_on=dt.date(2024, 5, day))
            )
        session.commit()
        member_id = member.id
    with Session(engine) as session:
        member = session.get(lib.Member, member_id)
        # @order_by(desc(borrowed_on)), loaded with selectin; each loan joins its copy.
        assert [loan.borrowed_on.day for loan in member.loans] == [3, 2, 1]
        assert all(loan.copy.shelf == "A1" for loan in member.loans)
        # ON DELETE RESTRICT with passive_deletes="all": a member with loans stays.
        session.delete(member)
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        assert _count(session, "loans") == 3


def test_set_null_self_reference_and_two_references(
    library: tuple[ModuleType, Engine],
) -> None:
    lib, engine = library
    with Session(engine) as session:
        ann, ben, cid = _member(lib, "ann"), _member(lib, "ben"), _member(lib, "cid")
        ben.referrer = ann
        cid.referrer = ann
        book = _book(lib, "9780000000003")
        review = lib.Review(book=book, author=ben, moderator=ann, stars=4)
        session.add_all([ann, ben, cid, review])
        session.commit()
        assert [m.name for m in ann.referrals] == ["ben", "cid"]  # @order_by(name)
        assert [r.stars for r in ann.moderated] == [4]
        ann_id, ben_id, review_id = ann.id, ben.id, review.id
    with Session(engine) as session:
        # ON DELETE SET NULL, left to the database (passive_deletes=True).
        session.execute(text(f"DELETE FROM members WHERE id = {ann_id}"))
        session.commit()
        assert session.get(lib.Member, ben_id).referrer is None
        assert session.get(lib.Review, review_id).moderator is None


def test_write_only_collection_is_queried_not_loaded(
    library: tuple[ModuleType, Engine],
) -> None:
    lib, engine = library
    with Session(engine) as session:
        dee = _member(lib, "dee")
        book = _book(lib, "9780000000004")
        session.add_all([dee, book])
        dee.reviews.add(lib.Review(book=book, stars=5))
        dee.reviews.add(lib.Review(book=book, stars=3))
        session.commit()
        stars = session.scalars(dee.reviews.select().order_by(lib.Review.stars)).all()
        assert [r.stars for r in stars] == [3, 5]
        assert session.scalar(select(func.count()).select_from(lib.Review)) == 2
        # Deleting the author deletes the reviews in the database (passive_deletes).
        session.delete(dee)
        session.commit()
        assert _count(session, "reviews") == 0


def test_loading_strategies_are_declared() -> None:
    lib = _package("library")
    lazy = {
        (mapper.class_.__name__, rel.key): rel.lazy
        for mapper in lib.Base.registry.mappers
        for rel in mapper.relationships
    }
    assert lazy[("Member", "loans")] == "selectin"
    assert lazy[("Author", "books")] == "selectin"
    assert lazy[("Loan", "copy")] == "joined"
    assert lazy[("Member", "reviews")] == "write_only"
    assert lazy[("Book", "tags")] == "select"
    assert lazy[("Tag", "books")] == "raise"


def test_rows_that_reference_each_other_across_a_cycle(database: Engine) -> None:
    """persons <-> messages: the deferred key is set by post_update in one flush."""
    relations = _package("relations")
    relations.Base.metadata.create_all(database)
    with Session(database) as session:
        person = relations.Person(name="Pia")
        message = relations.Message(sender=person, recipient=person, body="hi")
        person.pinned = message
        session.add(person)
        session.commit()
        assert session.get(relations.Person, person.id).pinned_id == message.id
