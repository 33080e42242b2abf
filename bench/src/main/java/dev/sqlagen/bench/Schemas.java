package dev.sqlagen.bench;

import dev.sqlagen.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The schemas the benchmarks run on, by name: an example ({@code blog}, {@code saas},
 * {@code shop}, read from examples/NAME/NAME.sqd under the repository root, the system property
 * {@code sqlagen.root}, default the working directory) or a number of models (a synthetic schema
 * from {@link SchemaGenerator} with its default seed).
 */
final class Schemas {
  private Schemas() {}

  static SourceFile source(String name) {
    if (name.chars().allMatch(Character::isDigit)) {
      int models = Integer.parseInt(name);
      return new SourceFile("synth" + models + ".sqd", SchemaGenerator.generate(models, SchemaGenerator.DEFAULT_SEED));
    }
    Path root = Path.of(System.getProperty("sqlagen.root", "."));
    Path file = root.resolve("examples").resolve(name).resolve(name + ".sqd");
    try {
      return new SourceFile(name + ".sqd", Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (run from the repository root or set -Dsqlagen.root)", e);
    }
  }

  /** The package name sqlagen derives from the output directory: the schema's name. */
  static String packageName(String name) {
    return name.chars().allMatch(Character::isDigit) ? "synth" + name : name;
  }
}
