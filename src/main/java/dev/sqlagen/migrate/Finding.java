package dev.sqlagen.migrate;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.Span;
import java.util.Objects;

/**
 * Something a planned upgrade would do to data: lose it (refused unless data loss is allowed,
 * then noted in the revision) or need it (refused until the schema supplies it).
 *
 * @param overridable whether {@code --allow-data-loss} accepts it
 * @param note the comment the revision carries when it is accepted
 */
record Finding(Code code, Span span, String message, String help, boolean overridable, String note) {
  Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(note, "note");
  }

  Diagnostic diagnostic() {
    return Diagnostic.of(code, span, message, help);
  }
}
