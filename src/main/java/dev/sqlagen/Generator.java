package dev.sqlagen;

import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.history.History;
import dev.sqlagen.history.HistoryReader;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.plan.PackagePlanner;
import dev.sqlagen.plan.PlannedFile;
import dev.sqlagen.render.TemplateRenderer;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.LocatedState;
import dev.sqlagen.state.StateLocator;
import dev.sqlagen.write.GeneratedFile;
import dev.sqlagen.write.OutputTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one generator API that every front-end calls: schema text in, generated files (in memory)
 * or diagnostics out. Stages run in order; a stage with errors stops the ones after it. With the
 * package's revision history (read by {@link #history}), it also says whether the schema has
 * changes no revision covers, and writes the next revision ({@link #revision}).
 */
public final class Generator {
  private Generator() {}

  /** Where a package's migrations stand after a run. */
  public enum Migrations {
    /** The package had no revision: this run writes the first. */
    FIRST,
    /** The last revision leads to what the schema describes. */
    CURRENT,
    /** The schema changes the database, and no revision does that yet. */
    PENDING,
    /** This run writes a new revision. */
    WRITTEN,
    /** The history cannot be read well enough to tell. */
    UNKNOWN
  }

  /**
   * The outcome of compiling one schema: the output tree when there is no error, every
   * diagnostic, where the migrations stand, and the path of the revision this run writes, if any.
   */
  public record Result(Optional<OutputTree> output, List<Diagnostic> diagnostics, Migrations migrations, Optional<String> revision) {
    public Result {
      Objects.requireNonNull(output, "output");
      diagnostics = List.copyOf(diagnostics);
      Objects.requireNonNull(migrations, "migrations");
      Objects.requireNonNull(revision, "revision");
    }

    public Result(Optional<OutputTree> output, List<Diagnostic> diagnostics) {
      this(output, diagnostics, Migrations.FIRST, Optional.empty());
    }

    public boolean succeeded() {
      return output.isPresent();
    }

    /**
     * True unless the revisions need attention: the schema has changes none covers, or the
     * history has an edited or missing revision, an id declared twice, several heads, or a state
     * that cannot be read. {@code --check} and the Maven {@code check} fail on these too.
     */
    public boolean revisionsCurrent() {
      return diagnostics.stream().noneMatch(d -> switch (d.code()) {
        case UNPLANNED_CHANGES, REVISION_EDITED, SEVERAL_HEADS, MISSING_REVISION, DUPLICATE_REVISION, NO_RECORDED_STATE -> true;
        default -> false;
      });
    }
  }

  /** What {@code sqlagen revision} asks for: the revision's message, and whether it may lose data. */
  public record RevisionRequest(String message, boolean allowDataLoss) {
    public RevisionRequest {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The revisions of the package in {@code outputDirectory}, as named in diagnostics by {@code shownAs}. */
  public static History history(Path outputDirectory, String shownAs) throws IOException {
    return HistoryReader.read(outputDirectory, shownAs);
  }

  /** The package of a schema, as if it had no revision yet. */
  public static Result compile(SourceFile source, GeneratorConfig config) {
    return compile(source, config, History.empty());
  }

  /**
   * The package of a schema: its modules, and the first revision when there is none; otherwise
   * whether the revisions cover the schema (they are never rewritten).
   */
  public static Result compile(SourceFile source, GeneratorConfig config, History history) {
    return run(source, config, history, Optional.empty());
  }

  /** The package and the next revision: the changes from the recorded state to the schema. */
  public static Result revision(SourceFile source, GeneratorConfig config, History history, RevisionRequest request) {
    return run(source, config, history, Optional.of(request));
  }

  private static Result run(SourceFile source, GeneratorConfig config, History history, Optional<RevisionRequest> request) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Schema> schema = SchemaParser.parse(source, diagnostics);
    if (schema.isEmpty() || diagnostics.hasErrors()) {
      return new Result(Optional.empty(), diagnostics.sorted());
    }
    Optional<ResolvedSchema> resolved = SchemaChecker.check(schema.get(), diagnostics);
    if (resolved.isEmpty()) {
      return new Result(Optional.empty(), diagnostics.sorted());
    }
    LocatedState next = StateLocator.of(schema.get(), resolved.get());
    return new Revisions(config, resolved.get(), next, history, diagnostics).run(request);
  }

  /** The render stage: every planned file printed, in the planned order. */
  public static OutputTree render(List<PlannedFile> planned) {
    // models.py and the first revision are most of the rendering: they are printed on two cores.
    return new OutputTree(planned.parallelStream()
        .map(file -> new GeneratedFile(file.path(), TemplateRenderer.render(file), file.keepExisting()))
        .toList());
  }

  /** The package's own files, planned and rendered. */
  static OutputTree renderPackage(ResolvedSchema schema, GeneratorConfig config, boolean firstRevision) {
    return render(firstRevision ? PackagePlanner.plan(schema, config) : PackagePlanner.packageFiles(schema, config));
  }
}
