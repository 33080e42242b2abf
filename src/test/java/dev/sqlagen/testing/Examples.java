package dev.sqlagen.testing;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.write.WritePlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An example generated as a user would have: an example with a {@code history/} folder went
 * through its versions ({@code v1.sqd}, {@code v2.sqd}, ... beside a {@code .txt} with the
 * revision's message and options), the first generated, each later one fed to
 * {@code sqlagen revision}; then its current schema is generated.
 */
public final class Examples {
  private Examples() {}

  /** The versions an example went through, oldest first; none for an example without history. */
  public static List<Path> history(Path schema) {
    Path dir = schema.getParent().resolve("history");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches("v\\d+\\.sqd"))
          .sorted(java.util.Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("\\D", ""))))
          .toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Generates the example into {@code packageDir}; the result of generating its current schema. */
  public static Generator.Result build(Path schema, GeneratorConfig config, Path packageDir) throws IOException {
    String name = Project.relative(schema);
    boolean first = true;
    for (Path version : history(schema)) {
      SourceFile source = new SourceFile(name, Project.read(version));
      Generator.Result result;
      if (first) {
        result = Generator.compile(source, config, Generator.history(packageDir, packageDir.toString()));
      } else {
        List<String> lines = Project.read(version.resolveSibling(version.getFileName().toString().replace(".sqd", ".txt"))).lines().toList();
        result = Generator.revision(source, config, Generator.history(packageDir, packageDir.toString()),
            new Generator.RevisionRequest(lines.get(0), lines.contains("--allow-data-loss")));
      }
      write(result, packageDir, version);
      first = false;
    }
    Generator.Result result = Generator.compile(new SourceFile(name, Project.read(schema)), config,
        Generator.history(packageDir, packageDir.toString()));
    write(result, packageDir, schema);
    return result;
  }

  private static void write(Generator.Result result, Path packageDir, Path version) throws IOException {
    if (!result.succeeded()) {
      throw new AssertionError(version + " does not compile:\n"
          + result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()));
    }
    if (WritePlanner.plan(result.output().orElseThrow(), packageDir).apply(true).refusal().isPresent()) {
      throw new AssertionError("cannot write " + packageDir);
    }
  }
}
