package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * A many-to-one relationship: the field, the model it points to, the foreign-key column that
 * carries it, and the collection on the other side, if any.
 */
public record Reference(
    String field,
    String target,
    String foreignKeyField,
    boolean nullable,
    Optional<String> inverse,
    Optional<String> doc) {
  public Reference {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(foreignKeyField, "foreignKeyField");
    Objects.requireNonNull(inverse, "inverse");
    Objects.requireNonNull(doc, "doc");
  }
}
