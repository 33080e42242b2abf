package dev.sqlagen.write;

import dev.sqlagen.write.Change.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares a generated tree with the output directory and decides, for every path, what
 * regeneration does. It only reads the disk; {@link WritePlan#apply(boolean)} writes, and check mode
 * only reports.
 */
public final class WritePlanner {
  private static final String REVISIONS = "migrations/versions/";

  /**
   * Files of the package that belong to the user, whatever a manifest says: sqlagen never writes,
   * replaces or deletes them ({@code migrations/env.py} imports {@code env_hooks.py} when present).
   */
  public static final Set<String> USER_OWNED = Set.of("migrations/env_hooks.py");

  private WritePlanner() {}

  public static WritePlan plan(OutputTree tree, Path outputDirectory) throws IOException {
    Path root = outputDirectory.toAbsolutePath().normalize();
    Optional<String> danger = SafeTarget.danger(root);
    if (danger.isPresent()) {
      return new WritePlan(root, List.of(), danger, Manifest.of(tree));
    }
    try {
      return planSafe(tree, root);
    } catch (SafeTarget.UnsafePathException | ManifestPaths.MalformedException e) {
      return new WritePlan(root, List.of(), Optional.of(e.getMessage()), Manifest.of(tree));
    }
  }

  private static WritePlan planSafe(OutputTree tree, Path root) throws IOException {
    Optional<Manifest> previous = Manifest.read(root);
    Map<String, Manifest.Entry> known = previous.map(Manifest::files).orElse(Map.of());
    List<Change> changes = new ArrayList<>();
    Set<String> produced = new HashSet<>();
    for (GeneratedFile file : tree.files()) {
      if (USER_OWNED.contains(file.path())) {
        throw new IllegalStateException("sqlagen generated " + file.path() + ", which belongs to the user");
      }
      produced.add(file.path());
      changes.add(change(root, file, known.get(file.path())));
    }
    Map<String, Manifest.Entry> next = new TreeMap<>(Manifest.of(tree).files());
    for (Map.Entry<String, Manifest.Entry> old : new TreeMap<>(known).entrySet()) {
      // A manifest that lists a user's file (written by hand, or by a future version) is wrong there.
      if (!produced.contains(old.getKey()) && !USER_OWNED.contains(old.getKey())) {
        orphan(root, old.getKey(), old.getValue()).ifPresent(changes::add);
      }
    }
    Manifest manifest = new Manifest(next);
    Path manifestFile = root.resolve(Manifest.FILE_NAME);
    boolean manifestCurrent = Files.isRegularFile(manifestFile)
        && java.util.Arrays.equals(Files.readAllBytes(manifestFile), manifest.render().getBytes(StandardCharsets.UTF_8));
    return new WritePlan(root, changes, Optional.empty(), manifest, manifestCurrent);
  }

  private static Change change(Path root, GeneratedFile file, Manifest.Entry known) throws IOException {
    Path target = SafeTarget.resolve(root, file.path());
    Optional<String> after = Optional.of(file.content());
    if (!Files.exists(target)) {
      return new Change(Kind.ADD, file.path(), Optional.empty(), after);
    }
    byte[] bytes = Files.isRegularFile(target) ? Files.readAllBytes(target) : null;
    Optional<String> before = Optional.ofNullable(bytes).map(b -> new String(b, StandardCharsets.UTF_8));
    if (bytes != null && before.get().equals(file.content())) {
      return new Change(Kind.UNCHANGED, file.path(), before, after);
    }
    if (file.keepExisting()) {
      // A revision may have been applied to some database: never replaced, even when forced.
      return new Change(Kind.KEEP, file.path(), before, after);
    }
    if (known == null || bytes == null) {
      return new Change(Kind.CONFLICT_NOT_OURS, file.path(), before, after);
    }
    if (!known.sha256().equals(Manifest.sha256(bytes))) {
      return new Change(Kind.CONFLICT_EDITED, file.path(), before, after);
    }
    return new Change(Kind.UPDATE, file.path(), before, after);
  }

  /**
   * A path generated before and no longer: removed if untouched, kept if edited. A migration
   * listed by an older sqlagen is the history's now: it leaves the manifest and stays as it is.
   */
  private static Optional<Change> orphan(Path root, String path, Manifest.Entry entry) throws IOException {
    Path target = SafeTarget.resolve(root, path);
    // Revisions are the history: whatever a manifest lists, they are never deleted.
    if (entry.keep() || path.startsWith(REVISIONS) || !Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    byte[] bytes = Files.readAllBytes(target);
    Optional<String> before = Optional.of(new String(bytes, StandardCharsets.UTF_8));
    if (!entry.sha256().equals(Manifest.sha256(bytes))) {
      return Optional.of(new Change(Kind.KEEP_EDITED_ORPHAN, path, before, Optional.empty()));
    }
    return Optional.of(new Change(Kind.DELETE, path, before, Optional.empty()));
  }
}
