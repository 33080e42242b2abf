package dev.sqlagen.diag;

import dev.sqlagen.source.Span;

/**
 * Prints a diagnostic as people read compiler errors: the headline, the source line with its line
 * number, a caret under the span, and the hint.
 *
 * <pre>
 * blog.sqd:12:10: error[SQD012]: unknown type 'Pots'
 *    |
 * 12 |   posts Pots[]
 *    |         ^^^^
 *    = help: did you mean 'Post'?
 * </pre>
 */
public final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  public static String format(Diagnostic diagnostic) {
    Span span = diagnostic.span();
    String lineText = span.file().line(span.line());
    String number = Integer.toString(span.line());
    String gutter = " ".repeat(number.length());
    StringBuilder out = new StringBuilder();
    out.append(diagnostic.headline()).append('\n');
    out.append(gutter).append(" |\n");
    out.append(number).append(" | ").append(visible(lineText)).append('\n');
    out.append(gutter).append(" | ").append(caretLine(lineText, span)).append('\n');
    diagnostic.help().ifPresent(h -> out.append(gutter).append(" = help: ").append(h).append('\n'));
    return out.toString();
  }

  /** Tabs become one space, so that the caret lines up whatever the terminal's tab width. */
  private static String visible(String lineText) {
    return lineText.replace('\t', ' ');
  }

  private static String caretLine(String lineText, Span span) {
    int start = Math.min(span.column() - 1, lineText.length());
    int width = Math.max(1, Math.min(span.length(), Math.max(1, lineText.length() - start)));
    return " ".repeat(start) + "^".repeat(width);
  }
}
