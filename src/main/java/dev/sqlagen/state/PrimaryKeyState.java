package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;

/** A table's primary key: its constraint name and columns, in key order. */
public record PrimaryKeyState(String name, List<String> columns) {
  public PrimaryKeyState {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("primary key " + name + " has no column");
    }
  }
}
