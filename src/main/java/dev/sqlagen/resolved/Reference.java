package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A many-to-one (or, when {@code unique}, one-to-one) relationship: the field, the model it
 * points to, the foreign-key columns that carry it (one per column of the target's primary
 * key), and the field on the other side that mirrors it, if any.
 */
public record Reference(
    String field,
    String target,
    List<String> foreignKeyFields,
    boolean nullable,
    boolean unique,
    Optional<String> inverse,
    Optional<Loading> loading,
    Optional<String> doc) {
  public Reference {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(target, "target");
    foreignKeyFields = List.copyOf(foreignKeyFields);
    if (foreignKeyFields.isEmpty()) {
      throw new IllegalArgumentException("reference " + field + " has no foreign-key column");
    }
    Objects.requireNonNull(inverse, "inverse");
    Objects.requireNonNull(loading, "loading");
    if (loading.equals(Optional.of(Loading.WRITE_ONLY))) {
      throw new IllegalArgumentException("only a collection is write-only: " + field);
    }
    Objects.requireNonNull(doc, "doc");
  }
}
