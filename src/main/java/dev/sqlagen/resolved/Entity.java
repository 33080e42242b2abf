package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model mapped to a table. {@code columns} are the columns its class body declares (foreign-key
 * columns included, where their reference was declared; a joined-table subclass's key first);
 * {@code tableColumns} are all the columns of the table it maps to, in the order SQLAlchemy puts
 * them: for each class mapped to the table, parents first, its own columns, then its mixins'.
 * A single-table subclass shares its root's table (and {@code tableColumns}) and owns no table.
 * It also has its PostgreSQL schema ({@code @@schema}) and its table-level constraints and indexes,
 * its table comment ({@code comment}: the doc comment unless {@code @@comment} says otherwise);
 * {@code keyOrder} is the primary key's column order when {@code @@pk(a, b)} gives one (empty: the
 * columns' order), {@code keyName} its exact name ({@code @pk(name:)}, {@code @@pk(..., name:)}).
 */
public record Entity(
    String name,
    String table,
    Optional<String> doc,
    List<Column> columns,
    List<Reference> references,
    List<Collection> collections,
    Optional<String> schema,
    List<TableConstraint> constraints,
    List<String> mixins,
    Optional<Polymorphism> polymorphism,
    Optional<String> versionField,
    List<Column> tableColumns,
    Optional<String> comment,
    List<String> keyOrder,
    Optional<String> keyName) {
  public Entity {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(doc, "doc");
    columns = List.copyOf(columns);
    references = List.copyOf(references);
    collections = List.copyOf(collections);
    Objects.requireNonNull(schema, "schema");
    constraints = List.copyOf(constraints);
    mixins = List.copyOf(mixins);
    Objects.requireNonNull(polymorphism, "polymorphism");
    Objects.requireNonNull(versionField, "versionField");
    tableColumns = List.copyOf(tableColumns);
    keyOrder = List.copyOf(keyOrder);
    Objects.requireNonNull(keyName, "keyName");
    if (versionField.isPresent() && columns.stream().noneMatch(c -> c.field().equals(versionField.get()))) {
      throw new IllegalArgumentException("version column " + versionField.get() + " is not a column of " + name);
    }
  }

  /** A model whose table comment is its doc comment. */
  public Entity(
      String name, String table, Optional<String> doc, List<Column> columns, List<Reference> references,
      List<Collection> collections, Optional<String> schema, List<TableConstraint> constraints, List<String> mixins,
      Optional<Polymorphism> polymorphism, Optional<String> versionField, List<Column> tableColumns) {
    this(name, table, doc, columns, references, collections, schema, constraints, mixins, polymorphism, versionField,
        tableColumns, doc, List.of(), Optional.empty());
  }

  /** A model outside any hierarchy, without mixins or a version column. */
  public Entity(
      String name, String table, Optional<String> doc, List<Column> columns, List<Reference> references,
      List<Collection> collections, Optional<String> schema, List<TableConstraint> constraints) {
    this(name, table, doc, columns, references, collections, schema, constraints, List.of(), Optional.empty(),
        Optional.empty(), columns, doc, List.of(), Optional.empty());
  }

  /** The model this one extends, if any. */
  public Optional<String> parent() {
    return polymorphism.flatMap(Polymorphism::parent);
  }

  /** False for a single-table subclass: its columns live in its root's table. */
  public boolean ownsTable() {
    return polymorphism.map(p -> p.parent().isEmpty() || p.strategy() == Polymorphism.Strategy.JOINED).orElse(true);
  }

  /** The primary key of the table the model maps to (its root's, for a single-table subclass). */
  public List<Column> primaryKey() {
    List<Column> key = tableColumns.stream().filter(Column::primaryKey).toList();
    if (keyOrder.isEmpty()) {
      return key;
    }
    return key.stream().sorted(java.util.Comparator.comparingInt(c -> {
      int at = keyOrder.indexOf(c.name());
      return at < 0 ? Integer.MAX_VALUE : at;
    })).toList();
  }

  /** Whether the key's order differs from its columns' order, or its name is given: a PrimaryKeyConstraint says so. */
  public boolean explicitKey() {
    return keyName.isPresent() || !primaryKey().equals(tableColumns.stream().filter(Column::primaryKey).toList());
  }

  public Optional<Column> column(String field) {
    return columns.stream().filter(c -> c.field().equals(field)).findFirst();
  }
}
