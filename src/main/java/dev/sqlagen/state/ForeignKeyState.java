package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A foreign key: its columns, the table (and PostgreSQL schema) and columns it refers to, its
 * referential actions as SQL ({@code CASCADE}, {@code SET NULL}), and whether it closes a cycle
 * of tables and is therefore added after them ({@code useAlter}).
 */
public record ForeignKeyState(
    String name,
    List<String> columns,
    String referredTable,
    Optional<String> referredSchema,
    List<String> referredColumns,
    Optional<String> onDelete,
    Optional<String> onUpdate,
    boolean useAlter) {
  public ForeignKeyState {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(referredTable, "referredTable");
    Objects.requireNonNull(referredSchema, "referredSchema");
    referredColumns = List.copyOf(referredColumns);
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    if (columns.isEmpty() || columns.size() != referredColumns.size()) {
      throw new IllegalArgumentException("foreign key " + name + " pairs each column with a referred column");
    }
  }
}
