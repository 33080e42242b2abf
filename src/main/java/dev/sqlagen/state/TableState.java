package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with everything the database knows of it: columns in order, the primary key, foreign
 * keys, unique and check constraints, indexes, the comment, and where it comes from in the schema
 * ({@code model}, or the two models of a many-to-many {@code link}), which rename hints match.
 */
public record TableState(
    String name,
    Optional<String> schema,
    Optional<String> comment,
    List<ColumnState> columns,
    PrimaryKeyState primaryKey,
    List<ForeignKeyState> foreignKeys,
    List<UniqueState> uniques,
    List<CheckState> checks,
    List<IndexState> indexes,
    Optional<String> model,
    List<String> link) {
  public TableState {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(comment, "comment");
    columns = List.copyOf(columns);
    Objects.requireNonNull(primaryKey, "primaryKey");
    foreignKeys = List.copyOf(foreignKeys);
    uniques = List.copyOf(uniques);
    checks = List.copyOf(checks);
    indexes = List.copyOf(indexes);
    Objects.requireNonNull(model, "model");
    link = List.copyOf(link);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("table " + name + " has no column");
    }
    if (columns.stream().map(ColumnState::name).distinct().count() != columns.size()) {
      throw new IllegalArgumentException("table " + name + " names a column twice");
    }
    if (!link.isEmpty() && (link.size() != 2 || model.isPresent())) {
      throw new IllegalArgumentException("a link table links two models and maps none: " + name);
    }
  }

  public Optional<ColumnState> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** {@code schema.table}, or the table's name alone. */
  public String qualifiedName() {
    return schema.map(s -> s + ".").orElse("") + name;
  }

  /** Every constraint and index name of the table: each is unique in its schema on PostgreSQL. */
  public List<String> constraintNames() {
    List<String> names = new java.util.ArrayList<>();
    names.add(primaryKey.name());
    foreignKeys.forEach(fk -> names.add(fk.name()));
    uniques.forEach(u -> names.add(u.name()));
    checks.forEach(c -> names.add(c.name()));
    indexes.forEach(i -> names.add(i.name()));
    return names;
  }
}
