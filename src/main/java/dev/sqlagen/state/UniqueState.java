package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;

/** A unique constraint over columns, in order; NULLS NOT DISTINCT (PostgreSQL 15) or not. */
public record UniqueState(String name, List<String> columns, boolean nullsNotDistinct) {
  public UniqueState {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("unique constraint " + name + " has no column");
    }
  }

  public UniqueState(String name, List<String> columns) {
    this(name, columns, false);
  }
}
