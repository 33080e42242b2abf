package dev.sqlagen.resolved;

import java.util.Objects;

/** One term of a collection's {@code order_by}: a field of the target model, ascending or descending. */
public record OrderTerm(String field, boolean descending) {
  public OrderTerm {
    Objects.requireNonNull(field, "field");
  }
}
