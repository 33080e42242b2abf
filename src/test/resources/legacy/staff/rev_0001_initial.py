"""Create the staff.sqd schema: tables, indexes, constraints and enum types.

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
role_enum = postgresql.ENUM(
    "employee", "engineer", "manager", name="role", create_type=False
)


def upgrade() -> None:
    """Upgrade schema."""
    role_enum.create(op.get_bind(), checkfirst=False)
    op.create_table(
        "departments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Set by the application on each change.",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_departments")),
        sa.UniqueConstraint("name", name=op.f("uq_departments_name")),
    )
    op.create_table(
        "employees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", role_enum, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Set by the application on each change.",
        ),
        sa.Column("tag", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_employees_department_id_departments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employees")),
        comment="Anyone on the payroll; subclasses add a table each.",
    )
    op.create_index(
        op.f("ix_employees_department_id"), "employees", ["department_id"], unique=False
    )
    op.create_index(op.f("ix_employees_tag"), "employees", ["tag"], unique=False)
    op.create_table(
        "engineers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["id"],
            ["employees.id"],
            name=op.f("fk_engineers_id_employees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engineers")),
    )
    op.create_table(
        "managers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("budget", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["id"],
            ["employees.id"],
            name=op.f("fk_managers_id_employees"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_managers")),
        comment="A manager, with a budget of their own.",
    )
    op.create_table(
        "assets",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("label", sa.String(length=80), nullable=False),
        sa.Column("tag", sa.String(length=40), nullable=True),
        sa.Column("seats", sa.Integer(), nullable=True),
        sa.Column("serial", sa.String(length=40), nullable=True),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            nullable=True,
            comment="Set by the application on each change.",
        ),
        sa.ForeignKeyConstraint(
            ["holder_id"], ["engineers.id"], name=op.f("fk_assets_holder_id_engineers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assets")),
        sa.UniqueConstraint("serial", name=op.f("uq_assets_serial")),
        comment="Something that can be booked: a room, or a laptop.",
    )
    op.create_index(op.f("ix_assets_holder_id"), "assets", ["holder_id"], unique=False)
    op.create_index(op.f("ix_assets_tag"), "assets", ["tag"], unique=False)
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["department_id"],
            ["departments.id"],
            name=op.f("fk_projects_department_id_departments"),
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["engineers.id"], name=op.f("fk_projects_lead_id_engineers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_index(
        op.f("ix_projects_department_id"), "projects", ["department_id"], unique=False
    )
    op.create_index(op.f("ix_projects_lead_id"), "projects", ["lead_id"], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index(op.f("ix_projects_lead_id"), table_name="projects")
    op.drop_index(op.f("ix_projects_department_id"), table_name="projects")
    op.drop_table("projects")
    op.drop_index(op.f("ix_assets_tag"), table_name="assets")
    op.drop_index(op.f("ix_assets_holder_id"), table_name="assets")
    op.drop_table("assets")
    op.drop_table("managers")
    op.drop_table("engineers")
    op.drop_index(op.f("ix_employees_tag"), table_name="employees")
    op.drop_index(op.f("ix_employees_department_id"), table_name="employees")
    op.drop_table("employees")
    op.drop_table("departments")
    role_enum.drop(op.get_bind(), checkfirst=False)
