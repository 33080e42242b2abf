package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/** A one-to-many collection: the field, the model it holds, and the reference it mirrors there. */
public record Collection(String field, String target, String inverse, Optional<String> doc) {
  public Collection {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(inverse, "inverse");
    Objects.requireNonNull(doc, "doc");
  }
}
