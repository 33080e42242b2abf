package dev.sqlagen.history;

import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.SchemaState;
import java.util.List;
import java.util.Optional;

/** Placeholder until the reader of first revisions lands: reads nothing. */
public final class InitialRevisionReader {
  private InitialRevisionReader() {}

  /** The state a first revision creates, or why it cannot be read. */
  public record Result(Optional<SchemaState> state, List<Diagnostic> diagnostics) {}

  public static Result read(SourceFile revision) {
    return new Result(Optional.empty(), List.of());
  }
}
