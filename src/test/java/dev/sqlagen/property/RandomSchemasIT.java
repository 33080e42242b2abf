package dev.sqlagen.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-tested output: {@value #DEFAULT_COUNT} random valid schemas ({@link RandomSchema}, seeds
 * {@value #DEFAULT_FIRST_SEED}.. by default, so CI is reproducible) are generated as packages under
 * target/property-random/, then ONE Python process per SQLAlchemy line
 * (src/test/python/property/check_random_packages.py) checks every package in-process: literals and
 * structure against the generator's expectations, import, configure, create_all and round trips on
 * SQLite (test_generated.py's GraphBuilder), alembic upgrade head / check / downgrade base. Then
 * ruff check and ruff format --check run once over all packages.
 *
 * <p>Replay one seed: {@code mvn -B -q verify -Dit.test=RandomSchemasIT -Dsqlagen.seed=N
 * -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip=true}; other seeds:
 * {@code -Dsqlagen.firstSeed=F -Dsqlagen.seeds=COUNT}. A failure names the seed and the schema's
 * path.
 */
class RandomSchemasIT {
  static final long DEFAULT_FIRST_SEED = 100_000;
  static final int DEFAULT_COUNT = 200;
  private static final List<String> LINES = List.of("sa20", "sa21");
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private static Path pyenv;
  private static final List<Path> containers = new ArrayList<>();
  private static final List<Path> packages = new ArrayList<>();

  @BeforeAll
  static void generate() throws IOException {
    Path project = Project.dir();
    pyenv = Path.of(System.getProperty("sqlagen.pyenv", "").isBlank()
        ? project.resolve("target/pyenv").toString() : System.getProperty("sqlagen.pyenv"));
    Path root = project.resolve("target/property-random");
    deleteTree(root);
    long start = System.nanoTime();
    List<Long> seeds = RandomSchemasCompileTest.seeds(DEFAULT_FIRST_SEED, DEFAULT_COUNT);
    System.out.println("[random schemas] seeds " + seeds.get(0) + ".." + seeds.get(seeds.size() - 1)
        + " (replay one with -Dsqlagen.seed=N)");
    for (long seed : seeds) {
      RandomSchema schema = RandomSchema.generate(seed);
      String name = "rs_" + seed;
      Path container = root.resolve(name);
      Files.createDirectories(container);
      Files.writeString(container.resolve("schema.sqd"), schema.text(), StandardCharsets.UTF_8);
      Files.writeString(container.resolve("expect.jsonl"), String.join("\n", schema.expectations()) + "\n", StandardCharsets.UTF_8);
      Generator.Result result = Generator.compile(new SourceFile("schema.sqd", schema.text()), GeneratorConfig.defaults(name));
      assertThat(result.succeeded() && result.diagnostics().isEmpty())
          .as("seed %d (%s) does not compile cleanly:%n%s", seed, container.resolve("schema.sqd"),
              result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()))
          .isTrue();
      Path pkg = container.resolve(name);
      WriteResult written = WritePlanner.plan(result.output().orElseThrow(), pkg).apply(true);
      assertThat(written.refusal()).as("seed %d", seed).isEmpty();
      containers.add(container);
      packages.add(pkg);
    }
    System.out.printf("[random schemas] generated %d packages in %.1fs%n", packages.size(), (System.nanoTime() - start) / 1e9);
  }

  @TestFactory
  Stream<DynamicTest> randomPackagesWorkOnEverySqlAlchemyLine() {
    Stream<DynamicTest> lines = LINES.stream().map(line -> DynamicTest.dynamicTest(line, () -> {
      List<String> command = new ArrayList<>(List.of(bin(line, "python"),
          Project.dir().resolve("src/test/python/property/check_random_packages.py").toString()));
      containers.forEach(c -> command.add(c.toString()));
      run(line + " check_random_packages", command);
    }));
    Stream<DynamicTest> ruff = Stream.of(
        DynamicTest.dynamicTest("ruff check", () -> run("ruff check", ruff("check"))),
        DynamicTest.dynamicTest("ruff format --check", () -> run("ruff format --check", ruff("format", "--check"))));
    return Stream.concat(lines, ruff);
  }

  private static void run(String what, List<String> command) {
    long start = System.nanoTime();
    Processes.Result result = Processes.run(command, Project.dir(), Map.of(
        "PYTHONDONTWRITEBYTECODE", "1",
        "RUFF_CACHE_DIR", Project.dir().resolve("target/ruff-cache").toString()), TIMEOUT);
    String output = result.output();
    System.out.printf("[random schemas] %s: %.1fs%n%s%n", what, (System.nanoTime() - start) / 1e9,
        output.length() > 20_000 ? output.substring(0, 20_000) + "\n[...]" : output);
    assertThat(result.exitCode()).as("%s failed:%n%s", what, output.length() > 20_000 ? output.substring(0, 20_000) : output).isZero();
  }

  private static List<String> ruff(String... args) {
    List<String> command = new ArrayList<>(List.of(bin("sa21", "ruff")));
    command.addAll(List.of(args));
    command.addAll(List.of("--config", "src/test/python/ruff.toml"));
    if (args[0].equals("check")) {
      // Findings about what the random schema itself says, all documented as allowed: model names
      // that are not CapWords (N801) and mixedCase fields (N815) are the user's names; a doc
      // comment's word longer than a line or indented line stays whole (E501); ambiguous
      // characters (RUF001-003) are the user's text.
      command.addAll(List.of("--extend-ignore", "N801,N815,E501,RUF001,RUF002,RUF003"));
    }
    String firstParty = packages.stream().map(p -> "\"" + p.getFileName() + "\"").collect(Collectors.joining(", "));
    command.addAll(List.of("--config", "lint.isort.known-first-party = [" + firstParty + "]"));
    packages.forEach(p -> command.add(p.toString()));
    return command;
  }

  private static String bin(String line, String tool) {
    return pyenv.resolve(line).resolve("bin").resolve(tool).toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
