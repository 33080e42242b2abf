package dev.sqlagen.migrate;

import dev.sqlagen.resolved.ColumnDefault;
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

  /** A table with its columns, primary key, foreign keys (except deferred ones) and unique constraints. */
  record CreateTable(String table, List<ColumnDef> columns, List<Constraint> constraints, Optional<String> comment)
      implements Operation {
    public CreateTable {
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
      Objects.requireNonNull(comment, "comment");
    }
  }

  /** Drops a table. */
  record DropTable(String table) implements Operation {
    public DropTable {
      Objects.requireNonNull(table, "table");
    }
  }

  /** An index over columns of a table. */
  record CreateIndex(String name, String table, List<String> columns, boolean unique) implements Operation {
    public CreateIndex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
      columns = List.copyOf(columns);
    }
  }

  /** Drops an index. */
  record DropIndex(String name, String table) implements Operation {
    public DropIndex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
    }
  }

  /**
   * A foreign key added after the tables exist, because it closes a cycle between tables. Only
   * where the database can ALTER a constraint in: elsewhere (SQLite) the table was created with
   * it inline, as its {@code useAlter} constraint.
   */
  record AddForeignKey(Constraint.ForeignKey foreignKey, String table) implements Operation {
    public AddForeignKey {
      Objects.requireNonNull(foreignKey, "foreignKey");
      Objects.requireNonNull(table, "table");
    }
  }

  /** Drops what {@link AddForeignKey} added. */
  record DropForeignKey(String name, String table) implements Operation {
    public DropForeignKey {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(table, "table");
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
      Optional<String> comment) {
    public ColumnDef {
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
        boolean useAlter,
        Optional<String> onDelete)
        implements Constraint {
      public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referredTable, "referredTable");
        referredColumns = List.copyOf(referredColumns);
        Objects.requireNonNull(onDelete, "onDelete");
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
