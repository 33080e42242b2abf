"""Implied DDL switched off or spelled out, on the generated implied_ddl package.

src/test/resources/schemas/valid/implied_ddl.sqd writes: references without
their index (``@index(false)``), integer keys without auto-increment
(``@autoincrement(false)``), doc comments that stay docstrings or give way to
other database comments (``@comment``, ``@@comment``), a many-to-many over a
link table with its own name, column names and no ON DELETE clause
(``@through(..., fk:, target_fk:, ondelete: no_action)``), and relationships
that the ORM joins without a FOREIGN KEY constraint (``@fk(..., constraint:
false)``). These tests write rows through the ORM and read them back, on
SQLite and on PostgreSQL (when ``SQLAGEN_TEST_POSTGRES_URL`` is set), and look
at what the database has.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.exc import IntegrityError, SAWarning
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from conftest import ENV_VAR, discover_packages
from proof_databases import POSTGRESQL, ProofDatabases
from test_generated import load_package

PACKAGE = "implied_ddl"


@pytest.fixture(scope="module")
def implied() -> ModuleType:
    """The generated implied_ddl package, imported and configured."""
    try:
        packages = discover_packages(os.environ.get(ENV_VAR))
    except ValueError as exc:
        pytest.fail(str(exc), pytrace=False)
    found = [package for package in packages if package.name == PACKAGE]
    if not found:
        pytest.fail(
            f"{ENV_VAR} lists no {PACKAGE!r} package: generate "
            "src/test/resources/schemas/valid/implied_ddl.sqd into it",
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
def sqlite_engine(implied: ModuleType) -> Iterator[Engine]:
    engine = create_engine("sqlite://", poolclass=StaticPool)
    event.listen(engine, "connect", _foreign_keys_on)
    implied.Base.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def postgres_engine(implied: ModuleType) -> Iterator[Engine]:
    with tempfile.TemporaryDirectory(prefix="sqlagen-implied-") as workdir:
        databases = ProofDatabases(Path(workdir))
        try:
            engine = databases.for_package("implied", POSTGRESQL).engine()
            implied.Base.metadata.create_all(engine)
            yield engine
            engine.dispose()
        finally:
            databases.close()


@pytest.fixture(
    params=["sqlite_engine", "postgres_engine"], ids=["sqlite", "postgresql"]
)
def engine(request: pytest.FixtureRequest) -> Engine:
    result: Engine = request.getfixturevalue(request.param)
    return result


def _catalog(implied: ModuleType, engine: Engine) -> None:
    """An artist, an album, two tracks, a playlist of both."""
    m = implied
    with Session(engine) as session:
        artist = m.Artist(id=7, name="Nina")
        album = m.Album(id=70, title="Pastel Blues", artist=artist)
        first = m.Track(album=album, name="Be My Husband")
        second = m.Track(album=album, name="Sinnerman")
        session.add(m.Playlist(PlaylistId=3, name="Evening", tracks=[first, second]))
        session.commit()


def test_references_without_index(implied: ModuleType, engine: Engine) -> None:
    indexed = {
        tuple(index["column_names"])
        for table in ("albums", "tracks", "plays", "invoices")
        for index in inspect(engine).get_indexes(table)
    }
    assert ("artist_id",) not in indexed
    assert ("album_id",) not in indexed
    assert ("customer_ref",) not in indexed


def test_keys_without_autoincrement_are_given(
    implied: ModuleType, engine: Engine
) -> None:
    _catalog(implied, engine)
    with Session(engine) as session:
        artist = session.get(implied.Artist, 7)
        assert artist is not None
        assert [album.id for album in artist.albums] == [70]
    if engine.dialect.name == POSTGRESQL:
        columns = {c["name"]: c for c in inspect(engine).get_columns("artists")}
        assert columns["id"]["default"] is None  # no SERIAL sequence
        with Session(engine) as session:
            session.add(implied.Artist(name="nobody"))
            # SQLAlchemy warns that no value is given; the database refuses the NULL.
            with pytest.warns(SAWarning), pytest.raises(IntegrityError):
                session.flush()


def test_many_to_many_over_its_own_link_table(
    implied: ModuleType, engine: Engine
) -> None:
    _catalog(implied, engine)
    link = implied.models.playlist_track
    assert [c.name for c in link.columns] == ["TrackId", "PlaylistId"]
    assert all(fk.ondelete is None for fk in link.foreign_keys)
    with Session(engine) as session:
        playlist = session.get(implied.Playlist, 3)
        assert playlist is not None
        assert sorted(t.name for t in playlist.tracks) == ["Be My Husband", "Sinnerman"]
        assert [p.name for p in playlist.tracks[0].playlists] == ["Evening"]
        rows = session.execute(select(link.c.PlaylistId, link.c.TrackId)).all()
        assert len(rows) == 2 and {r.PlaylistId for r in rows} == {3}
        # The ORM removes the link rows itself: the database has no ON DELETE.
        session.delete(playlist)
        session.commit()
        assert session.execute(select(link)).all() == []
    for fk in inspect(engine).get_foreign_keys("playlist_track"):
        assert not (fk.get("options") or {}).get("ondelete")


def test_relationships_without_a_foreign_key_constraint(
    implied: ModuleType, engine: Engine
) -> None:
    m = implied
    assert inspect(engine).get_foreign_keys("invoices") == []
    assert inspect(engine).get_foreign_keys("customers") == []
    with Session(engine) as session:
        boss = m.Customer(id=1, name="Boss")
        clerk = m.Customer(id=2, name="Clerk", manager=boss)
        session.add_all([boss, clerk])
        session.add(m.Invoice(id=10, customer=clerk, total=Decimal("12.50")))
        session.commit()
    with Session(engine) as session:
        clerk = session.get(m.Customer, 2)
        assert clerk is not None
        assert clerk.manager is not None and clerk.manager.name == "Boss"
        assert [c.name for c in clerk.manager.reports] == ["Clerk"]
        assert [i.total for i in clerk.invoices] == [Decimal("12.50")]
        assert session.get(m.Invoice, 10).customer_ref == 2
        # No constraint: the database takes a key that points nowhere.
        session.add(m.Invoice(id=11, customer_ref=999, total=Decimal("1.00")))
        session.commit()


def test_comments(implied: ModuleType, engine: Engine) -> None:
    m = implied
    assert m.Album.__doc__ == "An album: the doc comment stays a docstring only."
    assert m.Album.__table__.comment is None
    assert m.Artist.__table__.comment == "Artists (keys set by the application)."
    assert m.Artist.__table__.c.name.comment is None
    assert m.Album.__table__.c.title.comment == "album title"
    if engine.dialect.name == POSTGRESQL:
        found = inspect(engine)
        assert found.get_table_comment("albums")["text"] is None
        assert found.get_table_comment("artists")["text"] == (
            "Artists (keys set by the application)."
        )
        columns = {c["name"]: c.get("comment") for c in found.get_columns("albums")}
        assert columns["title"] == "album title"
        assert columns["label"] == "the label, if any"
