package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;

/** A unique constraint over columns, in order. */
public record UniqueState(String name, List<String> columns) {
  public UniqueState {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("unique constraint " + name + " has no column");
    }
  }
}
