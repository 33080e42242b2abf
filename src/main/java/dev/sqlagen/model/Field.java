package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One field line: {@code name type @attribute... = default}. */
public record Field(
    Name name,
    TypeRef type,
    List<Attribute> attributes,
    List<Value> defaults,
    Optional<String> doc) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    attributes = List.copyOf(attributes);
    // Kept as a list so that the checker can report a second "= value" instead of the parser.
    defaults = List.copyOf(defaults);
    Objects.requireNonNull(doc, "doc");
  }

  public Span span() {
    return name.span();
  }

  public Optional<Value> defaultValue() {
    return defaults.isEmpty() ? Optional.empty() : Optional.of(defaults.get(0));
  }
}
