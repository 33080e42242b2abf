package dev.sqlagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Zero drift on real schemas: every entry of src/test/resources/corpus/ (a public database schema
 * not written by this project, its original DDL, and the same schema written in {@code .sqd}) is
 * generated, then src/test/python/corpus/check_corpus.py builds a database from the original DDL,
 * runs {@code alembic check} of the generated package against it, and compares it with a fresh
 * {@code alembic upgrade head} (PostgreSQL: {@code pg_dump --schema-only} normalised; SQLite: the
 * PRAGMAs). Any difference fails, listed.
 *
 * <p>Which entries run is decided in ONE place, src/test/resources/corpus/entries.txt: an entry
 * is {@code on}, or {@code pending: why} (it needs a construct that has not landed); a pending
 * entry is reported as skipped with its reason, and whether its {@code .sqd} compiles today.
 * A harness self-test also runs: the dump of a generated database, loaded again, must compare
 * equal, and deliberate changes to it must each be found.
 *
 * <p>Run alone: {@code mvn -o -q verify -Dit.test=CorpusIT -Dtest=NoSuchTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip=true -Dsqlagen.pyenv=...}; the PostgreSQL
 * entries need {@code SQLAGEN_TEST_POSTGRES_URL} (without it they fail under {@code CI=true} and
 * are skipped, loudly, otherwise).
 */
class CorpusIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  /** The SQLAlchemy line the corpus runs on (one is enough: the proof covers both lines). */
  private static final String LINE = "sa20";

  /** One line of entries.txt. */
  record Entry(String name, String database, String state) {
    boolean on() {
      return state.equals("on");
    }

    Path dir() {
      return corpus().resolve(name);
    }
  }

  static Path corpus() {
    return Project.dir().resolve("src/test/resources/corpus");
  }

  static List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    for (String raw : Project.read(corpus().resolve("entries.txt")).split("\n")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      assertThat(parts).as("entries.txt: '%s' is not 'name database state'", line).hasSize(3);
      assertThat(parts[1]).as("entries.txt: database of %s", parts[0]).isIn("postgresql", "sqlite");
      assertThat(parts[2].equals("on") || parts[2].startsWith("pending:"))
          .as("entries.txt: the state of %s is 'on' or 'pending: why', not '%s'", parts[0], parts[2]).isTrue();
      entries.add(new Entry(parts[0], parts[1], parts[2]));
    }
    return entries;
  }

  @TestFactory
  Stream<DynamicTest> realSchemasHaveNoDrift() throws IOException {
    List<Entry> entries = entries();
    for (Entry entry : entries) {
      for (String file : List.of("SOURCE.md", entry.name() + ".sql", entry.name() + ".sqd")) {
        assertThat(entry.dir().resolve(file)).as("corpus entry %s needs %s", entry.name(), file).isRegularFile();
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> entryFiles = new ArrayList<>();
    Path root = Project.dir().resolve("target/corpus");
    deleteTree(root);
    for (Entry entry : entries) {
      if (!entry.on()) {
        String compiles = compile(entry).succeeded() ? "its .sqd compiles today: try switching it on"
            : "its .sqd does not compile yet";
        String why = entry.name() + " is pending (" + entry.state().substring("pending:".length()).strip()
            + "); " + compiles;
        tests.add(DynamicTest.dynamicTest(entry.name() + " (pending)", () -> {
          System.out.println("[corpus] SKIPPED " + why);
          Assumptions.abort(why);
        }));
        continue;
      }
      entryFiles.add(generate(root, entry));
    }
    if (!entryFiles.isEmpty()) {
      tests.add(0, DynamicTest.dynamicTest("zero drift: " + entries.stream().filter(Entry::on).map(Entry::name)
          .collect(Collectors.joining(", ")), () -> {
            List<String> command = new ArrayList<>(List.of(python(), script()));
            entryFiles.stream()
                .filter(f -> postgresAvailable() || !f.getFileName().toString().startsWith("postgresql"))
                .forEach(f -> command.add(f.toString()));
            if (command.size() == 2) {
              postgresAvailable("the corpus (every entry switched on is PostgreSQL)"); // fails under CI=true, else skips
            } else if (command.size() < 2 + entryFiles.size()) {
              assertThat("true".equalsIgnoreCase(System.getenv("CI")))
                  .as("CI=true demands PostgreSQL: SQLAGEN_TEST_POSTGRES_URL is not set").isFalse();
            }
            run("corpus", command);
          }));
      Path selfTest = entryFiles.stream().filter(f -> f.toString().contains("postgresql")).findFirst()
          .map(f -> f.getParent().resolve(f.getParent().getFileName().toString())).orElse(null);
      if (selfTest != null) {
        tests.add(DynamicTest.dynamicTest("harness self-test on " + selfTest.getFileName(), () -> {
          postgresAvailable("the harness self-test");
          run("self-test", selfTestCommand(selfTest));
        }));
      }
    }
    return tests.stream();
  }

  /** The changes the self-test makes to a copy of a generated database; each must be found. */
  private static List<String> selfTestCommand(Path pkg) {
    List<String> command = new ArrayList<>(List.of(python(), script(), "--self-test", pkg.toString()));
    Path mutations = corpus().resolve("self-test-mutations.txt");
    for (String raw : Project.read(mutations).split("\n")) {
      String line = raw.strip();
      if (line.startsWith("sqlite:")) {
        command.add("--sqlite-mutation");
        command.add(line.substring("sqlite:".length()));
      } else if (!line.isEmpty() && !line.startsWith("#")) {
        command.add("--mutation");
        command.add(line);
      }
    }
    return command;
  }

  private static Generator.Result compile(Entry entry) {
    Path schema = entry.dir().resolve(entry.name() + ".sqd");
    GeneratorConfig config = new GeneratorConfig(entry.name(), GeneratorConfig.Sessions.BOTH,
        entry.database().equals("postgresql") ? GeneratorConfig.Dialect.POSTGRESQL : GeneratorConfig.Dialect.SQLITE,
        GeneratorConfig.DEFAULT_URL_VARIABLE);
    return Generator.compile(new SourceFile(Project.relative(schema), Project.read(schema)), config);
  }

  /** Generates the entry's package under target/corpus/NAME/ and writes the entry file for Python. */
  private static Path generate(Path root, Entry entry) throws IOException {
    Generator.Result result = compile(entry);
    assertThat(result.succeeded())
        .as("corpus entry %s is on but its .sqd does not compile:%n%s", entry.name(),
            result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()))
        .isTrue();
    Path container = root.resolve(entry.name());
    Path pkg = container.resolve(entry.name());
    WriteResult written = WritePlanner.plan(result.output().orElseThrow(), pkg).apply(true);
    assertThat(written.refusal()).isEmpty();
    // The user's own hook module (issue 14): what Alembic compares, e.g. no views or partitions.
    Path hooks = entry.dir().resolve("env_hooks.py");
    if (Files.isRegularFile(hooks)) {
      Files.copy(hooks, pkg.resolve("migrations/env_hooks.py"), StandardCopyOption.REPLACE_EXISTING);
    }
    Path scope = entry.dir().resolve("out_of_scope.txt");
    String json = "{\"name\": " + quote(entry.name()) + ", \"database\": " + quote(entry.database())
        + ", \"ddl\": " + quote(entry.dir().resolve(entry.name() + ".sql").toString())
        + ", \"package_dir\": " + quote(pkg.toString())
        + ", \"out_of_scope\": " + (Files.isRegularFile(scope) ? quote(scope.toString()) : "null") + "}\n";
    Path file = container.resolve(entry.database() + "-entry.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static boolean postgresAvailable() {
    String url = System.getenv("SQLAGEN_TEST_POSTGRES_URL");
    return url != null && !url.isBlank();
  }

  /** Skips (loudly; fails under CI=true) what needs PostgreSQL when there is none. */
  private static void postgresAvailable(String what) {
    if (!postgresAvailable()) {
      String message = "SQLAGEN_TEST_POSTGRES_URL is not set: " + what + " did NOT run on PostgreSQL";
      assertThat("true".equalsIgnoreCase(System.getenv("CI"))).as("CI=true demands PostgreSQL: %s", message).isFalse();
      System.out.println("[corpus] WARNING: " + message);
      Assumptions.abort(message);
    }
  }

  private static void run(String what, List<String> command) {
    if (!postgresAvailable()) {
      System.out.println("[corpus] WARNING: SQLAGEN_TEST_POSTGRES_URL is not set: the PostgreSQL entries did NOT run");
    }
    long start = System.nanoTime();
    Processes.Result result = Processes.run(command, Project.dir(), Map.of("PYTHONDONTWRITEBYTECODE", "1"), TIMEOUT);
    System.out.printf("[corpus] %s: %.1fs%n%s%n", what, (System.nanoTime() - start) / 1e9, result.output());
    assertThat(result.exitCode()).as("%s failed:%n%s", what, result.output()).isZero();
  }

  private static String python() {
    Path pyenv = Path.of(System.getProperty("sqlagen.pyenv", "").isBlank()
        ? Project.dir().resolve("target/pyenv").toString() : System.getProperty("sqlagen.pyenv"));
    return pyenv.resolve(LINE).resolve("bin/python").toString();
  }

  private static String script() {
    return Project.dir().resolve("src/test/python/corpus/check_corpus.py").toString();
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
