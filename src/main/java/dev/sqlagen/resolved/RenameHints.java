package dev.sqlagen.resolved;

import dev.sqlagen.source.Span;
import java.util.List;
import java.util.Objects;

/**
 * The rename intent a schema declares ({@code @@was(OldName)} on a model or an enum,
 * {@code @was(old_name)} on a field or an enum member): what a name was called in the state the
 * previous revision recorded. They change no generated Python; the revision planner uses them to
 * rename instead of dropping and adding, and reports those that match nothing.
 */
public record RenameHints(List<Hint> hints) {
  /** No rename declared. */
  public static final RenameHints NONE = new RenameHints(List.of());

  /** What a hint renames. */
  public enum Kind {
    /** {@code @@was} in a model: {@code owner} is the model; {@code name} is the model too. */
    MODEL,
    /**
     * {@code @was} on a column or reference field: {@code owner} is the model whose class declares
     * the field (a field of a mixin gets one hint per model that uses the mixin).
     */
    FIELD,
    /** {@code @@was} in an enum: {@code owner} and {@code name} are the enum. */
    ENUM,
    /** {@code @was} on an enum member: {@code owner} is the enum, {@code name} the member. */
    MEMBER
  }

  /**
   * One hint: {@code owner.name} was called {@code was}; {@code span} is the hint's argument, where
   * a hint that matches nothing is reported.
   */
  public record Hint(Kind kind, String owner, String name, String was, Span span) {
    public Hint {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(was, "was");
      Objects.requireNonNull(span, "span");
    }
  }

  public RenameHints {
    hints = List.copyOf(hints);
  }

  public List<Hint> of(Kind kind) {
    return hints.stream().filter(h -> h.kind() == kind).toList();
  }
}
