package dev.sqlagen;

import dev.sqlagen.Generator.Migrations;
import dev.sqlagen.Generator.Result;
import dev.sqlagen.Generator.RevisionRequest;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.history.History;
import dev.sqlagen.history.Recorded;
import dev.sqlagen.history.RevisionFile;
import dev.sqlagen.migrate.MigrationPlanner;
import dev.sqlagen.plan.PackagePlanner;
import dev.sqlagen.plan.PlannedFile;
import dev.sqlagen.plan.RevisionPlanner;
import dev.sqlagen.plan.RevisionView;
import dev.sqlagen.render.TemplateRenderer;
import dev.sqlagen.resolved.RenameHints;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.state.LocatedState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.Snapshot;
import dev.sqlagen.state.SnapshotFormat;
import dev.sqlagen.write.GeneratedFile;
import dev.sqlagen.write.Manifest;
import dev.sqlagen.write.OutputTree;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The revision side of a run: the first revision and its snapshot for a package that has none;
 * otherwise, against the state the last revision recorded, whether the schema has changes no
 * revision covers, or the next revision with its snapshot.
 */
final class Revisions {
  private static final Set<Code> RENAME_CODES = Set.of(Code.RENAME_MATCHES_NOTHING, Code.RENAME_APPLIED);

  private final GeneratorConfig config;
  private final ResolvedSchema schema;
  private final LocatedState next;
  private final History history;
  private final Diagnostics diagnostics;

  Revisions(GeneratorConfig config, ResolvedSchema schema, LocatedState next, History history, Diagnostics diagnostics) {
    this.config = config;
    this.schema = schema;
    this.next = next;
    this.history = history;
    this.diagnostics = diagnostics;
  }

  Result run(Optional<RevisionRequest> request) {
    if (history.isEmpty()) {
      return first();
    }
    Recorded recorded = Recorded.of(history);
    // The state's problems may be the history's too (a snapshot on the head's path): once each.
    java.util.Set<Diagnostic> unique = new java.util.LinkedHashSet<>(history.problems());
    unique.addAll(recorded.problems());
    List<Diagnostic> problems = new ArrayList<>(unique);
    return request.isPresent() ? next(recorded, problems, request.get()) : check(recorded, problems);
  }

  private Result first() {
    for (RenameHints.Hint hint : schema.renames().hints()) {
      diagnostics.report(Diagnostic.of(Code.RENAME_APPLIED, hint.span(),
          "there is no revision yet: the first one creates everything under its new name",
          "remove the hint"));
    }
    OutputTree tree = Generator.renderPackage(schema, config, true);
    List<GeneratedFile> files = new ArrayList<>(tree.files());
    String revision = files.stream().filter(f -> f.path().equals(PackagePlanner.INITIAL_REVISION_PATH)).findFirst()
        .orElseThrow().content();
    files.add(snapshot(PackagePlanner.INITIAL_REVISION_PATH, MigrationPlanner.INITIAL_REVISION, List.of(), revision, next.state()));
    return result(new OutputTree(files), Migrations.FIRST, Optional.of(PackagePlanner.INITIAL_REVISION_PATH));
  }

