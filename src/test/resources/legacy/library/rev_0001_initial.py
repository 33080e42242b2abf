"""Create the library.sqd schema: tables, indexes, constraints and enum types.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("referrer_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["referrer_id"],
            ["members.id"],
            name=op.f("fk_members_referrer_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("email", name=op.f("uq_members_email")),
        comment="A person who may borrow books.",
    )
    op.create_index(
        op.f("ix_members_referrer_id"), "members", ["referrer_id"], unique=False
    )
    op.create_table(
        "library_cards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("barcode", sa.String(length=32), nullable=False),
        sa.Column(
            "issued_on",
            sa.Date(),
            server_default=sa.func.current_date(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_library_cards_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_cards")),
        sa.UniqueConstraint("member_id", name=op.f("uq_library_cards_member_id")),
        sa.UniqueConstraint("barcode", name=op.f("uq_library_cards_barcode")),
        comment="The one card a member holds (one-to-one).",
    )
    op.create_table(
        "books",
        sa.Column("isbn", sa.String(length=13), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("isbn", name=op.f("pk_books")),
        comment="A book title; its copies are what members borrow.",
    )
    op.create_table(
        "authors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authors")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("label", name=op.f("uq_tags_label")),
    )
    op.create_table(
        "editions",
        sa.Column("book_isbn", sa.String(length=13), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("year", sa.SmallInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["book_isbn"],
            ["books.isbn"],
            name=op.f("fk_editions_book_isbn_books"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("book_isbn", "number", name=op.f("pk_editions")),
        comment=(
            "One edition of a book: its key is the book and the edition number "
            "(composite primary key)."
        ),
    )
    op.create_table(
        "copies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("edition_book_isbn", sa.String(length=13), nullable=False),
        sa.Column("edition_number", sa.Integer(), nullable=False),
        sa.Column("shelf", sa.String(length=10), nullable=False),
        sa.ForeignKeyConstraint(
            ["edition_book_isbn", "edition_number"],
            ["editions.book_isbn", "editions.number"],
            name=op.f("fk_copies_edition_book_isbn_editions"),
            ondelete="CASCADE",
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copies")),
        comment="A physical copy of an edition (composite foreign key).",
    )
    op.create_index(
        op.f("ix_copies_edition_book_isbn"),
        "copies",
        ["edition_book_isbn"],
        unique=False,
    )
    op.create_table(
        "loans",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("copy_id", sa.Integer(), nullable=False),
        sa.Column(
            "borrowed_on",
            sa.Date(),
            server_default=sa.func.current_date(),
            nullable=False,
        ),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["copy_id"],
            ["copies.id"],
            name=op.f("fk_loans_copy_id_copies"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_loans_member_id_members"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "member_id", "copy_id", "borrowed_on", name=op.f("pk_loans")
        ),
        comment=(
            "A member borrowing a copy: an association object with its own columns."
        ),
    )
    op.create_index(op.f("ix_loans_copy_id"), "loans", ["copy_id"], unique=False)
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_isbn", sa.String(length=13), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("moderator_id", sa.Integer(), nullable=True),
        sa.Column("stars", sa.SmallInteger(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["members.id"],
            name=op.f("fk_reviews_author_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["book_isbn"],
            ["books.isbn"],
            name=op.f("fk_reviews_book_isbn_books"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["members.id"],
            name=op.f("fk_reviews_moderator_id_members"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reviews")),
        comment=(
            "A member's review of a book (two references, one of them to the reviewer)."
        ),
    )
    op.create_index(
        op.f("ix_reviews_author_id"), "reviews", ["author_id"], unique=False
    )
    op.create_index(
        op.f("ix_reviews_book_isbn"), "reviews", ["book_isbn"], unique=False
    )
    op.create_index(
        op.f("ix_reviews_moderator_id"), "reviews", ["moderator_id"], unique=False
    )
    op.create_table(
        "book_authors",
        sa.Column("book_isbn", sa.String(length=13), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["authors.id"],
            name=op.f("fk_book_authors_author_id_authors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["book_isbn"],
            ["books.isbn"],
            name=op.f("fk_book_authors_book_isbn_books"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("book_isbn", "author_id", name=op.f("pk_book_authors")),
    )
    op.create_table(
        "book_tags",
        sa.Column("book_isbn", sa.String(length=13), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["book_isbn"],
            ["books.isbn"],
            name=op.f("fk_book_tags_book_isbn_books"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["tags.id"],
            name=op.f("fk_book_tags_tag_id_tags"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("book_isbn", "tag_id", name=op.f("pk_book_tags")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("book_tags")
    op.drop_table("book_authors")
    op.drop_index(op.f("ix_reviews_moderator_id"), table_name="reviews")
    op.drop_index(op.f("ix_reviews_book_isbn"), table_name="reviews")
    op.drop_index(op.f("ix_reviews_author_id"), table_name="reviews")
    op.drop_table("reviews")
    op.drop_index(op.f("ix_loans_copy_id"), table_name="loans")
    op.drop_table("loans")
    op.drop_index(op.f("ix_copies_edition_book_isbn"), table_name="copies")
    op.drop_table("copies")
    op.drop_table("editions")
    op.drop_table("tags")
    op.drop_table("authors")
    op.drop_table("books")
    op.drop_table("library_cards")
    op.drop_index(op.f("ix_members_referrer_id"), table_name="members")
    op.drop_table("members")
