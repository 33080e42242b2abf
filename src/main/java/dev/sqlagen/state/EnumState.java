package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database enum type: its name, its values in order, and the schema's enum it comes from
 * ({@code declaredAs}, empty when the state was read from a revision that does not say).
 */
public record EnumState(String name, List<String> values, Optional<String> declaredAs) {
  public EnumState {
    Objects.requireNonNull(name, "name");
    values = List.copyOf(values);
    if (values.isEmpty() || values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException("enum type " + name + " needs distinct values");
    }
    Objects.requireNonNull(declaredAs, "declaredAs");
  }

  /** The longest value, in characters: the length of the VARCHAR that holds it where there are no enum types. */
  public int longest() {
    return values.stream().mapToInt(v -> v.codePointCount(0, v.length())).max().orElse(0);
  }
}
