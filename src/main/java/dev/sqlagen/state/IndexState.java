package dev.sqlagen.state;

import dev.sqlagen.resolved.IndexOptions;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import java.util.List;
import java.util.Objects;

/**
 * An index: its name, its parts (columns, each maybe descending or with an operator class, and
 * SQL expressions), whether it is unique, and its method, condition and NULLS NOT DISTINCT.
 */
public record IndexState(String name, List<IndexColumn> columns, boolean unique, IndexOptions options) {
  public IndexState {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(options, "options");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no column");
    }
  }

  public IndexState(String name, List<IndexColumn> columns, boolean unique) {
    this(name, columns, unique, IndexOptions.NONE);
  }

  /** The table columns it names, expressions left out. */
  public List<String> columnNames() {
    return columns.stream().filter(c -> !c.expression()).map(IndexColumn::column).toList();
  }

  /** Whether a part is an SQL expression. */
  public boolean hasExpressions() {
    return columns.stream().anyMatch(IndexColumn::expression);
  }
}
