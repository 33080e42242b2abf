"""Create the shop.sqd schema: tables, indexes, constraints and enum types.

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
order_status_enum = postgresql.ENUM(
    "pending",
    "paid",
    "shipped",
    "delivered",
    "cancelled",
    name="order_status",
    create_type=False,
)
payment_method_enum = postgresql.ENUM(
    "card", "bankTransfer", "invoice", name="payment_method", create_type=False
)


def upgrade() -> None:
    """Upgrade schema."""
    order_status_enum.create(op.get_bind(), checkfirst=False)
    payment_method_enum.create(op.get_bind(), checkfirst=False)
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("full_name", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column(
            "newsletter",
            sa.Boolean(),
            nullable=False,
            comment="Marketing e-mails only with consent.",
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customers")),
        sa.UniqueConstraint("email", name=op.f("uq_customers_email")),
        comment="A person who buys from the shop.",
    )
    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "price",
            sa.Numeric(precision=10, scale=2),
            nullable=False,
            comment="Unit price in the shop's currency.",
        ),
        sa.Column("weight_kg", sa.Double(), nullable=True),
        sa.Column("in_stock", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("sku", name=op.f("uq_products_sku")),
        comment="Something the shop sells.",
    )
    op.create_table(
        "orders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("status", order_status_enum, nullable=False),
        sa.Column("payment", payment_method_enum, nullable=True),
        sa.Column("total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column(
            "placed_on",
            sa.Date(),
            server_default=sa.func.current_date(),
            nullable=False,
        ),
        sa.Column("shipped_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customers.id"],
            name=op.f("fk_orders_customer_id_customers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        comment="One purchase by one customer.",
    )
    op.create_index(
        op.f("ix_orders_customer_id"), "orders", ["customer_id"], unique=False
    )
    op.create_index(op.f("ix_orders_status"), "orders", ["status"], unique=False)
    op.create_table(
        "order_lines",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.SmallInteger(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_order_lines_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name=op.f("fk_order_lines_product_id_products"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
        comment="A product and a quantity within an order.",
    )
    op.create_index(
        op.f("ix_order_lines_order_id"), "order_lines", ["order_id"], unique=False
    )
    op.create_index(
        op.f("ix_order_lines_product_id"), "order_lines", ["product_id"], unique=False
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_order_lines_product_id"), table_name="order_lines")
    op.drop_index(op.f("ix_order_lines_order_id"), table_name="order_lines")
    op.drop_table("order_lines")
    op.drop_index(op.f("ix_orders_status"), table_name="orders")
    op.drop_index(op.f("ix_orders_customer_id"), table_name="orders")
    op.drop_table("orders")
    op.drop_table("products")
    op.drop_table("customers")
    payment_method_enum.drop(op.get_bind(), checkfirst=False)
    order_status_enum.drop(op.get_bind(), checkfirst=False)
