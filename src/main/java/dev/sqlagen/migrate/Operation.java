package dev.sqlagen.migrate;

import dev.sqlagen.state.CheckState;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.ForeignKeyState;
import dev.sqlagen.state.IndexState;
import dev.sqlagen.state.PrimaryKeyState;
import dev.sqlagen.state.TableState;
import dev.sqlagen.state.UniqueState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema change, as data: what a revision does, in Alembic's vocabulary. The planner decides
 * them and their order; rendering them as Python is the plan stage's business. Tables and
 * constraints are described by the state records they create.
 */
public sealed interface Operation {
  /** The table an operation works on, where it has one: every operation on a table names its schema too. */
  record Table(String name, Optional<String> schema) {
    public Table {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(schema, "schema");
    }

    public static Table of(TableState table) {
      return new Table(table.name(), table.schema());
    }
  }

  /** A named database enum type (PostgreSQL {@code CREATE TYPE}; nothing elsewhere). */
  record CreateEnum(EnumState type) implements Operation {
    public CreateEnum {
      Objects.requireNonNull(type, "type");
    }
  }

  /** Drops what {@link CreateEnum} created. */
  record DropEnum(EnumState type) implements Operation {
    public DropEnum {
      Objects.requireNonNull(type, "type");
    }
  }

  /** A PostgreSQL schema; nothing on SQLite, which keeps those tables in its main database. */
  record CreateSchema(String name) implements Operation {
    public CreateSchema {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Drops what {@link CreateSchema} created. */
  record DropSchema(String name) implements Operation {
    public DropSchema {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A table with its columns and constraints. Its foreign keys that {@code useAlter} are in it
   * for SQLite (which cannot add them later) and added afterwards elsewhere; {@code foreignKeys}
   * false leaves every foreign key out (they are added by {@link AddForeignKey}).
   */
  record CreateTable(TableState table, boolean foreignKeys) implements Operation {
    public CreateTable {
      Objects.requireNonNull(table, "table");
    }
  }

  /** Drops a table. */
  record DropTable(Table table) implements Operation {
    public DropTable {
      Objects.requireNonNull(table, "table");
    }
  }

  /** Renames a table, within its schema. */
  record RenameTable(Table table, String newName) implements Operation {
    public RenameTable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(newName, "newName");
    }
  }

  /** An index over columns of a table. */
  record CreateIndex(IndexState index, Table table) implements Operation {
    public CreateIndex {
      Objects.requireNonNull(index, "index");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Drops an index. */
  record DropIndex(String name, Table table) implements Operation {
    public DropIndex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Adds a foreign key to a table that exists. */
  record AddForeignKey(ForeignKeyState foreignKey, Table table) implements Operation {
    public AddForeignKey {
      Objects.requireNonNull(foreignKey, "foreignKey");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Adds a primary key to a table that exists. */
  record AddPrimaryKey(PrimaryKeyState key, Table table) implements Operation {
    public AddPrimaryKey {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Adds a unique constraint to a table that exists. */
  record AddUnique(UniqueState unique, Table table) implements Operation {
    public AddUnique {
      Objects.requireNonNull(unique, "unique");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Adds a CHECK constraint to a table that exists. */
  record AddCheck(CheckState check, Table table) implements Operation {
    public AddCheck {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(table, "table");
    }
  }

  /** What {@link DropConstraint} drops, in Alembic's words ({@code type_=}). */
  enum ConstraintKind {
    PRIMARY("primary"),
    FOREIGN_KEY("foreignkey"),
    UNIQUE("unique"),
    CHECK("check");

    private final String alembic;

    ConstraintKind(String alembic) {
      this.alembic = alembic;
    }

    public String alembic() {
      return alembic;
    }
  }

  /** Drops a named constraint. */
  record DropConstraint(String name, ConstraintKind kind, Table table) implements Operation {
    public DropConstraint {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Adds a column to a table that exists. */
  record AddColumn(ColumnState column, Table table) implements Operation {
    public AddColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Drops a column and its data. */
  record DropColumn(String column, Table table) implements Operation {
    public DropColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Renames a column, keeping its data. */
  record RenameColumn(String column, String newName, Table table) implements Operation {
    public RenameColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(newName, "newName");
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * Changes a column in place (not on SQLite): whatever differs between {@code from} and
   * {@code to} of type, nullability, database default and comment. {@code using} converts the
   * rows to a new type ({@code USING} on PostgreSQL).
   */
  record AlterColumn(ColumnState from, ColumnState to, Optional<String> using, Table table) implements Operation {
    public AlterColumn {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(using, "using");
      Objects.requireNonNull(table, "table");
      if (!from.name().equals(to.name())) {
        throw new IllegalArgumentException("a rename is a RenameColumn: " + from.name() + " -> " + to.name());
      }
    }
  }

  /** Sets or removes a table's comment. */
  record TableComment(Optional<String> comment, Optional<String> previous, Table table) implements Operation {
    public TableComment {
      Objects.requireNonNull(comment, "comment");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(table, "table");
    }
  }

  /** A SQL statement the revision runs as written (identifiers already quoted). */
  record Execute(String sql) implements Operation {
    public Execute {
      Objects.requireNonNull(sql, "sql");
    }
  }

  /**
   * Statements that must run outside the migration's transaction (PostgreSQL's
   * {@code ALTER TYPE ... ADD VALUE}, so that the values can be used at once).
   */
  record Autocommit(List<Operation> operations) implements Operation {
    public Autocommit {
      operations = List.copyOf(operations);
    }
  }

  /** A comment in the revision, for its reader. */
  record Note(String text) implements Operation {
    public Note {
      Objects.requireNonNull(text, "text");
    }
  }
}
