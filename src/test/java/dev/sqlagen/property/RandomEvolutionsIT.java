package dev.sqlagen.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.history.History;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-tested schema evolution: {@value #DEFAULT_COUNT} random evolutions ({@link RandomEvolution},
 * seeds {@value #DEFAULT_FIRST_SEED}.. by default), each a base schema and 3 to 8 changed versions of
 * it. For every evolution, in target/evolutions/ev_SEED/:
 *
 * <ol>
 *   <li>step 0 is written with {@link Generator#compile}, every later step with
 *       {@link Generator#revision}: a step whose change loses or needs data is first run without
 *       --allow-data-loss and must be refused with exactly the codes the step expects, writing
 *       nothing; then with the flag. A probe (a new required column without a default) must be
 *       refused with SQD064 with and without the flag;
 *   <li>after each step a plain run must find no change that no revision covers (no SQW006), and
 *       {@code Generator.revision} again must write nothing;
 *   <li>a copy of the package after each step is kept in step_I/ev_SEED/, with evolution.json
 *       (what each step changed, the uids that follow tables and columns through renames, the
 *       values rows may hold) and evolution.txt (the changes, readable);
 * </ol>
 *
 * <p>Then ONE Python process (src/test/python/property/check_evolutions.py) migrates every
 * evolution step by step on SQLite and on PostgreSQL with rows in the tables, and checks alembic
 * check, the rows, the foreign keys, a fresh create_all of each step's models against the migrated
 * database, and the downgrade to base (see that script).
 *
 * <p>Replay one seed: {@code mvn -B -q verify -Dit.test=RandomEvolutionsIT -Dsqlagen.seed=N
 * -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.skip=true}; other seeds:
 * {@code -Dsqlagen.firstSeed=F -Dsqlagen.seeds=COUNT}. See src/test/python/property/README.md.
 */
class RandomEvolutionsIT {
  static final long DEFAULT_FIRST_SEED = 500_000;
  static final int DEFAULT_COUNT = 100;
  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  private static Path pyenv;
  private static final List<Path> evolutions = new ArrayList<>();
  private static final List<String> javaFailures = new ArrayList<>();

  @BeforeAll
  static void generate() throws IOException {
    Path project = Project.dir();
    pyenv = Path.of(System.getProperty("sqlagen.pyenv", "").isBlank()
        ? project.resolve("target/pyenv").toString() : System.getProperty("sqlagen.pyenv"));
    Path root = project.resolve("target/evolutions");
    deleteTree(root);
    long start = System.nanoTime();
    List<Long> seeds = RandomSchemasCompileTest.seeds(DEFAULT_FIRST_SEED, DEFAULT_COUNT);
    System.out.println("[random evolutions] seeds " + seeds.get(0) + ".." + seeds.get(seeds.size() - 1)
        + " (replay one with -Dsqlagen.seed=N)");
    int steps = 0;
    for (long seed : seeds) {
      RandomEvolution evolution = RandomEvolution.generate(seed);
      try {
        evolutions.add(evolve(evolution, root));
        steps += evolution.steps().size();
      } catch (StepFailure failure) {
        javaFailures.add("seed " + seed + " (" + root.resolve(evolution.packageName()) + "; replay: -Dsqlagen.seed=" + seed
            + "):\n" + failure.getMessage() + "\n" + evolution.describe());
      }
    }
    System.out.printf("[random evolutions] %d evolutions (%d steps) planned and written in %.1fs, %d failed%n", evolutions.size(),
        steps, (System.nanoTime() - start) / 1e9, javaFailures.size());
  }

  /** A step sqlagen got wrong: the rest of its evolution cannot be planned. */
  static final class StepFailure extends Exception {
    StepFailure(String message) {
      super(message);
    }
  }

  private static void require(boolean ok, String message) throws StepFailure {
    if (!ok) {
      throw new StepFailure(message);
    }
  }

  /** Writes every step of one evolution; returns its directory. */
  static Path evolve(RandomEvolution evolution, Path root) throws IOException, StepFailure {
    String pkg = evolution.packageName();
    Path dir = root.resolve(pkg);
    Path work = dir.resolve("work").resolve(pkg);
    Files.createDirectories(work);
    Files.writeString(dir.resolve("evolution.txt"), evolution.describe(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("evolution.json"), evolution.manifest(), StandardCharsets.UTF_8);
    for (RandomEvolution.Step step : evolution.steps()) {
      try {
        step(evolution, step, dir, work);
      } catch (RuntimeException crash) {
        java.io.StringWriter trace = new java.io.StringWriter();
        crash.printStackTrace(new java.io.PrintWriter(trace));
        throw new StepFailure("step " + step.index() + " (" + dir.resolve("step_" + step.index() + ".sqd") + "): sqlagen crashed: "
            + trace);
      }
    }
    return dir;
  }

  private static void step(RandomEvolution evolution, RandomEvolution.Step step, Path dir, Path work)
      throws IOException, StepFailure {
    String pkg = evolution.packageName();
    GeneratorConfig config = GeneratorConfig.defaults(pkg);
    {
      int i = step.index();
      Files.writeString(dir.resolve("step_" + i + ".sqd"), step.text(), StandardCharsets.UTF_8);
      // One file name for every step, as a user's schema keeps its name.
      SourceFile source = new SourceFile("schema.sqd", step.text());
      String where = "step " + i + " (" + dir.resolve("step_" + i + ".sqd") + ")";
      Generator.Result result;
      if (i == 0) {
        result = Generator.compile(source, config);
        require(result.succeeded() && errors(result).isEmpty(), where + " does not compile:\n" + format(result));
      } else {
        History history = Generator.history(work, pkg);
        String message = "Step " + i;
        if (step.needsFlag()) {
          Generator.Result refused = Generator.revision(source, config, history, new Generator.RevisionRequest(message, false));
          require(!refused.succeeded() && refused.revision().isEmpty() && codes(refused).equals(step.codes()),
              where + ": without --allow-data-loss the revision must be refused with exactly " + step.codes() + ", got "
                  + (refused.succeeded() ? "a revision" : codes(refused)) + ":\n" + format(refused));
        }
        if (step.probe().isPresent()) {
          SourceFile probe = new SourceFile("schema.sqd", step.probe().get());
          Files.writeString(dir.resolve("step_" + i + "_probe.sqd"), step.probe().get(), StandardCharsets.UTF_8);
          SortedSet<String> expected = new TreeSet<>(step.codes());
          expected.add("SQD064");
          Generator.Result without = Generator.revision(probe, config, history, new Generator.RevisionRequest(message, false));
          require(!without.succeeded() && codes(without).equals(expected), where + " probe (a new required column without a default)"
              + " without --allow-data-loss must be refused with " + expected + ", got " + codes(without) + ":\n" + format(without));
          Generator.Result with = Generator.revision(probe, config, history, new Generator.RevisionRequest(message, true));
          require(!with.succeeded() && codes(with).equals(new TreeSet<>(List.of("SQD064"))), where
              + " probe with --allow-data-loss must still be refused with [SQD064], got "
              + (with.succeeded() ? "a revision" : codes(with)) + ":\n" + format(with));
        }
        result = Generator.revision(source, config, history, new Generator.RevisionRequest(message, step.needsFlag()));
        require(result.succeeded() && errors(result).isEmpty(), where + ": the revision" + (step.needsFlag()
            ? " with --allow-data-loss" : "") + " is refused (the step expects " + (step.needsFlag() ? step.codes() : "no refusal")
            + "):\n" + format(result));
      }
      WriteResult written = WritePlanner.plan(result.output().orElseThrow(), work).apply(false);
      require(written.refusal().isEmpty(), where + ": writing refused: " + written.refusal());
      // The revision covers the schema: a plain run finds nothing to do, and so does revision.
      History after = Generator.history(work, pkg);
      Generator.Result plain = Generator.compile(source, config, after);
      require(plain.succeeded() && plain.diagnostics().stream().noneMatch(d -> d.code() == Code.UNPLANNED_CHANGES)
          && plain.revisionsCurrent() && plain.migrations() == Generator.Migrations.CURRENT,
          where + ": after the revision, a plain run still reports changes no revision covers (" + plain.migrations() + "):\n"
              + format(plain));
      require(WritePlanner.plan(plain.output().orElseThrow(), work).isUpToDate(), where + ": after the revision, a plain run would"
          + " change files: " + WritePlanner.plan(plain.output().orElseThrow(), work).changes());
      Generator.Result again = Generator.revision(source, config, after, new Generator.RevisionRequest("again", false));
      WritePlan againPlan = again.succeeded() ? WritePlanner.plan(again.output().orElseThrow(), work) : null;
      require(again.succeeded() && again.revision().isEmpty() && againPlan.isUpToDate(), where
          + ": sqlagen revision right after the step's revision must write nothing, got " + (again.succeeded()
          ? again.revision().map(r -> "revision " + r).orElse("changes " + againPlan.changes()) : "a refusal") + ":\n" + format(again));
      copyTree(work, dir.resolve("step_" + i).resolve(pkg));
    }
  }

  private static List<Diagnostic> errors(Generator.Result result) {
    return result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  private static SortedSet<String> codes(Generator.Result result) {
    return errors(result).stream().map(d -> d.code().id()).collect(Collectors.toCollection(TreeSet::new));
  }

  private static String format(Generator.Result result) {
    return result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining());
  }

  @TestFactory
  Stream<DynamicTest> everyEvolutionMigrates() {
    DynamicTest planned = DynamicTest.dynamicTest("sqlagen revision plans every step", () -> assertThat(javaFailures)
        .as("%d of the evolutions failed in sqlagen revision; the first:%n%s", javaFailures.size(),
            javaFailures.isEmpty() ? "" : javaFailures.get(0))
        .isEmpty());
    DynamicTest migrated = DynamicTest.dynamicTest("the revisions migrate SQLite and PostgreSQL", () -> {
      assertThat(evolutions).as("no evolution was planned").isNotEmpty();
      List<String> command = new ArrayList<>(List.of(pyenv.resolve("sa21").resolve("bin").resolve("python").toString(),
          Project.dir().resolve("src/test/python/property/check_evolutions.py").toString()));
      evolutions.forEach(e -> command.add(e.toString()));
      long start = System.nanoTime();
      Processes.Result result = Processes.run(command, Project.dir(), Map.of("PYTHONDONTWRITEBYTECODE", "1"), TIMEOUT);
      String output = result.output();
      System.out.printf("[random evolutions] check_evolutions.py: %.1fs%n%s%n", (System.nanoTime() - start) / 1e9,
          output.length() > 40_000 ? output.substring(0, 40_000) + "\n[...]" : output);
      assertThat(result.exitCode()).as("check_evolutions.py failed:%n%s",
          output.length() > 20_000 ? output.substring(0, 20_000) : output).isZero();
    });
    return Stream.of(planned, migrated);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
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
