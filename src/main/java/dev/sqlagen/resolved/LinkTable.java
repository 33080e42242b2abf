package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The association table of a many-to-many relationship: one foreign-key column to each side,
 * together the primary key; in a PostgreSQL schema if its left model is. {@code columns} holds
 * the left model's key columns first.
 */
public record LinkTable(String table, Optional<String> schema, String left, String right, List<Column> columns) {
  public LinkTable {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(left, "left");
    Objects.requireNonNull(right, "right");
    columns = List.copyOf(columns);
    if (columns.size() < 2 || columns.stream().anyMatch(c -> c.foreignKey().isEmpty() || !c.primaryKey())) {
      throw new IllegalArgumentException("a link table's columns are foreign keys forming its primary key: " + table);
    }
  }
}
