package dev.sqlagen.maven;

import dev.sqlagen.write.WriteMessages;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WriteResult;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.logging.Log;

/** Logs {@link WriteMessages} on Maven's log: the command line's words, at Maven's levels. */
final class MavenReports {
  private final Log log;
  private final WriteMessages messages;

  MavenReports(Log log, Path output) {
    this.log = log;
    this.messages = new WriteMessages(output);
  }

  /** Logs a write that was applied: counts, and warnings about kept files. */
  void written(WriteResult result) {
    log.info(messages.summary(result));
    messages.warnings(result.plan()).forEach(log::warn);
  }

  /** Logs a refused write; returns the failure message: the reason and the files in the way. */
  String refused(WriteResult result) {
    List<String> lines = messages.refusal(result, "Maven: <force>true</force> or -Dsqlagen.force=true");
    lines.forEach(log::error);
    return String.join("\n", lines);
  }

  /** Logs why a directory is stale: a unified diff per file, the lists of files, and how to regenerate. */
  void stale(WritePlan plan, List<String> regenerate) {
    String diffs = messages.diffs(plan);
    if (!diffs.isEmpty()) {
      log.error(AbstractSqlagenMojo.stripEnd(diffs));
    }
    messages.staleness(plan, regenerate).forEach(log::error);
  }
}
