package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code mixin Name { ... }} declaration: columns that several models share. Attributes are
 * kept as parsed so that the checker can say that a mixin takes none.
 */
public record Mixin(Name name, List<Field> fields, List<Attribute> attributes, Optional<String> doc) {
  public Mixin {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(doc, "doc");
  }

  public Span span() {
    return name.span();
  }
}
