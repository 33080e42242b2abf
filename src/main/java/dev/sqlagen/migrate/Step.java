package dev.sqlagen.migrate;

import java.util.List;
import java.util.Objects;

/**
 * A run of a revision's operations: the same on every database, or different on SQLite (which
 * alters tables by rebuilding them and has no enum types or schemas) and on the others.
 */
public sealed interface Step {
  /** Operations every database runs. */
  record Common(List<Operation> operations) implements Step {
    public Common {
      operations = List.copyOf(operations);
    }
  }

  /**
   * Operations for SQLite and for every other database (PostgreSQL), and why they differ (a
   * comment in the revision).
   */
  record PerDialect(List<Operation> sqlite, List<Operation> others, List<String> why) implements Step {
    public PerDialect {
      sqlite = List.copyOf(sqlite);
      others = List.copyOf(others);
      why = List.copyOf(why);
      Objects.requireNonNull(why, "why");
      if (sqlite.isEmpty() && others.isEmpty()) {
        throw new IllegalArgumentException("a step with no operation");
      }
    }
  }
}
