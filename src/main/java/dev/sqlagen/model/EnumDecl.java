package dev.sqlagen.model;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code enum Name { a b c }} declaration: its members in the order written, and its own
 * {@code @@} attributes (such as {@code @@was(OldName)}), kept as parsed for the checker.
 */
public record EnumDecl(Name name, List<EnumMember> members, List<Attribute> attributes, Optional<String> doc) {
  public EnumDecl {
    Objects.requireNonNull(name, "name");
    members = List.copyOf(members);
    attributes = List.copyOf(attributes);
    Objects.requireNonNull(doc, "doc");
  }

  public Span span() {
    return name.span();
  }

  /** The members' names, in the order written. */
  public List<String> memberNames() {
    return members.stream().map(member -> member.name().text()).toList();
  }
}
