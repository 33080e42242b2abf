package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;

/**
 * One member of an enum, with the attributes written after it, such as {@code in_review @was(inReview)},
 * and the value it stores when written as {@code PG_13 = "PG-13"}.
 */
public record EnumMember(Name name, List<Attribute> attributes, java.util.Optional<Value.StringValue> value) {
  public EnumMember {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(value, "value");
  }

  public EnumMember(Name name, List<Attribute> attributes) {
    this(name, attributes, java.util.Optional.empty());
  }

  /** The value stored in the database: the string written after '=', or the name. */
  public String storedValue() {
    return value.map(Value.StringValue::value).orElse(name.text());
  }

  public Span span() {
    return name.span();
  }
}
