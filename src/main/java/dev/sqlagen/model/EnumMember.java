package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;

/** One member of an enum, with the attributes written after it, such as {@code in_review @was(inReview)}. */
public record EnumMember(Name name, List<Attribute> attributes) {
  public EnumMember {
    Objects.requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
  }

  public Span span() {
    return name.span();
  }
}
