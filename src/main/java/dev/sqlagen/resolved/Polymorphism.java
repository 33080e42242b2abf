package dev.sqlagen.resolved;

import java.util.Objects;
import java.util.Optional;

/**
 * A model's place in an inheritance hierarchy: the model it extends (none for the root), the
 * hierarchy's strategy, the discriminator column (named on the root only) and the value that
 * identifies this model's rows in it: a string, or a member of the discriminator's enum.
 */
public record Polymorphism(
    Optional<String> parent,
    Strategy strategy,
    Optional<String> discriminatorField,
    String identity,
    Optional<String> identityEnum) {

  /** Where subclass columns live: in the root's table, or in a table per subclass. */
  public enum Strategy {
    SINGLE,
    JOINED
  }

  public Polymorphism {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(discriminatorField, "discriminatorField");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(identityEnum, "identityEnum");
    if (parent.isPresent() == discriminatorField.isPresent()) {
      throw new IllegalArgumentException("the root, and only the root, names the discriminator");
    }
  }
}
