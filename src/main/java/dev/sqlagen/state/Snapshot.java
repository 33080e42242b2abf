package dev.sqlagen.state;

import java.util.List;
import java.util.Objects;

/**
 * What a revision written by sqlagen leads to: its id and parents, the SHA-256 of the revision
 * file as written (so that a later edit is noticed), and the state of the database after it.
 */
public record Snapshot(String revision, List<String> downRevisions, String revisionSha256, SchemaState state) {
  public Snapshot {
    Objects.requireNonNull(revision, "revision");
    downRevisions = List.copyOf(downRevisions);
    Objects.requireNonNull(revisionSha256, "revisionSha256");
    if (!revisionSha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SHA-256: " + revisionSha256);
    }
    Objects.requireNonNull(state, "state");
  }
}
