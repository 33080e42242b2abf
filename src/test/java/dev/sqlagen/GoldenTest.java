package dev.sqlagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Examples;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.UnifiedDiff;
import dev.sqlagen.write.GeneratedFile;
import dev.sqlagen.write.OutputTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each example's whole generated tree against its golden copy in examples/NAME/expected: the
 * same set of paths and the same bytes. Goldens change only on purpose, with
 * {@code -Dsqlagen.updateGoldens=true}, which is refused when {@code CI=true}.
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("sqlagen.updateGoldens");

  @TestFactory
  Stream<DynamicTest> everyExampleMatchesItsGoldenTree() {
    List<Path> schemas = Project.exampleSchemas();
    assertThat(schemas).as("examples under %s", Project.examples()).hasSizeGreaterThanOrEqualTo(3);
    return schemas.stream().map(schema -> DynamicTest.dynamicTest(Project.baseName(schema), () -> check(schema)));
  }

  private static void check(Path schema) throws IOException {
    GeneratorConfig config = GeneratorConfig.defaults(Project.baseName(schema));
    Generator.Result result;
    OutputTree tree;
    if (Examples.history(schema).isEmpty()) {
      result = Generator.compile(new SourceFile(Project.relative(schema), Project.read(schema)), config);
      tree = result.output().orElse(null);
    } else {
      // An example that evolved: its package as the user has it, every revision included.
      Path dir = Files.createTempDirectory("sqlagen-example").resolve(Project.baseName(schema));
      result = Examples.build(schema, config, dir);
      assertThat(result.migrations()).as("the revisions cover the current schema").isEqualTo(Generator.Migrations.CURRENT);
      tree = new OutputTree(readTree(dir).entrySet().stream()
          .filter(e -> !e.getKey().equals(dev.sqlagen.write.Manifest.FILE_NAME))
          .map(e -> new GeneratedFile(e.getKey(), e.getValue()))
          .toList());
    }
    if (!result.succeeded()) {
      fail("example does not compile:\n" + result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()));
    }
    assertThat(result.diagnostics()).as("warnings in an example").isEmpty();
    Path expectedDir = schema.getParent().resolve("expected");
    if (UPDATE) {
      if ("true".equals(System.getenv("CI"))) {
        fail("-Dsqlagen.updateGoldens=true is refused under CI=true: goldens change only on purpose, locally");
      }
      rewrite(expectedDir, tree);
      return;
    }
    compare(schema, expectedDir, tree);
  }

  private static void compare(Path schema, Path expectedDir, OutputTree tree) throws IOException {
    Map<String, String> expected = readTree(expectedDir);
    Map<String, String> actual =
        tree.files().stream().collect(Collectors.toMap(GeneratedFile::path, GeneratedFile::content, (a, b) -> a, TreeMap::new));
    StringBuilder problems = new StringBuilder();
    for (String path : new TreeSet<>(union(expected.keySet(), actual.keySet()))) {
      String want = expected.get(path);
      String got = actual.get(path);
      if (want == null) {
        problems.append("\nunexpected file ").append(path).append('\n');
      } else if (got == null) {
        problems.append("\nmissing file ").append(path).append('\n');
      } else if (!want.equals(got)) {
        problems.append('\n').append(UnifiedDiff.diff(path, want, got));
      }
    }
    if (problems.length() > 0) {
      Path actualDir = Project.dir().resolve("target/golden-actual").resolve(Project.baseName(schema));
      rewrite(actualDir, tree);
      fail("generated output differs from " + Project.relative(expectedDir) + " (actual tree written to "
          + Project.relative(actualDir) + "; if the change is intended, run mvn test -Dsqlagen.updateGoldens=true)\n" + problems);
    }
  }

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  private static Map<String, String> readTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .collect(Collectors.toMap(
              f -> dir.relativize(f).toString().replace('\\', '/'),
              f -> readUtf8(f),
              (a, b) -> a,
              TreeMap::new));
    }
  }

  private static String readUtf8(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void rewrite(Path dir, OutputTree tree) throws IOException {
    if (Files.isDirectory(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (GeneratedFile file : tree.files()) {
      Path target = dir.resolve(file.path());
      Files.createDirectories(target.getParent());
      Files.write(target, file.bytes());
    }
  }

}
