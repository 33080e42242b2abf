"""Create the films.sqd schema: tables, indexes, constraints and enum types.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Enum types are created and dropped here, once each: create_type=False keeps every
# op.create_table() that uses one from creating it again (on PostgreSQL).
mpaa_rating_enum = postgresql.ENUM(
    "G", "PG", "PG-13", "R", "NC-17", name="mpaa_rating", create_type=False
)


def per_database(**sql: str) -> sa.TextClause:
    """A server default for the database this revision runs on (NULL: none)."""
    return sa.text(sql.get(op.get_context().dialect.name, "NULL"))


def upgrade() -> None:
    """Upgrade schema."""
    mpaa_rating_enum.create(op.get_bind(), checkfirst=False)
    op.create_table(
        "language",
        sa.Column(
            "language_id",
            sa.SmallInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("name", sa.CHAR(length=20), nullable=False),
        sa.Column(
            "last_update",
            sa.DateTime(),
            server_default=per_database(postgresql="now()", sqlite="CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("language_id", name=op.f("language_pkey")),
    )
    op.create_table(
        "film",
        sa.Column("film_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("release_year", sa.SmallInteger(), nullable=True),
        sa.Column("language_id", sa.SmallInteger(), nullable=False),
        sa.Column(
            "rental_duration",
            sa.SmallInteger(),
            server_default=sa.text("3"),
            nullable=False,
        ),
        sa.Column(
            "rental_rate",
            sa.Numeric(precision=4, scale=2),
            server_default=sa.text("4.99"),
            nullable=False,
        ),
        sa.Column("length", sa.SmallInteger(), nullable=True),
        sa.Column(
            "replacement_cost",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("19.99"),
            nullable=False,
        ),
        sa.Column("rating", mpaa_rating_enum, server_default="G", nullable=True),
        sa.Column(
            "special_features",
            postgresql.ARRAY(sa.Text()).with_variant(sa.JSON(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "fulltext",
            postgresql.TSVECTOR().with_variant(sa.Text(), "sqlite"),
            nullable=True,
        ),
        sa.Column(
            "extra", postgresql.JSONB().with_variant(sa.JSON(), "sqlite"), nullable=True
        ),
        sa.Column("times_rented", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["language_id"],
            ["language.language_id"],
            name=op.f("film_language_id_fkey"),
        ),
        sa.PrimaryKeyConstraint("film_id", name=op.f("film_pkey")),
        sa.CheckConstraint("rental_rate >= 0", name=op.f("film_rental_rate_check")),
        comment="A film of the catalogue.",
    )
    op.create_index(
        op.f("film_fulltext_idx"),
        "film",
        ["fulltext"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        op.f("idx_film_lower_title"), "film", [sa.text("lower(title)")], unique=False
    )
    op.create_index(op.f("idx_fk_language_id"), "film", ["language_id"], unique=False)
    op.create_index(op.f("idx_title"), "film", ["title"], unique=False)
    op.create_table(
        "actor",
        sa.Column("actor_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("first_name", sa.String(length=45), nullable=False),
        sa.Column("last_name", sa.String(length=45), nullable=False),
        sa.Column(
            "last_update",
            sa.DateTime(),
            server_default=per_database(postgresql="now()", sqlite="CURRENT_TIMESTAMP"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("actor_id", name=op.f("actor_pkey")),
    )
    op.create_index(op.f("idx_actor_last_name"), "actor", ["last_name"], unique=False)
    op.create_table(
        "payment",
        sa.Column("payment_id", sa.Integer(), nullable=False),
        sa.Column("payment_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("amount", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("film_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint(
            "payment_date", "payment_id", name=op.f("payment_pkey")
        ),
        comment="A payment, keyed in the order the original table declares.",
    )
    op.create_index(op.f("idx_payment_film_id"), "payment", ["film_id"], unique=False)
    op.create_index(
        op.f("idx_payment_positive"),
        "payment",
        ["payment_date"],
        unique=False,
        postgresql_where=sa.text("amount > 0"),
        sqlite_where=sa.text("amount > 0"),
    )
    op.create_table(
        "film_actor",
        sa.Column("film_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actor.actor_id"], name=op.f("film_actor_actor_id_fkey")
        ),
        sa.ForeignKeyConstraint(
            ["film_id"], ["film.film_id"], name=op.f("film_actor_film_id_fkey")
        ),
        sa.PrimaryKeyConstraint("film_id", "actor_id", name=op.f("film_actor_pkey")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table("film_actor")
    op.drop_index(op.f("idx_payment_positive"), table_name="payment")
    op.drop_index(op.f("idx_payment_film_id"), table_name="payment")
    op.drop_table("payment")
    op.drop_index(op.f("idx_actor_last_name"), table_name="actor")
    op.drop_table("actor")
    op.drop_index(op.f("idx_title"), table_name="film")
    op.drop_index(op.f("idx_fk_language_id"), table_name="film")
    op.drop_index(op.f("idx_film_lower_title"), table_name="film")
    op.drop_index(op.f("film_fulltext_idx"), table_name="film")
    op.drop_table("film")
    op.drop_table("language")
    mpaa_rating_enum.drop(op.get_bind(), checkfirst=False)
