package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An enum: its members as written (they are the stored values) and its database type name. */
public record EnumType(String name, String dbName, List<String> members, Optional<String> doc) {
  public EnumType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dbName, "dbName");
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("enum " + name + " has no members");
    }
    Objects.requireNonNull(doc, "doc");
  }
}
