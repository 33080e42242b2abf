package dev.sqlagen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Paths of the project under test and its schemas, from the build's system properties. */
public final class Project {
  private Project() {}

  public static Path dir() {
    return Path.of(System.getProperty("sqlagen.projectDir", ".")).toAbsolutePath().normalize();
  }

  public static Path examples() {
    return dir().resolve("examples");
  }

  /** Every example: a folder under examples/ holding {@code <folder>.sqd}. */
  public static List<Path> exampleSchemas() {
    return folderSchemas(examples());
  }

  /**
   * The evolved test schemas: each a folder under src/test/resources/schemas/evolved holding
   * {@code <folder>.sqd} and the versions it went through in {@code history/}, as an example does
   * ({@link Examples#build}); each pins changes that revisions once got wrong.
   */
  public static List<Path> evolvedTestSchemas() {
    return folderSchemas(dir().resolve("src/test/resources/schemas/evolved"));
  }

  private static List<Path> folderSchemas(Path root) {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory)
          .map(d -> d.resolve(d.getFileName() + ".sqd"))
          .filter(Files::isRegularFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The valid test schemas under src/test/resources/schemas/valid. */
  public static List<Path> validTestSchemas() {
    return schemas("valid");
  }

  public static List<Path> schemas(String kind) {
    Path dir = dir().resolve("src/test/resources/schemas").resolve(kind);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".sqd")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path as diagnostics show it: relative to the project directory. */
  public static String relative(Path file) {
    return dir().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  public static String baseName(Path schema) {
    String name = schema.getFileName().toString();
    return name.substring(0, name.length() - ".sqd".length());
  }
}
