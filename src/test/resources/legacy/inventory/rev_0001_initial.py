"""Create the inventory.sqd schema: tables, indexes, constraints and enum types.

Revision ID: 0001
Revises:
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.schema import CreateSchema, DropSchema

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    # SQLite has no schemas: there these tables live in the main database
    # (database.py translates the schema away).
    if op.get_context().dialect.name != "sqlite":
        op.execute(CreateSchema("stock"))
    op.create_table(
        "warehouses",
        sa.Column("id", sa.Integer(), sa.Identity(always=True), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_warehouses")),
        sa.UniqueConstraint("code", name=op.f("uq_warehouses_code")),
        sa.CheckConstraint("length(code) >= 2", name=op.f("ck_warehouses_code")),
        sa.UniqueConstraint("region", "name", name=op.f("uq_warehouses_region_name")),
        schema="stock",
        comment="A place where stock is kept.",
    )
    op.create_table(
        "products",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False),
            nullable=False,
        ),
        sa.Column("sku", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("price", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column(
            "needs_review",
            sa.Boolean(),
            nullable=False,
            comment="Set on every change, so that someone looks at the product again.",
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("sku", name=op.f("uq_products_sku")),
        sa.CheckConstraint("price >= 0", name=op.f("ck_products_price")),
        schema="stock",
        comment="Something that can be stocked.",
    )
    op.create_table(
        "stock_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("warehouse_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.BigInteger(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column(
            "available",
            sa.Integer(),
            sa.Computed("quantity - reserved", persisted=True),
            nullable=False,
        ),
        sa.Column("unit_cost", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column(
            "stock_value",
            sa.Numeric(precision=14, scale=2),
            sa.Computed("quantity * unit_cost", persisted=True),
            nullable=False,
        ),
        sa.Column("counted_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["stock.products.id"],
            name=op.f("fk_stock_levels_product_id_products"),
        ),
        sa.ForeignKeyConstraint(
            ["warehouse_id"],
            ["stock.warehouses.id"],
            name=op.f("fk_stock_levels_warehouse_id_warehouses"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_levels")),
        sa.CheckConstraint(
            "quantity >= 0 AND reserved >= 0", name=op.f("ck_stock_levels_not_negative")
        ),
        sa.UniqueConstraint(
            "warehouse_id",
            "product_id",
            name=op.f("uq_stock_levels_warehouse_id_product_id"),
        ),
        comment="How much of a product one warehouse holds.",
    )
    op.create_index(
        op.f("ix_stock_levels_product_id"), "stock_levels", ["product_id"], unique=False
    )
    op.create_index(
        op.f("ix_stock_levels_product_id_counted_at"),
        "stock_levels",
        ["product_id", sa.text("counted_at DESC")],
        unique=False,
    )
    op.create_index(
        op.f("ix_stock_levels_warehouse_id"),
        "stock_levels",
        ["warehouse_id"],
        unique=False,
    )
    op.create_table(
        "movements",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            sa.Identity(always=False),
            nullable=False,
        ),
        sa.Column("level_id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=30), nullable=False),
        sa.Column("line", sa.SmallInteger(), nullable=False),
        sa.Column("delta", sa.Integer(), nullable=False),
        sa.Column(
            "moved_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["level_id"],
            ["stock_levels.id"],
            name=op.f("fk_movements_level_id_stock_levels"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_movements")),
        sa.CheckConstraint("delta <> 0", name=op.f("ck_movements_delta")),
        schema="stock",
        comment=(
            "Stock moved into or out of a warehouse: one line of a delivery or "
            "dispatch."
        ),
    )
    op.create_index(
        op.f("ix_movements_level_id"),
        "movements",
        ["level_id"],
        unique=False,
        schema="stock",
    )
    op.create_index(
        op.f("ix_movements_level_id_moved_at"),
        "movements",
        ["level_id", sa.text("moved_at DESC")],
        unique=False,
        schema="stock",
    )
    op.create_index(
        op.f("ix_movements_reference_line"),
        "movements",
        ["reference", "line"],
        unique=True,
        schema="stock",
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(
        op.f("ix_movements_reference_line"), table_name="movements", schema="stock"
    )
    op.drop_index(
        op.f("ix_movements_level_id_moved_at"), table_name="movements", schema="stock"
    )
    op.drop_index(op.f("ix_movements_level_id"), table_name="movements", schema="stock")
    op.drop_table("movements", schema="stock")
    op.drop_index(op.f("ix_stock_levels_warehouse_id"), table_name="stock_levels")
    op.drop_index(
        op.f("ix_stock_levels_product_id_counted_at"), table_name="stock_levels"
    )
    op.drop_index(op.f("ix_stock_levels_product_id"), table_name="stock_levels")
    op.drop_table("stock_levels")
    op.drop_table("products", schema="stock")
    op.drop_table("warehouses", schema="stock")
    # SQLite has no schemas: there these tables live in the main database
    # (database.py translates the schema away).
    if op.get_context().dialect.name != "sqlite":
        op.execute(DropSchema("stock"))
