package dev.sqlagen.maven;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WritePlanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the Python package is not what the schema generates, or when the schema
 * has changes no revision covers (or the revision history needs mending), as
 * {@code sqlagen SCHEMA -o DIR --check} does: it logs a unified diff per stale file and the command
 * that regenerates, and what the revisions miss with the command that writes the next one. It
 * writes nothing, and always compiles (no up-to-date shortcut).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractSqlagenMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (isSkip()) {
      getLog().info("sqlagen: skipped (sqlagen.skip)");
      return;
    }
    GeneratorConfig config = config();
    Path output = output();
    WritePlan plan;
    Generator.Result result = run(readSchema(), (file, history) -> Generator.compile(file, config, history));
    try {
      plan = WritePlanner.plan(result.output().orElseThrow(), output);
    } catch (IOException e) {
      throw new MojoExecutionException("sqlagen: cannot read " + output + ": " + dev.sqlagen.write.WriteMessages.reason(e), e);
    }
    if (plan.refusal().isPresent()) {
      throw new MojoFailureException("sqlagen: " + plan.refusal().get());
    }
    Optional<RevisionsProblem> revisions = revisionsProblem(result);
    if (plan.isUpToDate() && revisions.isEmpty()) {
      getLog().info("sqlagen: " + output + " is up to date");
      return;
    }
    // Both are said when both are wrong, as after a schema change: the stale files, then the revision.
    List<String> failures = new ArrayList<>();
    if (!plan.isUpToDate()) {
      List<String> regenerate = regenerateCommands(config, !plan.conflicts().isEmpty());
      new MavenReports(getLog(), output).stale(plan, regenerate);
      failures.add(output + " is out of date with the schema " + schemaPath() + "; regenerate it with: "
          + String.join(", or: ", regenerate));
    }
    if (revisions.isPresent()) {
      failures.add(reportRevisions(revisions.get(), config, getLog()::error));
    }
    throw new MojoFailureException("sqlagen: " + String.join("\nsqlagen: ", failures));
  }
}