  /** A plain run: the package, and whether the revisions cover the schema. */
  private Result check(Recorded recorded, List<Diagnostic> problems) {
    for (Diagnostic problem : problems) {
      // A history that cannot be read does not stop the models: it is only said.
      diagnostics.report(problem.severity() == Severity.ERROR
          ? new Diagnostic(Code.NO_RECORDED_STATE, problem.span(), problem.message(), problem.help())
          : problem);
    }
    Migrations status = Migrations.UNKNOWN;
    if (recorded.state().isPresent()) {
      MigrationPlanner.Plan plan = MigrationPlanner.plan(recorded.state().get(), next, recorded.name(), true, "");
      plan.diagnostics().stream().filter(d -> RENAME_CODES.contains(d.code())).forEach(diagnostics::report);
      status = plan.migration().isEmpty() && recorded.heads().size() == 1 ? Migrations.CURRENT : Migrations.PENDING;
      if (!plan.migration().isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.UNPLANNED_CHANGES, plan.firstChange(),
            "the schema changes the database, and no revision does that yet (the last is " + recorded.name() + ")",
            "write the next revision: sqlagen revision SCHEMA -o DIR -m \"what changed\" (docs/migrations.md)"));
      }
    }
    if (diagnostics.hasErrors()) {
      return new Result(Optional.empty(), diagnostics.sorted(), status, Optional.empty());
    }
    return result(Generator.renderPackage(schema, config, false), status, Optional.empty());
  }

  /** {@code sqlagen revision}: the package and the next revision, unless planning refuses. */
  private Result next(Recorded recorded, List<Diagnostic> problems, RevisionRequest request) {
    problems.stream().filter(p -> p.code() != Code.SEVERAL_HEADS).forEach(diagnostics::report);
    if (recorded.state().isEmpty() || diagnostics.hasErrors()) {
      if (recorded.state().isEmpty() && !diagnostics.hasErrors()) {
        RevisionFile head = history.revision(recorded.heads().get(0)).orElseThrow();
        diagnostics.report(Diagnostic.of(Code.UNKNOWN_STATE, new dev.sqlagen.source.Span(head.source(), 1, 1, 0),
            "cannot tell what revision " + head.revision() + " leads to: it has no snapshot",
            "a revision sqlagen did not write must follow one it did; restore that revision's snapshot"));
      }
      return new Result(Optional.empty(), diagnostics.sorted(), Migrations.UNKNOWN, Optional.empty());
    }
    String message = request.message().isBlank() ? "Schema changes." : request.message().strip();
    MigrationPlanner.Plan plan = MigrationPlanner.plan(recorded.state().get(), next, recorded.name(), request.allowDataLoss(), message);
    plan.diagnostics().forEach(diagnostics::report);
    if (diagnostics.hasErrors()) {
      return new Result(Optional.empty(), diagnostics.sorted(), Migrations.PENDING, Optional.empty());
    }
    OutputTree tree = Generator.renderPackage(schema, config, false);
    if (plan.migration().isEmpty() && recorded.heads().size() == 1) {
      return result(tree, Migrations.CURRENT, Optional.empty());
    }
    List<String> parents = recorded.heads();
    String id = String.format(Locale.ROOT, "%04d", history.nextNumber(parents)) + "_"
        + Manifest.sha256(fingerprint(parents, message, RevisionPlanner.plan(plan.migration(), "", parents))).substring(0, 8);
    String path = "migrations/versions/rev_" + id + "_" + slug(message) + ".py";
    RevisionView view = RevisionPlanner.plan(plan.migration(), id, parents);
    String text = TemplateRenderer.render(new PlannedFile(path, "revision.py.ftl", view, true));
    List<GeneratedFile> files = new ArrayList<>(tree.files());
    files.add(new GeneratedFile(path, text, true));
    files.add(snapshot(path, id, parents, text, next.state()));
    files.addAll(legacySnapshots());
    return result(new OutputTree(files), Migrations.WRITTEN, Optional.of(path));
  }

  /** A first revision from before snapshots existed gets the snapshot of what it was read as. */
  private List<GeneratedFile> legacySnapshots() {
    List<GeneratedFile> files = new ArrayList<>();
    for (RevisionFile file : history.revisions()) {
      if (file.snapshot().isEmpty() && file.downRevisions().isEmpty()) {
        history.stateAt(file.revision()).state().ifPresent(state -> files.add(new GeneratedFile(
            RevisionFile.snapshotPath(file.path()),
            SnapshotFormat.write(new Snapshot(file.revision(), List.of(), file.sha256(), state.state())), true)));
      }
    }
    return files;
  }

  private static GeneratedFile snapshot(String revisionPath, String id, List<String> parents, String revision, SchemaState state) {
    String sha = Manifest.sha256(revision.getBytes(StandardCharsets.UTF_8));
    return new GeneratedFile(RevisionFile.snapshotPath(revisionPath), SnapshotFormat.write(new Snapshot(id, parents, sha, state)), true);
  }

  /** What makes a revision this one: a branch that planned the same change from the same parent gets the same id. */
  private static byte[] fingerprint(List<String> parents, String message, RevisionView view) {
    StringBuilder text = new StringBuilder(String.join(",", parents)).append('\n').append(message).append('\n');
    view.enums().forEach(line -> text.append(line).append('\n'));
    view.upgrade().forEach(line -> text.append(line).append('\n'));
    view.downgrade().forEach(line -> text.append(line).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The file name part of a message, as Alembic makes it: lower case words joined by '_', at most 40 characters. */
  static String slug(String message) {
    String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (slug.length() > 40) {
      slug = slug.substring(0, 40).replaceAll("_+$", "");
    }
    return slug.isEmpty() ? "revision" : slug;
  }

  private Result result(OutputTree tree, Migrations status, Optional<String> revision) {
    return new Result(Optional.of(tree), diagnostics.sorted(), status, revision);
  }
}
