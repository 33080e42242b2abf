"""Boards instead of projects; task states; notes required.

Revision ID: 0003_0bc00407
Revises: 0002_224270cc
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003_0bc00407"
down_revision: str | Sequence[str] | None = "0002_224270cc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Enum types are created and dropped here, once each: create_type=False keeps every
# op.create_table() that uses one from creating it again (on PostgreSQL).
state_enum = postgresql.ENUM("todo", "doing", "done", name="state", create_type=False)
priority_enum = postgresql.ENUM(
    "low", "medium", "high", "urgent", name="priority", create_type=False
)
priority_enum_previous = postgresql.ENUM(
    "low", "normal", "high", "urgent", name="priority", create_type=False
)


def upgrade() -> None:
    """Upgrade schema."""
    # Accepted (--allow-data-loss): Drops tasks.done and its data.
    # Enum types are PostgreSQL's; SQLite stores the values as text, renamed in the
    # rows.
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            'UPDATE "tasks" SET "priority" = \'medium\' WHERE "priority" = \'normal\''
        )
    else:
        op.execute("ALTER TYPE \"priority\" RENAME VALUE 'normal' TO 'medium'")
    state_enum.create(op.get_bind(), checkfirst=False)
    # SQLite cannot alter boards in place (its constraints are named after the table):
    # it is rebuilt.
    if op.get_context().dialect.name == "sqlite":
        op.create_table(
            "_sqlagen_new_boards",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_boards")),
            sa.UniqueConstraint("name", name=op.f("uq_boards_name")),
            comment="A board that holds tasks.",
        )
        op.execute(
            'INSERT INTO "_sqlagen_new_boards" ("id", "name") SELECT "id", "name" FROM '
            '"projects"'
        )
        op.drop_table("projects")
        op.rename_table("_sqlagen_new_boards", "boards")
    else:
        op.rename_table("projects", "boards")
        op.create_table_comment(
            "boards",
            "A board that holds tasks.",
            existing_comment="A project that holds tasks.",
        )
        op.execute(
            'ALTER SEQUENCE IF EXISTS "projects_id_seq" RENAME TO "boards_id_seq"'
        )
        op.execute(
            'ALTER TABLE "boards" RENAME CONSTRAINT "pk_projects" TO "pk_boards"'
        )
        op.execute(
            'ALTER TABLE "boards" RENAME CONSTRAINT "uq_projects_name" TO '
            '"uq_boards_name"'
        )
    # SQLite cannot alter tasks in place (a foreign key is renamed): it is rebuilt.
    if op.get_context().dialect.name == "sqlite":
        op.create_table(
            "_sqlagen_new_tasks",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("board_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("notes", sa.Text(), server_default="", nullable=False),
            sa.Column(
                "priority", priority_enum, server_default="medium", nullable=False
            ),
            sa.Column("state", state_enum, server_default="todo", nullable=False),
            sa.Column("due", sa.Date(), nullable=True),
            sa.Column(
                "created",
                sa.DateTime(timezone=True),
                server_default=sa.func.now(),
                nullable=False,
            ),
            sa.ForeignKeyConstraint(
                ["board_id"],
                ["boards.id"],
                name=op.f("fk_tasks_board_id_boards"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_tasks")),
            comment="A piece of work.",
        )
        op.execute(
            'INSERT INTO "_sqlagen_new_tasks" ("id", "board_id", "name", "notes", '
            '"priority", "due", "created") SELECT "id", "project_id", "name", '
            'COALESCE("notes", \'\'), "priority", "due", "created" FROM "tasks"'
        )
        op.drop_table("tasks")
        op.rename_table("_sqlagen_new_tasks", "tasks")
        op.create_index(op.f("ix_tasks_board_id"), "tasks", ["board_id"], unique=False)
        op.create_index(
            op.f("ix_tasks_board_id_due"), "tasks", ["board_id", "due"], unique=False
        )
    else:
        op.execute('ALTER INDEX "ix_tasks_project_id" RENAME TO "ix_tasks_board_id"')
        op.execute(
            'ALTER INDEX "ix_tasks_project_id_due" RENAME TO "ix_tasks_board_id_due"'
        )
        op.alter_column("tasks", "project_id", new_column_name="board_id")
        op.add_column(
            "tasks",
            sa.Column("state", state_enum, server_default="todo", nullable=False),
        )
        op.execute('UPDATE "tasks" SET "notes" = \'\' WHERE "notes" IS NULL')
        op.alter_column(
            "tasks", "notes", existing_type=sa.Text(), nullable=False, server_default=""
        )
        op.drop_column("tasks", "done")
        op.execute(
            'ALTER TABLE "tasks" RENAME CONSTRAINT "fk_tasks_project_id_projects" TO '
            '"fk_tasks_board_id_boards"'
        )


def downgrade() -> None:
    """Downgrade schema."""
    # Enum types are PostgreSQL's; SQLite stores the values as text, renamed in the
    # rows.
    if op.get_context().dialect.name == "sqlite":
        op.execute(
            'UPDATE "tasks" SET "priority" = \'normal\' WHERE "priority" = \'medium\''
        )
    else:
        op.execute("ALTER TYPE \"priority\" RENAME VALUE 'medium' TO 'normal'")
    # SQLite cannot alter projects in place (its constraints are named after the table):
    # it is rebuilt.
    if op.get_context().dialect.name == "sqlite":
        op.create_table(
            "_sqlagen_new_projects",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=100), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
            sa.UniqueConstraint("name", name=op.f("uq_projects_name")),
            comment="A project that holds tasks.",
        )
        op.execute(
            'INSERT INTO "_sqlagen_new_projects" ("id", "name") SELECT "id", "name" '
            'FROM "boards"'
        )
        op.drop_table("boards")
        op.rename_table("_sqlagen_new_projects", "projects")
    else:
        op.rename_table("boards", "projects")
        op.create_table_comment(
            "projects",
            "A project that holds tasks.",
            existing_comment="A board that holds tasks.",
        )
        op.execute(
            'ALTER SEQUENCE IF EXISTS "boards_id_seq" RENAME TO "projects_id_seq"'
        )
        op.execute(
            'ALTER TABLE "projects" RENAME CONSTRAINT "pk_boards" TO "pk_projects"'
        )
        op.execute(
            'ALTER TABLE "projects" RENAME CONSTRAINT "uq_boards_name" TO '
            '"uq_projects_name"'
        )
    # The upgrade dropped tasks.done and its data: it comes back with its default.
    # SQLite cannot alter tasks in place (a foreign key is renamed): it is rebuilt.
    if op.get_context().dialect.name == "sqlite":
        op.create_table(
            "_sqlagen_new_tasks",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("project_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.String(length=200), nullable=False),
            sa.Column("notes", sa.Text(), nullable=True),
            sa.Column(
                "priority",
                priority_enum_previous,
                server_default="normal",
                nullable=False,
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
            '"priority", "due", "created") SELECT "id", "board_id", "name", "notes", '
            '"priority", "due", "created" FROM "tasks"'
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
        op.execute('ALTER INDEX "ix_tasks_board_id" RENAME TO "ix_tasks_project_id"')
        op.execute(
            'ALTER INDEX "ix_tasks_board_id_due" RENAME TO "ix_tasks_project_id_due"'
        )
        op.alter_column("tasks", "board_id", new_column_name="project_id")
        op.add_column(
            "tasks",
            sa.Column("done", sa.Boolean(), server_default=sa.false(), nullable=False),
        )
        op.alter_column(
            "tasks",
            "notes",
            existing_type=sa.Text(),
            nullable=True,
            server_default=None,
            existing_server_default="",
        )
        op.drop_column("tasks", "state")
        op.execute(
            'ALTER TABLE "tasks" RENAME CONSTRAINT "fk_tasks_board_id_boards" TO '
            '"fk_tasks_project_id_projects"'
        )
    state_enum.drop(op.get_bind(), checkfirst=False)
