package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;

/** An attribute such as {@code @unique}, {@code @column("e_mail")} or {@code @@table("posts")}. */
public record Attribute(Name name, List<Value> args) {
  public Attribute {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
  }

  public Span span() {
    return name.span();
  }
}
