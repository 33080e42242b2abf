package dev.sqlagen.diag;

import dev.sqlagen.source.Span;
import java.util.Objects;
import java.util.Optional;

/** One finding about a schema: what, where, and how to fix it. */
public record Diagnostic(Code code, Span span, String message, Optional<String> help) {
  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(help, "help");
  }

  public static Diagnostic of(Code code, Span span, String message) {
    return new Diagnostic(code, span, message, Optional.empty());
  }

  public static Diagnostic of(Code code, Span span, String message, String help) {
    return new Diagnostic(code, span, message, Optional.ofNullable(help));
  }

  public Severity severity() {
    return code.severity();
  }

  /** The first line: {@code file:line:col: error[SQD012]: message}. */
  public String headline() {
    return span.location() + ": " + severity().label() + "[" + code.id() + "]: " + message;
  }

  @Override
  public String toString() {
    return headline();
  }
}
