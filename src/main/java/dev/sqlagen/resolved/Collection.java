package dev.sqlagen.resolved;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The side of a relationship that holds no foreign key: a one-to-many collection, the scalar
 * side of a one-to-one, or one side of a many-to-many. {@code inverse} is the field on the
 * other model that it mirrors; {@code deletion} what deleting this model's row does to the
 * related rows.
 */
public record Collection(
    String field,
    String target,
    String inverse,
    Kind kind,
    Optional<String> linkTable,
    Deletion deletion,
    Optional<Loading> loading,
    List<OrderTerm> orderBy,
    Optional<String> doc) {

  /** The shape of the relationship, seen from this side. */
  public enum Kind {
    ONE_TO_MANY,
    ONE_TO_ONE,
    MANY_TO_MANY
  }

  /**
   * The ORM side of the foreign key's {@code ON DELETE}: with {@code CASCADE} the children go with
   * the parent ({@code cascade="all, delete-orphan"}); with {@code SET NULL} or {@code RESTRICT}
   * the database decides ({@code passive_deletes}); otherwise SQLAlchemy's default applies.
   */
  public enum Deletion {
    DEFAULT,
    DELETE_ORPHANS,
    PASSIVE,
    PASSIVE_ALL
  }

  public Collection {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(inverse, "inverse");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(linkTable, "linkTable");
    if ((kind == Kind.MANY_TO_MANY) != linkTable.isPresent()) {
      throw new IllegalArgumentException("a many-to-many, and only that, has a link table: " + field);
    }
    Objects.requireNonNull(deletion, "deletion");
    Objects.requireNonNull(loading, "loading");
    orderBy = List.copyOf(orderBy);
    if (kind == Kind.ONE_TO_ONE && (!orderBy.isEmpty() || loading.equals(Optional.of(Loading.WRITE_ONLY)))) {
      throw new IllegalArgumentException("a one-to-one side is not ordered or write-only: " + field);
    }
    Objects.requireNonNull(doc, "doc");
  }
}
