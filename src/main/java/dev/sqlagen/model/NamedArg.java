package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A named argument such as {@code name: "idx_title"} in an attribute or a call. */
public record NamedArg(Name key, Value value) {
  public NamedArg {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public Span span() {
    return key.span();
  }

  /** The value of the first argument named {@code key}. */
  static Optional<Value> find(List<NamedArg> named, String key) {
    return named.stream().filter(arg -> arg.key().text().equals(key)).map(NamedArg::value).findFirst();
  }
}
