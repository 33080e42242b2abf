package dev.sqlagen.maven;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the next Alembic revision and regenerates the package, as {@code sqlagen revision SCHEMA
 * -o DIR -m MESSAGE} does: the changes from the state the last revision recorded to the schema,
 * with the snapshot of the state it leads to beside it. Nothing is written when nothing changed,
 * or when a change would lose data (unless {@code allowDataLoss}) or needs values. Bound to no
 * phase: run it when the schema changed, {@code mvn sqlagen:revision -Dsqlagen.message="add post
 * tags"}.
 */
@Mojo(name = "revision", threadSafe = true)
public final class RevisionMojo extends AbstractSqlagenMojo {
  /** What the revision does: its docstring and file name ({@code Schema changes.} when empty). */
  @Parameter(property = "sqlagen.message", defaultValue = "")
  private String message;

  /** Plans changes that drop tables, columns or enum values, or narrow types, instead of refusing them. */
  @Parameter(property = "sqlagen.allowDataLoss", defaultValue = "false")
  private boolean allowDataLoss;

  /** Overwrites generated files edited by hand, and files sqlagen did not generate (never migrations). */
  @Parameter(property = "sqlagen.force", defaultValue = "false")
  private boolean force;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (isSkip()) {
      getLog().info("sqlagen: skipped (sqlagen.skip)");
      return;
    }
    GeneratorConfig config = config();
    Path output = output();
    Generator.RevisionRequest request = new Generator.RevisionRequest(message == null ? "" : message, allowDataLoss);
    Generator.Result result = run(readSchema(), (file, history) -> Generator.revision(file, config, history, request));
    try {
      WritePlan plan = WritePlanner.plan(result.output().orElseThrow(), output);
      WriteResult written = plan.apply(force);
      MavenReports reports = new MavenReports(getLog(), output);
      if (written.isRefused()) {
        throw new MojoFailureException(reports.refused(written));
      }
      reports.written(written);
    } catch (IOException e) {
      throw new MojoExecutionException("sqlagen: cannot write " + output + ": " + dev.sqlagen.write.WriteMessages.reason(e), e);
    }
    getLog().info(result.revision()
        .map(path -> "sqlagen: wrote revision " + output.resolve(path))
        .orElse("sqlagen: the database the schema describes is the one the last revision leads to; no revision was written"));
  }

  /**
   * A refused revision is no error in the schema: the planner refused a change (one that loses
   * data says how to allow it), or the history cannot be read well enough to plan from.
   */
  @Override
  String failure(Generator.Result result, List<Diagnostic> errors) {
    String headlines = headlines(errors);
    return switch (result.migrations()) {
      case PENDING -> "sqlagen: the revision was refused (" + count(errors.size(), "error") + "); nothing was written:\n"
          + headlines
          + (errors.stream().anyMatch(e -> e.help().orElse("").contains("--allow-data-loss"))
              ? "\nsqlagen: to plan a change that loses data, set allowDataLoss: " + ALLOW_DATA_LOSS
              : "");
      case UNKNOWN -> "sqlagen: cannot plan the next revision from the revisions in " + output() + " ("
          + count(errors.size(), "error") + "); nothing was written:\n" + headlines;
      default -> super.failure(result, errors);
    };
  }
}
