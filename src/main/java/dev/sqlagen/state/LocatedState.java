package dev.sqlagen.state;

import java.util.Objects;

/**
 * A state with where its elements were declared, and the rename hints that lead to it: one side
 * of a revision.
 */
public record LocatedState(SchemaState state, StateSpans spans, StateHints hints) {
  public LocatedState {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(spans, "spans");
    Objects.requireNonNull(hints, "hints");
  }
}
