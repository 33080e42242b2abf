package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;

/**
 * A table-level constraint or index declared in the schema ({@code @check}, {@code @@check},
 * {@code @@unique}, {@code @@index}, {@code @@unique_index}), with its database name decided.
 */
public sealed interface TableConstraint {
  /** The name the database knows it by (what the naming convention computes). */
  String dbName();

  /**
   * {@code CHECK (sql)}; {@code name} is what the model passes, {@code ck_<table>_<name>} the result,
   * unless {@code explicit}: then {@code name} is the exact database name ({@code name: "..."}).
   */
  record Check(String name, String dbName, String sql, boolean explicit) implements TableConstraint {
    public Check {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(dbName, "dbName");
      Objects.requireNonNull(sql, "sql");
    }
  }

  /**
   * A unique constraint, named by the naming convention, or {@code explicit}ly ({@code name: "..."}):
   * a one-column one only then (otherwise the column says {@code unique=True}).
   */
  record Unique(String dbName, List<String> columns, boolean explicit) implements TableConstraint {
    public Unique {
      Objects.requireNonNull(dbName, "dbName");
      columns = List.copyOf(columns);
      if (columns.isEmpty() || (columns.size() < 2 && !explicit)) {
        throw new IllegalArgumentException("a table-level unique constraint without a name of its own spans several columns");
      }
    }
  }

  /** An index (unique or not) with an explicit name, over columns that may be descending. */
  record Index(String dbName, List<IndexColumn> columns, boolean unique) implements TableConstraint {
    public Index {
      Objects.requireNonNull(dbName, "dbName");
      columns = List.copyOf(columns);
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("an index needs a column");
      }
    }
  }

  /** A column of an index, by database name, and its sort order. */
  record IndexColumn(String column, boolean descending) {
    public IndexColumn {
      Objects.requireNonNull(column, "column");
    }
  }
}
