package dev.sqlagen.cli;

import dev.sqlagen.Generator;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WritePlanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sqlagen revision SCHEMA -o DIR -m MESSAGE}: the package and the next Alembic revision,
 * planned from the state the last revision recorded; one generator call, as the main command.
 */
@Command(
    name = "revision",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Write the next Alembic revision: the changes from the state the last revision recorded to SCHEMA,",
      "renames declared with @was and @@was. The package is regenerated too. Nothing is written when",
      "nothing changed, or when a change would lose data (unless --allow-data-loss) or needs values."
    })
final class RevisionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand SqlagenCommand parent;

  @Mixin GenerationOptions options;

  @Option(names = {"-m", "--message"}, paramLabel = "MESSAGE", description = "What the revision does (its docstring and file name).")
  String message = "";

  @Option(names = "--allow-data-loss", description = "Plan changes that drop tables, columns or enum values, or narrow types.")
  boolean allowDataLoss;

  @Override
  public Integer call() throws IOException {
    options.require(spec.commandLine());
    PrintWriter err = spec.commandLine().getErr();
    Reports reports = new Reports(spec.commandLine().getOut(), err, options.output);
    Generator.RevisionRequest request = new Generator.RevisionRequest(message, allowDataLoss);
    Generation.Outcome outcome = new Generation(options, err, parent != null && parent.colour)
        .run((source, config, history) -> Generator.revision(source, config, history, request));
    if (outcome.result().isEmpty()) {
      return outcome.exitCode();
    }
    Generator.Result result = outcome.result().get();
    WritePlan plan = WritePlanner.plan(result.output().orElseThrow(), options.output);
    if (options.dryRun) {
      reports.dryRun(plan);
      return plan.refusal().isPresent() ? ExitCodes.REFUSED : ExitCodes.OK;
    }
    return SqlagenCommand.write(plan, reports, err, options, () -> reports.revision(result));
  }
}
