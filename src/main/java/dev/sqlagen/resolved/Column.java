package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * A table column. {@code field} is the schema-level name (for a foreign key, the derived
 * {@code author_id}); {@code name} is the database column name.
 */
public record Column(
    String field,
    String name,
    ColumnType type,
    boolean nullable,
    boolean primaryKey,
    boolean unique,
    boolean index,
    Optional<ColumnDefault> defaultValue,
    Optional<String> doc,
    Optional<ForeignKey> foreignKey) {
  public Column {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(foreignKey, "foreignKey");
    if (primaryKey && nullable) {
      throw new IllegalArgumentException("primary key column " + field + " cannot be nullable");
    }
  }

  /**
   * Where a foreign-key column points: a table and one of its columns; {@code onDelete} is the
   * SQL action (such as {@code CASCADE}) when the referenced row is deleted, if any.
   */
  public record ForeignKey(String table, String column, Optional<String> onDelete) {
    public ForeignKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(onDelete, "onDelete");
    }

    public ForeignKey(String table, String column) {
      this(table, column, Optional.empty());
    }
  }
}
