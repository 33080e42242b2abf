package dev.sqlagen.history;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import dev.sqlagen.state.Snapshot;
import dev.sqlagen.state.SnapshotFormat;
import dev.sqlagen.state.StateSpans;
import dev.sqlagen.write.Manifest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the revisions of a generated package from disk: every {@code .py} file in
 * {@code migrations/versions} that declares a revision, with the snapshot beside it, checked
 * against the revision's bytes. Reading never writes and never fails: what cannot be read is a
 * diagnostic.
 */
public final class HistoryReader {
  /** Where revisions live in a package. */
  public static final String VERSIONS = "migrations/versions";
  private static final String SNAPSHOT_SUFFIX = ".snapshot.jsonl";
  private static final long LARGEST_FILE = 64L << 20;

  private HistoryReader() {}

  /**
   * @param packageDir the generated package
   * @param shownAs the package directory as diagnostics name it (as the user wrote it)
   */
  public static History read(Path packageDir, String shownAs) throws IOException {
    Path versions = packageDir.resolve(VERSIONS);
    if (!Files.isDirectory(versions, LinkOption.NOFOLLOW_LINKS)) {
      return History.empty();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(versions)) {
      files = list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    String prefix = (shownAs.isEmpty() || shownAs.endsWith("/") ? shownAs : shownAs + "/") + VERSIONS + "/";
    List<RevisionFile> revisions = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> snapshotsUsed = new HashSet<>();
    Optional<Manifest> manifest = Manifest.read(packageDir);
    for (Path path : files) {
      String name = path.getFileName().toString();
      if (!name.endsWith(".py") || name.startsWith(".") || name.equals("__init__.py")) {
        continue;
      }
      byte[] bytes = readSmall(path);
      Optional<String> text = utf8(bytes);
      if (text.isEmpty()) {
        continue; // not a module Alembic could load either
      }
      SourceFile source = new SourceFile(prefix + name, text.get());
      Optional<RevisionIdentity.Declared> identity = RevisionIdentity.read(source.text());
      if (identity.isEmpty()) {
        continue;
      }
      String sha = Manifest.sha256(bytes);
      String snapshotName = name.substring(0, name.length() - 3) + SNAPSHOT_SUFFIX;
      Path snapshotPath = versions.resolve(snapshotName);
      Optional<Snapshot> snapshot = Optional.empty();
      StateSpans spans = StateSpans.none(new Span(source, 1, 1, 0));
      List<Diagnostic> snapshotProblems = new ArrayList<>();
      if (Files.isRegularFile(snapshotPath, LinkOption.NOFOLLOW_LINKS)) {
        snapshotsUsed.add(snapshotName);
        SourceFile snapshotSource = new SourceFile(prefix + snapshotName, utf8(readSmall(snapshotPath)).orElse(""));
        SnapshotFormat.Read read = SnapshotFormat.read(snapshotSource);
        snapshotProblems.addAll(read.problems());
        snapshot = read.snapshot();
        spans = read.spans();
        if (snapshot.isPresent() && !snapshot.get().revision().equals(identity.get().revision())) {
          snapshotProblems.add(Diagnostic.of(Code.UNREADABLE_SNAPSHOT, new Span(snapshotSource, 1, 1, snapshotSource.line(1).length()),
              "this snapshot records revision " + snapshot.get().revision() + ", but " + name + " declares revision "
                  + identity.get().revision(),
              "a snapshot belongs to the revision sqlagen wrote it with: restore both from version control"));
          snapshot = Optional.empty();
        }
      }
      problems.addAll(snapshotProblems);
      RevisionFile file = new RevisionFile(VERSIONS + "/" + name, source, identity.get().revision(),
          identity.get().downRevisions(), sha, snapshot, spans, snapshotProblems);
      String recorded = snapshot.map(Snapshot::revisionSha256)
          .or(() -> manifest.map(m -> m.files().get(file.path())).filter(Manifest.Entry::keep).map(Manifest.Entry::sha256))
          .orElse(sha);
      if (!recorded.equals(sha)) {
        problems.add(Diagnostic.of(Code.REVISION_EDITED, History.line(file),
            "revision " + file.revision() + " was edited after sqlagen wrote it",
            "if it ran somewhere as it was, restore it; if the edit is what should run, plan the next revision on top of it"));
      }
      revisions.add(file);
    }
    for (Path path : files) {
      String name = path.getFileName().toString();
      if (name.endsWith(SNAPSHOT_SUFFIX) && !snapshotsUsed.contains(name)) {
        SourceFile source = new SourceFile(prefix + name, utf8(readSmall(path)).orElse(""));
        problems.add(Diagnostic.of(Code.MISSING_REVISION, new Span(source, 1, 1, source.line(1).length()),
            "this snapshot has no revision file beside it (" + name.replace(SNAPSHOT_SUFFIX, ".py") + ")",
            "restore the revision from version control, or delete the snapshot with it"));
      }
    }
    return new History(revisions, problems);
  }

  private static byte[] readSmall(Path path) throws IOException {
    if (Files.size(path) > LARGEST_FILE) {
      return new byte[0];
    }
    return Files.readAllBytes(path);
  }

  private static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
