package dev.sqlagen.migrate;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import dev.sqlagen.resolved.ColumnType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One schema change, as data. The first revision is a list of these computed from the schema;
 * later revisions will be the difference between two schemas, as lists of the same operations.
 * Rendering them as Alembic calls is the plan stage's business.
 */
public sealed interface Operation {
  /** A named database enum type (PostgreSQL {@code CREATE TYPE}; nothing elsewhere). */
  record CreateEnum(String name, List<String> values) implements Operation {
    public CreateEnum {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
    }
  }

  /** Drops what {@link CreateEnum} created. */
  record DropEnum(String name, List<String> values) implements Operation {
    public DropEnum {
      Objects.requireNonNull(name, "name");
      values = List.copyOf(values);
    }
  }

  /**
   * A PostgreSQL schema ({@code CREATE SCHEMA}); nothing on SQLite, which has none and keeps
   * those tables in its main database.
   */
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

  /** A table with its columns, primary key, foreign keys (except deferred ones), unique and check constraints. */
  record CreateTable(
      String table, List<ColumnDef> columns, List<Constraint> constraints, Optional<String> comment, Optional<String> schema)
      implements Operation {
    public CreateTable {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
      Objects.requireNonNull(comment, "comment");
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** Drops a table. */
  record DropTable(String table, Optional<String> schema) implements Operation {
    public DropTable {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** An index over columns of a table; a column may be descending. */
  record CreateIndex(String name, String table, List<IndexColumn> columns, boolean unique, Optional<String> schema)
      implements Operation {
    public CreateIndex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** Drops an index. */
  record DropIndex(String name, String table, Optional<String> schema) implements Operation {
    public DropIndex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(schema, "schema");
    }
  }

  /**
   * A foreign key added after the tables exist, because it closes a cycle between tables. Only
   * where the database can ALTER a constraint in: elsewhere (SQLite) the table was created with
   * it inline, as its {@code useAlter} constraint.
   */
  record AddForeignKey(Constraint.ForeignKey foreignKey, String table, Optional<String> schema) implements Operation {
    public AddForeignKey {
      Objects.requireNonNull(foreignKey, "foreignKey");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** Drops what {@link AddForeignKey} added. */
  record DropForeignKey(String name, String table, Optional<String> schema) implements Operation {
    public DropForeignKey {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(schema, "schema");
    }
  }

  /** A column as the migration creates it. */
  record ColumnDef(
      String name,
      ColumnType type,
      Optional<String> enumTypeName,
      boolean nullable,
      boolean autoincrementKey,
      Optional<ColumnDefault> serverDefault,
      Optional<String> comment,
      ColumnOptions options) {
    public ColumnDef {
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(enumTypeName, "enumTypeName");
      Objects.requireNonNull(serverDefault, "serverDefault");
      Objects.requireNonNull(comment, "comment");
      serverDefault.ifPresent(d -> {
        if (!d.serverSide()) {
          throw new IllegalArgumentException("a Python-side default is not part of the table: " + name);
        }
      });
    }
  }

  /** A table constraint, always named (by the naming convention of the generated metadata). */
  sealed interface Constraint {
    String name();

    /** The primary key. */
    record PrimaryKey(String name, List<String> columns) implements Constraint {
      public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
      }
    }

    /**
     * A foreign key. {@code useAlter}: it closes a cycle, so CREATE TABLE leaves it out where the
     * database can add it later with ALTER, and keeps it inline where not (SQLite).
     */
    record ForeignKey(
        String name,
        List<String> columns,
        String referredTable,
        List<String> referredColumns,
        Optional<String> onDelete,
        Optional<String> onUpdate,
        boolean useAlter,
        Optional<String> referredSchema)
        implements Constraint {
      public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referredTable, "referredTable");
        referredColumns = List.copyOf(referredColumns);
        if (columns.size() != referredColumns.size() || columns.isEmpty()) {
          throw new IllegalArgumentException("a foreign key pairs each column with a referred column: " + name);
        }
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(referredSchema, "referredSchema");
      }
    }

    /** A CHECK constraint: its SQL, verbatim. */
    record Check(String name, String sql) implements Constraint {
      public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
      }
    }

    /** A unique constraint. */
    record Unique(String name, List<String> columns) implements Constraint {
      public Unique {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
      }
    }
  }
}
