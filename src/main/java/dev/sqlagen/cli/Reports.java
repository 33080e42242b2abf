package dev.sqlagen.cli;

import dev.sqlagen.Generator;
import dev.sqlagen.write.WriteMessages;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WriteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints {@link WriteMessages}: results and diffs on standard output, problems on standard error. */
final class Reports {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Path output;
  private final WriteMessages messages;

  Reports(PrintWriter out, PrintWriter err, Path output) {
    this.out = out;
    this.err = err;
    this.output = output;
    this.messages = new WriteMessages(output);
  }

  /** Reports a write; false if it was refused. */
  boolean written(WriteResult result) {
    if (result.isRefused()) {
      messages.refusal(result, "use --force to overwrite them").forEach(err::println);
      err.flush();
      return false;
    }
    out.println(messages.summary(result));
    out.flush();
    messages.warnings(result.plan()).forEach(err::println);
    err.flush();
    return true;
  }

  void dryRun(WritePlan plan) {
    if (plan.refusal().isPresent()) {
      err.println("sqlagen: " + plan.refusal().get());
      err.flush();
      return;
    }
    messages.dryRun(plan).forEach(out::println);
    out.flush();
  }

  /** A command the user may want to run next, on standard error with the diagnostics it follows. */
  void suggest(String why, String command) {
    err.println("sqlagen: " + why + ":");
    err.println("  " + command);
    err.flush();
  }

  /** What {@code sqlagen revision} wrote, or that it had nothing to write. */
  void revision(Generator.Result result) {
    if (result.revision().isPresent()) {
      out.println("sqlagen: " + output + ": wrote revision " + output.resolve(result.revision().get()));
    } else {
      out.println("sqlagen: " + output + ": the database the schema describes is the one the last revision leads to;"
          + " no revision was written.");
    }
    out.flush();
  }

  /**
   * Reports a check; its exit code: OK when the directory is up to date and its revisions cover
   * the schema (the diagnostics printed before say what they miss), STALE when they are not,
   * REFUSED when the directory cannot be checked.
   */
  int check(WritePlan plan, String regenerate, String revise, Generator.Result result) {
    if (plan.refusal().isPresent()) {
      // Not "out of date": nothing was compared, and regenerating would be refused too.
      err.println("sqlagen: cannot check " + output + ": " + plan.refusal().get());
      err.flush();
      return ExitCodes.REFUSED;
    }
    boolean history = result.revisionsCurrent();
    if (plan.isUpToDate() && history) {
      out.println("sqlagen: " + output + " is up to date.");
      out.flush();
      return ExitCodes.OK;
    }
    if (!plan.isUpToDate()) {
      out.print(messages.diffs(plan));
      out.flush();
      messages.staleness(plan, List.of(regenerate)).forEach(err::println);
    }
    if (result.migrations() == Generator.Migrations.PENDING) {
      suggest(output + ": no revision covers the schema's changes; write one with", revise);
    } else if (!history) {
      err.println("sqlagen: " + output + ": the revisions need attention (see the warnings above).");
    }
    err.flush();
    return ExitCodes.STALE;
  }
}
