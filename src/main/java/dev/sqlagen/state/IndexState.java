package dev.sqlagen.state;

import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import java.util.List;
import java.util.Objects;

/** An index: its name, its columns (each maybe descending) and whether it is unique. */
public record IndexState(String name, List<IndexColumn> columns, boolean unique) {
  public IndexState {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("index " + name + " has no column");
    }
  }
}
