package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An enum: its members as written, the value each stores (its name, or the string written after
 * '='), and its database type name.
 */
public record EnumType(String name, String dbName, List<String> members, List<String> values, Optional<String> doc) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dbName, "dbName");
    members = List.copyOf(members);
    values = List.copyOf(values);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("enum " + name + " has no members");
    }
    if (values.size() != members.size()) {
      throw new IllegalArgumentException("enum " + name + " needs one value per member");
    }
    Objects.requireNonNull(doc, "doc");
  }

  public EnumType(String name, String dbName, List<String> members, Optional<String> doc) {
    this(name, dbName, members, members, doc);
  }

  /** The value a member stores. */
  public String value(String member) {
    return values.get(members.indexOf(member));
  }
}
