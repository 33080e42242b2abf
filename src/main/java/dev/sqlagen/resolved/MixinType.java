package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A mixin: columns (no keys, no foreign keys) that each model using it gets in its table. */
public record MixinType(String name, Optional<String> doc, List<Column> columns) {
  public MixinType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(doc, "doc");
    columns = List.copyOf(columns);
    if (columns.stream().anyMatch(c -> c.primaryKey() || c.foreignKey().isPresent())) {
      throw new IllegalArgumentException("mixin " + name + " holds a key column");
    }
  }
}
