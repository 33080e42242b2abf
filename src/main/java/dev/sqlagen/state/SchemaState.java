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
 * table first), enums in declaration order. A value: equal states have equal elements in the
 * same order. (A class, not a record, to look tables and enum types up by name in constant time:
 * planning a revision does that for every table of both states.)
 */
public final class SchemaState {
  /** The database before the first revision. */
  public static final SchemaState EMPTY = new SchemaState(List.of(), List.of(), List.of());

  private final List<String> schemas;
  private final List<EnumState> enums;
  private final List<TableState> tables;
  private final Map<String, TableState> tablesByName = new HashMap<>();
  private final Map<String, EnumState> enumsByName = new HashMap<>();

  public SchemaState(List<String> schemas, List<EnumState> enums, List<TableState> tables) {
    this.schemas = List.copyOf(schemas);
    this.enums = List.copyOf(enums);
    this.tables = List.copyOf(tables);
    for (EnumState type : this.enums) {
      if (enumsByName.put(type.name(), type) != null) {
        throw new IllegalArgumentException("duplicate enum type " + type.name());
      }
    }
    for (TableState table : this.tables) {
      if (tablesByName.put(table.name(), table) != null) {
        throw new IllegalArgumentException("duplicate table " + table.name());
      }
    }
  }

  public List<String> schemas() {
    return schemas;
  }

  public List<EnumState> enums() {
    return enums;
  }

  public List<TableState> tables() {
    return tables;
  }

  public Optional<TableState> table(String name) {
    return Optional.ofNullable(tablesByName.get(name));
  }

  public Optional<EnumState> enumType(String name) {
    return Optional.ofNullable(enumsByName.get(name));
  }

  /** Whether some column of some table has this enum type. */
  public boolean uses(String enumType) {
    Objects.requireNonNull(enumType, "enumType");
    return tables.stream().anyMatch(t -> t.columns().stream().anyMatch(c -> c.enumType().filter(enumType::equals).isPresent()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaState that && schemas.equals(that.schemas) && enums.equals(that.enums) && tables.equals(that.tables);
  }

  @Override
  public int hashCode() {
    return Objects.hash(schemas, enums, tables);
  }

  @Override
  public String toString() {
    return "SchemaState[schemas=" + schemas + ", enums=" + enums + ", tables=" + tables + "]";
  }
}
