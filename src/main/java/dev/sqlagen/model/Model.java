package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code model Name : Base, Mixin { ... }} declaration: the names after the colon as written
 * (which of them is a model and which a mixin is the checker's business), fields and model
 * attributes ({@code @@table}, {@code @@inheritance}, {@code @@identity}).
 */
public record Model(
    Name name, List<Name> bases, List<Field> fields, List<Attribute> attributes, Optional<String> doc) {
  public Model {
    Objects.requireNonNull(name, "name");
    bases = List.copyOf(bases);
    fields = List.copyOf(fields);
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(doc, "doc");
  }

  public Span span() {
    return name.span();
  }
}
