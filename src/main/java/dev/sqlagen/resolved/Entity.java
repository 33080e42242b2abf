package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A model mapped to a table: its columns (foreign-key columns included, where their reference was
 * declared), its many-to-one references and its one-to-many collections, in declaration order;
 * its PostgreSQL schema ({@code @@schema}) and its table-level constraints and indexes.
 */
public record Entity(
    String name,
    String table,
    Optional<String> doc,
    List<Column> columns,
    List<Reference> references,
    List<Collection> collections,
    Optional<String> schema,
    List<TableConstraint> constraints) {
  public Entity {
    Objects.requireNonNull(schema, "schema");
    constraints = List.copyOf(constraints);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(doc, "doc");
    columns = List.copyOf(columns);
    references = List.copyOf(references);
    collections = List.copyOf(collections);
  }

  public List<Column> primaryKey() {
    return columns.stream().filter(Column::primaryKey).toList();
  }

  public Optional<Column> column(String field) {
    return columns.stream().filter(c -> c.field().equals(field)).findFirst();
  }
}
