package dev.sqlagen.history;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.SchemaState;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the database state back from the first revision sqlagen writes
 * ({@code migrations/versions/rev_0001_initial.py}), which is all a package generated before
 * snapshots has. Only what sqlagen writes is understood, with the freedom Python's syntax gives
 * (quotes, escapes, line breaks, parentheses, comments, keyword order); anything else, such as an
 * operation added by hand, is reported where it stands (SQD070) rather than guessed at. What the
 * file cannot tell (the models, fields and enums that names come from) is left empty.
 */
public final class InitialRevisionReader {
  static final String HELP = "the file was edited by hand or not written by sqlagen: restore the version sqlagen wrote"
      + " from version control";

  private InitialRevisionReader() {}

  /** The state the revision creates, or the diagnostic that says what was not understood, and where. */
  public record Result(Optional<SchemaState> state, List<Diagnostic> diagnostics) {
    public Result {
      Objects.requireNonNull(state, "state");
      diagnostics = List.copyOf(diagnostics);
      if (state.isPresent() != diagnostics.isEmpty()) {
        throw new IllegalArgumentException("a revision gives a state or diagnostics, not both");
      }
    }

    public boolean succeeded() {
      return state.isPresent();
    }
  }

  /** Never throws for bad input: whatever the text, a state or diagnostics. */
  public static Result read(SourceFile revision) {
    try {
      List<PyStatement> module = PyParser.parse(revision.text());
      SchemaState state = UpgradeReader.read(RevisionModule.of(module, revision.text().length()));
      return new Result(Optional.of(state), List.of());
    } catch (Unreadable e) {
      Diagnostic diagnostic = Diagnostic.of(Code.UNREADABLE_REVISION, new Positions(revision).span(e.start(), e.end()),
          "unreadable revision: " + e.getMessage(), HELP);
      return new Result(Optional.empty(), List.of(diagnostic));
    }
  }
}
