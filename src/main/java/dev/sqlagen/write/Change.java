package dev.sqlagen.write;

import java.util.Objects;
import java.util.Optional;

/** What regeneration does, or would do, to one path of the output directory. */
public record Change(Kind kind, String path, Optional<String> before, Optional<String> after) {
  /** The kinds of change; the last three stop a write unless it is forced. */
  public enum Kind {
    /** A new file. */
    ADD,
    /** A generated file whose content changes. */
    UPDATE,
    /** A generated file the schema no longer produces. */
    DELETE,
    /** Already as it should be. */
    UNCHANGED,
    /** A migration that exists: never rewritten, never deleted. */
    KEEP,
    /** An orphan the user edited: left in place, with a warning. */
    KEEP_EDITED_ORPHAN,
    /** A file sqlagen did not generate is in the way. */
    CONFLICT_NOT_OURS,
    /** A generated file was edited by hand since it was written. */
    CONFLICT_EDITED;

    public boolean isConflict() {
      return this == CONFLICT_NOT_OURS || this == CONFLICT_EDITED;
    }

    /** Whether the tree on disk differs from what generation wants here. */
    public boolean isStale() {
      return this == ADD || this == UPDATE || this == DELETE || isConflict();
    }
  }

  public Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
