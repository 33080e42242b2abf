package dev.sqlagen.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.history.History;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.UnifiedDiff;
import dev.sqlagen.write.WritePlanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnostics of schema evolution, case by case: each folder under
 * src/test/resources/schemas/evolution holds schema versions and {@code case.txt}, commands run in
 * order on one package (the first is always a revision from the empty history):
 *
 * <pre>
 * revision FILE [--allow-data-loss]   sqlagen revision FILE, written when it succeeds
 * plain FILE                          sqlagen FILE (the package; its revisions are not touched)
 * edit ID                             appends a line to the revision whose id starts with ID
 * delete ID                           deletes that revision file (its snapshot stays)
 * unsnapshot ID                       deletes that revision's snapshot
 * corrupt ID                          breaks a line of that revision's snapshot
 * aside ID / restore                  moves that revision and its snapshot away / back (a branch)
 * duplicate ID                        copies that revision under another file name
 * append ID TEXT                      appends TEXT (a line of Python) to that revision
 * legacy EXAMPLE                      the first revision as the release before snapshots wrote it for
 *                                     that example (src/test/resources/legacy), without a snapshot
 * </pre>
 *
 * Every command's diagnostics, under a header, must be {@code expected.err}; written with
 * {@code -Dsqlagen.updateGoldens=true}.
 */
public class EvolutionCorpusTest {
  private static final boolean UPDATE = Boolean.getBoolean("sqlagen.updateGoldens");
  private static final GeneratorConfig CONFIG = GeneratorConfig.defaults("app");

  @TempDir Path work;

  /** The cases, in name order. */
  public static List<Path> cases() throws IOException {
    Path root = Project.dir().resolve("src/test/resources/schemas/evolution");
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("case.txt"))).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCaseGivesItsDiagnostics() throws IOException {
    return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
  }

  private void check(Path dir) throws IOException {
    Path app = work.resolve(dir.getFileName().toString()).resolve("app");
    Files.createDirectories(app);
    String printed = run(dir, app);
    Path expected = dir.resolve("expected.err");
    if (UPDATE && !"true".equals(System.getenv("CI"))) {
      Files.writeString(expected, printed, StandardCharsets.UTF_8);
      return;
    }
    String want = Files.exists(expected) ? Project.read(expected) : "";
    if (!want.equals(printed)) {
      fail("diagnostics differ from " + dir.getFileName() + "/expected.err:\n" + UnifiedDiff.diff("expected.err", want, printed));
    }
  }

  /** Runs the case's commands; what each printed, under its header. */
  static String run(Path dir, Path app) throws IOException {
    StringBuilder out = new StringBuilder();
    List<Path> aside = new ArrayList<>();
    for (String line : Project.read(dir.resolve("case.txt")).lines().toList()) {
      String command = line.strip();
      if (command.isEmpty() || command.startsWith("#")) {
        continue;
      }
      out.append("== ").append(command).append('\n');
      String[] words = command.split(" ", 3);
      switch (words[0]) {
        case "revision", "plain" -> {
          Path schema = dir.resolve(words[1]);
          SourceFile source = new SourceFile(words[1], Project.read(schema));
          History history = Generator.history(app, "app");
          Generator.Result result = words[0].equals("plain")
              ? Generator.compile(source, CONFIG, history)
              : Generator.revision(source, CONFIG, history,
                  new Generator.RevisionRequest(dir.getFileName() + " step", command.endsWith("--allow-data-loss")));
          out.append(result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()));
          if (result.succeeded()) {
            assertThat(WritePlanner.plan(result.output().orElseThrow(), app).apply(true).refusal()).isEmpty();
            result.revision().ifPresent(path -> out.append("-> ").append(path).append('\n'));
          }
        }
        case "edit" -> append(revision(app, words[1]), "# edited by hand");
        case "append" -> append(revision(app, words[1]), words[2]);
        case "delete" -> Files.delete(revision(app, words[1]));
        case "unsnapshot" -> Files.delete(snapshot(revision(app, words[1])));
        case "corrupt" -> {
          Path snapshot = snapshot(revision(app, words[1]));
          List<String> lines = new ArrayList<>(Files.readAllLines(snapshot));
          int column = lines.size() - 1;
          while (!lines.get(column).startsWith("{\"column\"")) {
            column--;
          }
          lines.set(column, lines.get(column).replace("\"nullable\":", "\"nullable\";"));
          Files.write(snapshot, lines);
        }
        case "aside" -> {
          Path revision = revision(app, words[1]);
          for (Path file : List.of(revision, snapshot(revision))) {
            Path moved = app.getParent().resolve(file.getFileName());
            Files.move(file, moved);
            aside.add(moved);
          }
        }
        case "restore" -> {
          for (Path file : aside) {
            Files.move(file, app.resolve("migrations/versions").resolve(file.getFileName()));
          }
          aside.clear();
        }
        case "legacy" -> {
          Path revision = revision(app, "0001");
          Files.delete(snapshot(revision));
          Files.copy(Project.dir().resolve("src/test/resources/legacy").resolve(words[1]).resolve("rev_0001_initial.py"), revision,
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        case "duplicate" -> {
          Path revision = revision(app, words[1]);
          Files.copy(revision, revision.resolveSibling("rev_copy_" + revision.getFileName().toString().substring(4)));
        }
        default -> throw new IllegalArgumentException("unknown command in " + dir + ": " + command);
      }
    }
    return out.toString();
  }

  private static void append(Path file, String line) throws IOException {
    Files.writeString(file, Files.readString(file) + line + "\n");
  }

  private static Path revision(Path app, String id) throws IOException {
    try (Stream<Path> files = Files.list(app.resolve("migrations/versions"))) {
      return files.filter(f -> f.getFileName().toString().startsWith("rev_" + id) && f.toString().endsWith(".py"))
          .min(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalArgumentException("no revision " + id));
    }
  }

  private static Path snapshot(Path revision) {
    String name = revision.getFileName().toString();
    return revision.resolveSibling(name.substring(0, name.length() - 3) + ".snapshot.jsonl");
  }
}
