package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute such as {@code @unique}, {@code @column("e_mail")}, {@code @@table("posts")} or
 * {@code @index(name: "idx_title")}: its positional arguments, then its named ones.
 */
public record Attribute(Name name, List<Value> args, List<NamedArg> named) {
  public Attribute {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
    named = List.copyOf(named);
  }

  /** An attribute with positional arguments only. */
  public Attribute(Name name, List<Value> args) {
    this(name, args, List.of());
  }

  public Span span() {
    return name.span();
  }

  /** The value of the named argument {@code key}, if given (the first, if given twice). */
  public Optional<Value> named(String key) {
    return NamedArg.find(named, key);
  }
}
