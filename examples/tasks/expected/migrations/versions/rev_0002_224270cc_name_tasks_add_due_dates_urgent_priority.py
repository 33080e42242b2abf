"""Name tasks, add due dates, urgent priority and tags.

Revision ID: 0002_224270cc
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_224270cc"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Enum types are created and dropped here, once each: create_type=False keeps every
# op.create_table() that uses one from creating it again (on PostgreSQL).
priority_enum = postgresql.ENUM(
    "low", "normal", "high", "urgent", name="priority", create_type=False
)
priority_enum_previous = postgresql.ENUM(
    "low", "normal", "high", name="priority", create_type=False
)


def upgrade() -> None:
    """Upgrade schema."""
    # PostgreSQL adds enum values outside the transaction, so that the upgrade and the
    # application can use them at once; IF NOT EXISTS makes a retried upgrade pass here.
    if op.get_context().dialect.name != "sqlite":
        with op.get_context().autocommit_block():
            op.execute(
                "ALTER TYPE \"priority\" ADD VALUE IF NOT EXISTS 'urgent' AFTER 'high'"
            )
    # SQLite cannot alter tasks in place (the type of name changes): it is rebuilt.
    if op.get_context().dialect.name == "sqlite":
        op.create_table(
            "_sqlagen_new_tasks",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("project_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("notes", sa.Text(), nullable=True),
            sa.Column(
                "priority", priority_enum, server_default="normal", nullable=False
            ),
            sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
            sa.Column("due", sa.Date(), nullable=True),
            sa.Column(
                "created",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.ForeignKeyConstraint(
                ["project_id"],
                ["projects.id"],
                name=op.f("fk_tasks_project_id_projects"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
            comment="A piece of work.",
        )
        op.execute(
            'INSERT INTO "_sqlagen_new_tasks" ("id", "project_id", "name", "notes", '
            '"priority", "done", "created") SELECT "id", "project_id", "title", '
            '"notes", "priority", "done", "created" FROM "tasks"'
        )
        op.drop_table("tasks")
        op.rename_table("_sqlagen_new_tasks", "tasks")
        op.create_index(
            op.f("ix_tasks_project_id"), "tasks", ["project_id"], unique=False
        )
        op.create_index(
            op.f("ix_tasks_project_id_due"),
            "tasks",
            ["project_id", "due"],
            unique=False,
        )
    else:
        op.alter_column("tasks", "title", new_column_name="name")
        op.add_column("tasks", sa.Column("due", sa.Date(), nullable=True))
        op.alter_column(
            "tasks",
            "name",
            existing_type=sa.String(length=120),
            type_=sa.String(length=200),
            existing_nullable=False,
        )
        op.create_index(
            op.f("ix_tasks_project_id_due"),
            "tasks",
            ["project_id", "due"],
            unique=False,
        )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("label", name=op.f("uq_tags_label")),
        comment='A label for tasks, such as "bug" or "docs".',
    )
    op.create_table(
        "task_tags",
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["tags.id"],
            name=op.f("fk_task_tags_tag_id_tags"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["task_id"],
            ["tasks.id"],
            name=op.f("fk_task_tags_task_id_tasks"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("task_id", "tag_id", name=op.f("pk_task_tags")),
    )


def downgrade() -> None:
    """Downgrade schema."""
    # SQLite cannot alter tasks in place (the type of title changes): it is rebuilt.
    if op.get_context().dialect.name == "sqlite":
        op.create_table(
            "_sqlagen_new_tasks",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("project_id", sa.Integer(), nullable=False),
            sa.Column("title", sa.String(length=120), nullable=False),
            sa.Column("notes", sa.Text(), nullable=True),
            sa.Column(
                "priority",
                priority_enum_previous,
                server_default="normal",
                nullable=False,
            ),
            sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
            sa.Column(
                "created",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.ForeignKeyConstraint(
                ["project_id"],
                ["projects.id"],
                name=op.f("fk_tasks_project_id_projects"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
            comment="A piece of work.",
        )
        op.execute(
            'INSERT INTO "_sqlagen_new_tasks" ("id", "project_id", "title", "notes", '
            '"priority", "done", "created") SELECT "id", "project_id", "name", '
            '"notes", "priority", "done", "created" FROM "tasks"'
        )
        op.drop_table("tasks")
        op.rename_table("_sqlagen_new_tasks", "tasks")
        op.create_index(
            op.f("ix_tasks_project_id"), "tasks", ["project_id"], unique=False
        )
    else:
        op.drop_index(op.f("ix_tasks_project_id_due"), table_name="tasks")
        op.alter_column("tasks", "name", new_column_name="title")
        op.alter_column(
            "tasks",
            "title",
            existing_type=sa.String(length=200),
            type_=sa.String(length=120),
            existing_nullable=False,
        )
        op.drop_column("tasks", "due")
    op.drop_table("task_tags")
    op.drop_table("tags")
    # PostgreSQL cannot drop or reorder an enum's values: the type is created anew and
    # its columns converted (a row holding a dropped value stops the upgrade).
    if op.get_context().dialect.name != "sqlite":
        op.execute('ALTER TYPE "priority" RENAME TO "priority_sqlagen_old"')
        priority_enum_previous.create(op.get_bind(), checkfirst=False)
        op.execute('ALTER TABLE "tasks" ALTER COLUMN "priority" DROP DEFAULT')
        op.execute(
            'ALTER TABLE "tasks" ALTER COLUMN "priority" TYPE "priority" USING '
            '"priority"::text::"priority"'
        )
        op.execute('ALTER TABLE "tasks" ALTER COLUMN "priority" SET DEFAULT \'normal\'')
        op.execute('DROP TYPE "priority_sqlagen_old"')
