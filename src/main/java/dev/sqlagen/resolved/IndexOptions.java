package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * What an index or unique constraint says besides its columns: the index method
 * ({@code using: gin}, PostgreSQL's {@code USING}), the condition of a partial index
 * ({@code where: "sql"}, on PostgreSQL and SQLite), and PostgreSQL 15's {@code NULLS NOT DISTINCT}
 * (a unique index or constraint that counts NULLs as equal). A unique constraint takes only the last.
 */
public record IndexOptions(Optional<String> using, Optional<String> where, boolean nullsNotDistinct) {
  /** A plain index: the database's default method (btree), every row, NULLs distinct. */
  public static final IndexOptions NONE = new IndexOptions(Optional.empty(), Optional.empty(), false);

  public IndexOptions {
    Objects.requireNonNull(using, "using");
    Objects.requireNonNull(where, "where");
  }

  /** Options for a unique constraint: only NULLS NOT DISTINCT. */
  public static IndexOptions nullsNotDistinct(boolean nullsNotDistinct) {
    return nullsNotDistinct ? new IndexOptions(Optional.empty(), Optional.empty(), true) : NONE;
  }

  public boolean isNone() {
    return equals(NONE);
  }
}
