package dev.sqlagen.history;

import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.Snapshot;
import dev.sqlagen.state.StateSpans;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A revision in {@code migrations/versions}: its path in the package, its text, the identity it
 * declares, the SHA-256 of its bytes, and the snapshot sqlagen wrote beside it, if any, with
 * the line of each element it records (or why a snapshot beside it cannot be read).
 */
public record RevisionFile(
    String path,
    SourceFile source,
    String revision,
    List<String> downRevisions,
    String sha256,
    Optional<Snapshot> snapshot,
    StateSpans snapshotSpans,
    List<Diagnostic> snapshotProblems) {
  public RevisionFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(revision, "revision");
    downRevisions = List.copyOf(downRevisions);
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(snapshotSpans, "snapshotSpans");
    snapshotProblems = List.copyOf(snapshotProblems);
  }

  /** The path of the snapshot that belongs to a revision file: {@code rev_0002_x.py} → {@code rev_0002_x.snapshot.jsonl}. */
  public static String snapshotPath(String revisionPath) {
    return revisionPath.substring(0, revisionPath.length() - ".py".length()) + ".snapshot.jsonl";
  }
}
