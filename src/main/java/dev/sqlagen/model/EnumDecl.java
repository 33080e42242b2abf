package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An {@code enum Name { a b c }} declaration. */
public record EnumDecl(Name name, List<Name> members, Optional<String> doc) {
  public EnumDecl {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
    Objects.requireNonNull(doc, "doc");
  }

  public Span span() {
    return name.span();
  }
}
