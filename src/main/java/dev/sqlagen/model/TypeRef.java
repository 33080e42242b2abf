package dev.sqlagen.model;

import java.util.List;
import java.util.Objects;

/**
 * A field's type as written: a name such as {@code string} or {@code Post}, its arguments
 * ({@code (255)}, {@code (12, 2)}, {@code (tz)}), {@code []} for a collection and {@code ?} for
 * nullable.
 */
public record TypeRef(Name name, List<Value> args, boolean collection, boolean optional) {
  public TypeRef {
    Objects.requireNonNull(name, "name");
    args = List.copyOf(args);
  }
}
