package dev.sqlagen.state;

import java.util.Objects;

/** A CHECK constraint: its name and its SQL, verbatim. */
public record CheckState(String name, String sql) {
  public CheckState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(sql, "sql");
  }
}
