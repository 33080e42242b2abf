package dev.sqlagen.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The record, kept in the output directory, of the files sqlagen generated there and the SHA-256
 * of each as written. It tells a generated file from the user's own, an edited generated file
 * from an untouched one, and which files a new schema no longer produces.
 */
public record Manifest(Map<String, Entry> files) {
  /** The manifest's own file name in the output directory. */
  public static final String FILE_NAME = ".sqlagen-manifest";

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final String HEADER =
      "# sqlagen manifest: the files generated here and their SHA-256. Do not edit.\n";

  /** One generated file: its hash and whether it is written once and then left alone. */
  public record Entry(String sha256, boolean keep) {}

  public Manifest {
    files = Map.copyOf(files);
  }

  public static Manifest of(OutputTree tree) {
    // Hashing is a large part of a large run (SHA-256 without C2's intrinsic under the launcher's
    // C1): the files of a large package are hashed on every core. Small ones skip the thread pool.
    // Sized in characters, not bytes: close enough to choose, without encoding every file twice.
    long size = 0;
    for (GeneratedFile file : tree.files()) {
      size += file.content().length();
    }
    var files = size > PARALLEL_HASH_CHARS ? tree.files().parallelStream() : tree.files().stream();
    // Revisions and their snapshots are the history's: never regenerated, so never listed here.
    Map<String, Entry> entries = files.filter(f -> !f.keepExisting()).collect(java.util.stream.Collectors.toConcurrentMap(
        GeneratedFile::path, f -> new Entry(sha256(f.bytes()), f.keepExisting())));
    return new Manifest(new TreeMap<>(entries));
  }

  private static final long PARALLEL_HASH_CHARS = 1 << 20;

  /**
   * The manifest in a directory, or empty when there is none. A line sqlagen does not write (a
   * bad hash, an unknown mode, a path that is not a plain relative one) is an error with its line
   * number: a manifest decides what may be deleted, so one that was tampered with is not acted on.
   */
  public static Optional<Manifest> read(Path root) throws IOException {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, Entry> files = new TreeMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new ManifestPaths.MalformedException(FILE_NAME + ": not UTF-8 text; sqlagen did not write it: restore it from version"
          + " control, or delete it and regenerate with --force after reviewing the files");
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split(" ", 3);
      if (parts.length != 3 || !SHA256.matcher(parts[0]).matches() || !(parts[1].equals("generated") || parts[1].equals("keep"))) {
        throw new ManifestPaths.MalformedException(FILE_NAME + ":" + (i + 1) + ": not a line sqlagen writes (a SHA-256, 'generated'"
            + " or 'keep', a path); restore it from version control, or delete it and regenerate with --force after reviewing the files");
      }
      files.put(ManifestPaths.checked(parts[2], file, i + 1), new Entry(parts[0], parts[1].equals("keep")));
    }
    return Optional.of(new Manifest(files));
  }

  /** The manifest's text: one {@code sha256 mode path} line per file, in path order. */
  public String render() {
    StringBuilder out = new StringBuilder(HEADER);
    new TreeMap<>(files).forEach((path, entry) ->
        out.append(entry.sha256()).append(' ').append(entry.keep() ? "keep" : "generated").append(' ').append(path).append('\n'));
    return out.toString();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
