package dev.sqlagen.write;

import dev.sqlagen.write.Change.Kind;
import java.util.List;
import java.util.Optional;

/** What a write did, or why it refused (then nothing was written). */
public record WriteResult(WritePlan plan, boolean written, Optional<String> refusal) {
  static WriteResult applied(WritePlan plan) {
    return new WriteResult(plan, true, Optional.empty());
  }

  static WriteResult refused(WritePlan plan, String why) {
    return new WriteResult(plan, false, Optional.of(why));
  }

  public boolean isRefused() {
    return refusal.isPresent();
  }

  /** Paths written: added, updated, and (when forced) overwritten. */
  public List<String> writtenPaths() {
    return plan.changes().stream()
        .filter(c -> c.kind() == Kind.ADD || c.kind() == Kind.UPDATE || c.kind().isConflict())
        .map(Change::path)
        .toList();
  }

  public List<String> paths(Kind kind) {
    return plan.of(kind).stream().map(Change::path).toList();
  }
}
