package dev.sqlagen.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A database as sqlagen's migrations leave it: its PostgreSQL schemas, enum types and tables, with
 * every name the database knows. Revisions are planned between two of these; a snapshot records
 * the one each revision leads to. Tables come in the order they can be created (a referenced
 * table first), enums in declaration order.
 */
public record SchemaState(List<String> schemas, List<EnumState> enums, List<TableState> tables) {
  /** The database before the first revision. */
  public static final SchemaState EMPTY = new SchemaState(List.of(), List.of(), List.of());

  public SchemaState {
    schemas = List.copyOf(schemas);
    enums = List.copyOf(enums);
    tables = List.copyOf(tables);
    requireDistinct(enums.stream().map(EnumState::name).toList(), "enum type");
    requireDistinct(tables.stream().map(TableState::name).toList(), "table");
  }

  private static void requireDistinct(List<String> names, String what) {
    Map<String, Boolean> seen = new HashMap<>();
    for (String name : names) {
      if (seen.put(name, true) != null) {
        throw new IllegalArgumentException("duplicate " + what + " " + name);
      }
    }
  }

  public Optional<TableState> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<EnumState> enumType(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** Whether some column of some table has this enum type. */
  public boolean uses(String enumType) {
    Objects.requireNonNull(enumType, "enumType");
    return tables.stream().anyMatch(t -> t.columns().stream().anyMatch(c -> c.enumType().filter(enumType::equals).isPresent()));
  }
}
