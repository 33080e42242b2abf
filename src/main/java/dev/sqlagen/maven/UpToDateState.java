package dev.sqlagen.maven;

import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.history.HistoryReader;
import dev.sqlagen.write.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.reflect.RecordComponent;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The generate goal's memory of its last successful run into one output directory, kept under
 * {@code ${project.build.directory}/sqlagen/} and keyed by that directory.
 *
 * <p>It holds one SHA-256 over everything a generation depends on or produces: the plugin build,
 * the schema's name and bytes, every generator option (each component of the
 * {@link GeneratorConfig}, found by reflection, so that a new option cannot be left out), the
 * output directory, and the output as it is on disk: the manifest sqlagen keeps there, the
 * current hash of every file the manifest lists, and every file of the revision history
 * ({@code migrations/versions}, which the manifest does not list), by name and hash. When the
 * fingerprint of this run equals the stored one, the same inputs already produced exactly the
 * files that are there and found the revisions current (generation is deterministic), so there is
 * nothing to do: no compile, no write. A schema or option change, a new plugin build, a generated
 * file deleted or edited by hand, or a revision added, removed or edited (by the revision goal, by
 * hand, by a checkout) changes the fingerprint.
 *
 * <p>The generate goal records a state only when the run found the revisions current: while the
 * schema has changes no revision covers, every build compiles and warns again.
 *
 * <p>{@code force} and {@code skip} are not in it: they change what a run does, never what it
 * generates, and a tree that matches its state has no conflicts for {@code force} to override.
 */
final class UpToDateState {
  private static final String FORMAT = "sqlagen-generate-state-2";

  private final Path output;
  private final Path file;

  UpToDateState(Path buildDirectory, Path output) {
    this.output = output;
    String key = Manifest.sha256(output.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    this.file = buildDirectory.toAbsolutePath().normalize().resolve("sqlagen").resolve("generate-" + key + ".state");
  }

  Path file() {
    return file;
  }

  /** The fingerprint of a run: its inputs and the output directory as it is now. Reads only. */
  String fingerprint(AbstractSqlagenMojo.Schema schema, GeneratorConfig config) throws IOException {
    MessageDigest digest = sha256();
    field(digest, "format", FORMAT);
    field(digest, "plugin", PluginBuild.ID);
    field(digest, "schema-name", schema.path().getFileName().toString());
    field(digest, "schema", schema.bytes());
    for (RecordComponent component : GeneratorConfig.class.getRecordComponents()) {
      field(digest, "config." + component.getName(), String.valueOf(accessor(component, config)));
    }
    field(digest, "output", output.toString());
    outputSnapshot(digest);
    historySnapshot(digest);
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Every regular file directly in {@code migrations/versions} (where the revisions and their
   * snapshots are read from), by name and SHA-256. Not its subdirectories: Alembic writes
   * {@code __pycache__} there when it runs, which changes no revision.
   */
  private void historySnapshot(MessageDigest digest) throws IOException {
    Path versions = output.resolve(HistoryReader.VERSIONS);
    if (!Files.isDirectory(versions, LinkOption.NOFOLLOW_LINKS)) {
      field(digest, "history", "none");
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(versions)) {
      files = list.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    field(digest, "history", String.valueOf(files.size()));
    for (Path file : files) {
      field(digest, "revision-file:" + file.getFileName(), Manifest.sha256(Files.readAllBytes(file)));
    }
  }

  /** A component of the configuration: every one is hashed, so a new option cannot be forgotten here. */
  private static Object accessor(RecordComponent component, GeneratorConfig config) {
    try {
      return component.getAccessor().invoke(config);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  /** The manifest file and the current SHA-256 of every file it lists (or that it is missing). */
  private void outputSnapshot(MessageDigest digest) throws IOException {
    Path manifestFile = output.resolve(Manifest.FILE_NAME);
    if (!Files.isRegularFile(manifestFile)) {
      field(digest, "manifest", "none");
      return;
    }
    field(digest, "manifest", Files.readAllBytes(manifestFile));
    Optional<Manifest> manifest = Manifest.read(output);
    Map<String, Manifest.Entry> files = new TreeMap<>(manifest.isPresent() ? manifest.get().files() : Map.of());
    for (String path : files.keySet()) {
      Path target = output.resolve(path).normalize();
      String state;
      if (!target.startsWith(output) || target.equals(output)) {
        state = "outside";
      } else if (Files.isRegularFile(target)) {
        state = Manifest.sha256(Files.readAllBytes(target));
      } else {
        state = Files.exists(target) ? "not-a-file" : "missing";
      }
      field(digest, "file:" + path, state);
    }
  }

  /** Whether the stored state is exactly this fingerprint. */
  boolean matches(String fingerprint) {
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.equals(fingerprint)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Stores the fingerprint, through a temporary file renamed into place. */
  void record(String fingerprint) throws IOException {
    Files.createDirectories(file.getParent());
    String text = "# sqlagen generate: the state of " + output + " after the last generation.\n"
        + "# Delete this file to make the next build regenerate.\n"
        + fingerprint + "\n";
    Path temp = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Drops the stored state, so that the next run compiles. */
  void forget() throws IOException {
    Files.deleteIfExists(file);
  }

  private static void field(MessageDigest digest, String name, String value) {
    field(digest, name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Length-prefixed, so that no two different sequences of fields hash the same bytes. */
  private static void field(MessageDigest digest, String name, byte[] value) {
    byte[] key = name.getBytes(StandardCharsets.UTF_8);
    digest.update(ByteBuffer.allocate(4).putInt(key.length).array());
    digest.update(key);
    digest.update(ByteBuffer.allocate(8).putLong(value.length).array());
    digest.update(value);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * The plugin build: its version and, since a SNAPSHOT version names many builds, the size and
   * time of the jar it runs from.
   */
  static final class PluginBuild {
    static final String ID = id();

    private PluginBuild() {}

    private static String id() {
      Properties properties = new Properties();
      try (InputStream in = PluginBuild.class.getResourceAsStream("/dev/sqlagen/version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        // Then the jar's size and time below still tell builds apart.
      }
      String id = properties.getProperty("version", "unknown");
      try {
        CodeSource source = PluginBuild.class.getProtectionDomain().getCodeSource();
        Path jar = source == null ? null : Path.of(source.getLocation().toURI());
        if (jar != null && Files.isRegularFile(jar)) {
          id += " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        }
      } catch (IOException | URISyntaxException | RuntimeException e) {
        id += " ?";
      }
      return id;
    }
  }
}
