package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table column. {@code doc} is its docstring, {@code comment} its database comment (the doc
 * comment unless {@code @comment} says otherwise). {@code field} is the schema-level name (for a foreign key, the derived
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
    Optional<ForeignKey> foreignKey,
    ColumnOptions options,
    Optional<String> comment) {
  public Column {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(options, "options");
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

  /** A foreign key's name: its own ({@code @fk(col, name:)}), or the convention's for its columns. */
  public static String foreignKeyName(dev.sqlagen.naming.ConstraintNames naming, String table, List<Column> group) {
    Column.ForeignKey target = group.get(0).foreignKey().orElseThrow();
    return target.name().orElseGet(() -> naming.foreignKey(table, group.stream().map(Column::name).toList(), target.table(),
        group.stream().map(c -> c.foreignKey().orElseThrow().column()).toList()));
  }

  /** The columns of each foreign key of a table, in column order: one-column keys and composite groups. */
  public static List<List<Column>> foreignKeyGroups(List<Column> columns) {
    java.util.Map<String, List<Column>> groups = new java.util.LinkedHashMap<>();
    for (Column column : columns) {
      // A reference written @fk(..., constraint: false) has no FOREIGN KEY constraint.
      column.foreignKey().filter(ForeignKey::constraint).ifPresent(fk -> groups
          .computeIfAbsent(fk.composite().map(group -> "group " + group).orElse("column " + column.name()), k -> new java.util.ArrayList<>())
          .add(column));
    }
    return List.copyOf(groups.values());
  }

  /** A column whose database comment is its doc comment. */
  public Column(
      String field, String name, ColumnType type, boolean nullable, boolean primaryKey, boolean unique, boolean index,
      Optional<ColumnDefault> defaultValue, Optional<String> doc, Optional<ForeignKey> foreignKey, ColumnOptions options) {
    this(field, name, type, nullable, primaryKey, unique, index, defaultValue, doc, foreignKey, options, doc);
  }

  /** The same column, indexed or not. */
  public Column withIndex(boolean index) {
    return new Column(field, name, type, nullable, primaryKey, unique, index, defaultValue, doc, foreignKey, options, comment);
  }

  /**
   * Whether the database numbers this column: {@code @autoincrement} or {@code @autoincrement(false)}
   * when written, else SQLAlchemy's rule, the table's single integer key that is no foreign key.
   *
   * @param keySize the number of columns of the table's primary key
   */
  public boolean autoincrement(int keySize) {
    return primaryKey && options.autoincrement()
        .orElse(keySize == 1 && type.isInteger() && foreignKey.filter(ForeignKey::constraint).isEmpty());
  }

  /**
   * Where a foreign-key column points: a table (in a PostgreSQL schema, if any) and one of its
   * columns, with the referential actions of its constraint. {@code composite} names the reference
   * whose constraint spans several columns (then every column of it carries the same actions);
   * empty for a one-column key. {@code name} is the constraint's exact name ({@code @fk(col, name: "...")}),
   * if given; otherwise the naming convention names it.
   * {@code constraint} is false for {@code @fk(..., constraint: false)}:
   * the ORM joins on the column, the database has no FOREIGN KEY constraint.
   */
  public record ForeignKey(
      String table,
      String column,
      Optional<String> schema,
      Optional<ReferentialAction> onDelete,
      Optional<ReferentialAction> onUpdate,
      Optional<String> composite,
      boolean constraint,
      Optional<String> name) {
    public ForeignKey {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(onDelete, "onDelete");
      Objects.requireNonNull(onUpdate, "onUpdate");
      Objects.requireNonNull(composite, "composite");
      Objects.requireNonNull(name, "name");
    }

    /** A key with its FOREIGN KEY constraint, named by the naming convention. */
    public ForeignKey(
        String table, String column, Optional<String> schema, Optional<ReferentialAction> onDelete,
        Optional<ReferentialAction> onUpdate, Optional<String> composite) {
      this(table, column, schema, onDelete, onUpdate, composite, true, Optional.empty());
    }

    /** A one-column key without referential actions. */
    public ForeignKey(String table, String column, Optional<String> schema) {
      this(table, column, schema, Optional.empty(), Optional.empty(), Optional.empty(), true, Optional.empty());
    }

    /** A one-column key to a table outside any schema, without referential actions. */
    public ForeignKey(String table, String column) {
      this(table, column, Optional.empty());
    }

    /** {@code table.column}, or {@code schema.table.column}: how ForeignKey() names its target. */
    public String target() {
      return schema.map(s -> s + ".").orElse("") + table + "." + column;
    }
  }
}
