package dev.sqlagen.bench;

import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.history.History;
import dev.sqlagen.history.HistoryReader;
import dev.sqlagen.history.Recorded;
import dev.sqlagen.migrate.MigrationPlanner;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.plan.PlannedFile;
import dev.sqlagen.plan.RevisionPlanner;
import dev.sqlagen.plan.RevisionView;
import dev.sqlagen.render.TemplateRenderer;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.LocatedState;
import dev.sqlagen.state.Snapshot;
import dev.sqlagen.state.SnapshotFormat;
import dev.sqlagen.state.StateLocator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The stages of planning a revision, timed once each in a cold JVM (as the CLI runs them), for a
 * package in PACKAGE_DIR whose head is recorded and the schema NEXT.sqd.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sqlagen.bench.RevisionTimes NEXT.sqd PACKAGE_DIR}
 */
public final class RevisionTimes {
  private RevisionTimes() {}

  private static <T> T timed(String stage, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    System.out.printf("%-28s %7.1f ms%n", stage, (System.nanoTime() - start) / 1e6);
    return result;
  }

  public static void main(String[] args) throws Exception {
    Path schemaPath = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    long start = System.nanoTime();
    String text = Files.readString(schemaPath, StandardCharsets.UTF_8);
    SourceFile source = new SourceFile(schemaPath.toString(), text);
    Diagnostics diagnostics = new Diagnostics();
    Schema parsed = timed("parse", () -> SchemaParser.parse(source, diagnostics).orElseThrow());
    ResolvedSchema resolved = timed("check", () -> SchemaChecker.check(parsed, diagnostics).orElseThrow());
    LocatedState next = timed("state of the schema", () -> StateLocator.of(parsed, resolved));
    History history = timed("read the history", () -> {
      try {
        return HistoryReader.read(dir, dir.toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Recorded recorded = timed("state of the head", () -> Recorded.of(history));
    MigrationPlanner.Plan plan = timed("plan the revision",
        () -> MigrationPlanner.plan(recorded.state().orElseThrow(), next, recorded.name(), false, "bench"));
    RevisionView view = timed("lay the revision out", () -> RevisionPlanner.plan(plan.migration(), "0002_00000000", List.of("0001")));
    String revision = timed("render the revision",
        () -> TemplateRenderer.render(new PlannedFile("migrations/versions/rev_0002.py", "revision.py.ftl", view, true)));
    String snapshot = timed("write the snapshot",
        () -> SnapshotFormat.write(new Snapshot("0002_00000000", List.of("0001"), "0".repeat(64), next.state())));
    for (int i = 0; args.length > 2 && i < Integer.parseInt(args[2]); i++) {
      timed("plan again", () -> MigrationPlanner.plan(recorded.state().orElseThrow(), next, recorded.name(), false, "bench"));
    }
    System.out.printf("%-28s %7.1f ms (revision %d lines, snapshot %d lines, %d diagnostics; %s)%n", "total",
        (System.nanoTime() - start) / 1e6, revision.lines().count(), snapshot.lines().count(), plan.diagnostics().size(),
        GeneratorConfig.defaults("app").packageName());
  }
}
