package dev.sqlagen.cli;

import dev.sqlagen.Generator;
import dev.sqlagen.write.IncompleteWriteException;
import dev.sqlagen.write.WriteMessages;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sqlagen SCHEMA -o DIR}: translates options into one generator call, nothing more. */
@Command(
    name = "sqlagen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    subcommands = RevisionCommand.class,
    description = {
      "Compile a .sqd schema into a typed SQLAlchemy 2.0 Python package.",
      "After a schema change, 'sqlagen revision' writes the next Alembic revision."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (with --check: the package and its revisions are up to date)",
      "1:--check: the package is out of date, or no revision covers a schema change",
      "2:wrong usage, or the schema file cannot be read",
      "3:the schema has errors (or the revision is refused); nothing was written",
      "4:nothing written: an unsafe output directory, files that were edited or not generated, or an I/O error; "
          + "--check: the directory cannot be checked",
      "5:internal error"
    })
public final class SqlagenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin GenerationOptions options;

  @Option(names = "--check", description = "Write nothing; exit 1 with a diff if DIR is not what SCHEMA generates, "
      + "or if the schema has changes no revision covers.")
  boolean check;

  /** Whether diagnostics are coloured; set by {@link Main} for its own terminal only. */
  boolean colour;

  @Override
  public Integer call() throws IOException {
    options.require(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    Reports reports = new Reports(spec.commandLine().getOut(), err, options.output);
    Generation.Outcome outcome = new Generation(options, err, colour).run(Generator::compile);
    if (outcome.result().isEmpty()) {
      return outcome.exitCode();
    }
    Generator.Result result = outcome.result().get();
    WritePlan plan = WritePlanner.plan(result.output().orElseThrow(), options.output);
    if (check) {
      // Edited or foreign files are only replaced with --force: the suggestion must say so.
      return reports.check(plan, regenerateCommand() + (plan.conflicts().isEmpty() ? "" : " --force"), revisionCommand(), result);
    }
    if (options.dryRun) {
      reports.dryRun(plan);
      return plan.refusal().isPresent() ? ExitCodes.REFUSED : ExitCodes.OK;
    }
    return write(plan, reports, err, options, () -> {
      if (result.migrations() == Generator.Migrations.PENDING) {
        reports.suggest("write the revision that brings the database there", revisionCommand());
      }
    });
  }

  /** Writes a plan and reports it; the exit code. */
  static int write(WritePlan plan, Reports reports, PrintWriter err, GenerationOptions options, Runnable after) {
    WriteResult written;
    try {
      written = plan.apply(options.force);
    } catch (IncompleteWriteException e) {
      err.println("sqlagen: " + e.getMessage());
      return ExitCodes.REFUSED;
    } catch (IOException e) {
      // The commit put every previous file back: the directory is as it was.
      err.println("sqlagen: cannot write " + options.output + ": " + WriteMessages.reason(e));
      err.println("sqlagen: nothing was written.");
      return ExitCodes.REFUSED;
    }
    if (!reports.written(written)) {
      return ExitCodes.REFUSED;
    }
    after.run();
    return ExitCodes.OK;
  }

  /** The command that brings the directory up to date, with the options of this run. */
  private String regenerateCommand() {
    return "sqlagen " + options.schema + " -o " + options.output + options.shapingOptions();
  }

  private String revisionCommand() {
    return "sqlagen revision " + options.schema + " -o " + options.output + options.shapingOptions() + " -m \"what changed\"";
  }
}
