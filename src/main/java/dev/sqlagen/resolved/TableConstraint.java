package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
   * A unique constraint, named by the naming convention or {@code explicit}ly ({@code name: "..."}):
   * over several columns ({@code @@unique}), or over one when it is named or NULLS NOT DISTINCT
   * ({@code @unique(nulls_not_distinct: true)}), which {@code unique=True} on the column cannot say.
   */
  record Unique(String dbName, List<String> columns, boolean explicit, boolean nullsNotDistinct) implements TableConstraint {
    public Unique {
      Objects.requireNonNull(dbName, "dbName");
      columns = List.copyOf(columns);
      if (columns.isEmpty() || (columns.size() < 2 && !explicit && !nullsNotDistinct)) {
        throw new IllegalArgumentException("a table-level unique constraint without a name or option of its own spans several columns");
      }
    }

    public Unique(String dbName, List<String> columns) {
      this(dbName, columns, false, false);
    }
  }

  /**
   * An index (unique or not) with an explicit name, over columns that may be descending or carry
   * an operator class, and SQL expressions; with its method, condition and NULLS NOT DISTINCT.
   */
  record Index(String dbName, List<IndexColumn> columns, boolean unique, IndexOptions options) implements TableConstraint {
    public Index {
      Objects.requireNonNull(dbName, "dbName");
      columns = List.copyOf(columns);
      Objects.requireNonNull(options, "options");
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("an index needs a column");
      }
    }

    public Index(String dbName, List<IndexColumn> columns, boolean unique) {
      this(dbName, columns, unique, IndexOptions.NONE);
    }
  }

  /**
   * A part of an index: a column by database name, with its sort order and its operator class
   * ({@code ops(column, text_pattern_ops)}, PostgreSQL only), or an SQL expression
   * ({@code sql("lower(email)")}), whose text is then {@code column}.
   */
  record IndexColumn(String column, boolean descending, Optional<String> opclass, boolean expression) {
    public IndexColumn {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(opclass, "opclass");
      if (expression && (descending || opclass.isPresent())) {
        throw new IllegalArgumentException("an expression part takes no sort order or operator class: " + column);
      }
    }

    public IndexColumn(String column, boolean descending) {
      this(column, descending, Optional.empty(), false);
    }

    /** An expression part: SQL text. */
    public static IndexColumn expression(String sql) {
      return new IndexColumn(sql, false, Optional.empty(), true);
    }
  }
}
