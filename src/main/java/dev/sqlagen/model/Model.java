package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@code model Name { ... }} declaration: fields and model attributes ({@code @@table}). */
public record Model(Name name, List<Field> fields, List<Attribute> attributes, Optional<String> doc) {
  public Model {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(doc, "doc");
  }

  public Span span() {
    return name.span();
  }
}
