package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.Objects;

/** An identifier as written, with where it was written. */
public record Name(String text, Span span) {
  public Name {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(span, "span");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
