package dev.sqlagen.cli;

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
      return false;
    }
    out.println(messages.summary(result));
    messages.warnings(result.plan()).forEach(err::println);
    return true;
  }

  void dryRun(WritePlan plan) {
    if (plan.refusal().isPresent()) {
      err.println("sqlagen: " + plan.refusal().get());
      return;
    }
    messages.dryRun(plan).forEach(out::println);
  }

  /** Reports a check; true when the directory is up to date. */
  boolean check(WritePlan plan, String regenerate) {
    if (plan.refusal().isPresent()) {
      err.println("sqlagen: " + plan.refusal().get());
      return false;
    }
    if (plan.isUpToDate()) {
      out.println("sqlagen: " + output + " is up to date.");
      return true;
    }
    out.print(messages.diffs(plan));
    messages.staleness(plan, List.of(regenerate)).forEach(err::println);
    return false;
  }
}
