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
  /**
   * How many diagnostics a front-end prints in the human format before it says how many more
   * there are: output stays proportional to the input, not to the errors times the line length.
   */
  public static final int MAX_SHOWN = 100;

  /** Source lines longer than this many characters are shown as a window around the caret. */
  static final int MAX_LINE = 120;

  /** Characters of context kept before the caret in a windowed line. */
  private static final int CONTEXT = 40;

  private DiagnosticPrinter() {}

  public static String format(Diagnostic diagnostic) {
    return format(diagnostic, false);
  }

  /**
   * The human format; with {@code colour}, ANSI colours for a terminal: the severity and code
   * (red for errors, yellow for warnings), the caret and the gutter. Only the CLI asks for colour,
   * and only when standard error is a terminal.
   */
  public static String format(Diagnostic diagnostic, boolean colour) {
    if (!colour) {
      return plain(diagnostic);
    }
    String plain = plain(diagnostic);
    String label = diagnostic.severity().label() + "[" + diagnostic.code().id() + "]";
    String tint = diagnostic.severity() == Severity.ERROR ? RED : YELLOW;
    String[] lines = plain.split("\n", -1);
    StringBuilder out = new StringBuilder();
    int at = lines[0].indexOf(": " + label + ": ");
    if (at < 0 || lines.length < 5) {
      return plain;
    }
    out.append(lines[0], 0, at + 2).append(BOLD).append(tint).append(label).append(RESET)
        .append(BOLD).append(lines[0].substring(at + 2 + label.length())).append(RESET).append('\n');
    for (int i = 1; i < lines.length - 1; i++) {
      String line = lines[i];
      int bar = line.indexOf(" | ");
      int eq = line.indexOf(" = ");
      if (i == 3) {
        int caret = line.indexOf('^', bar + 3);
        out.append(BLUE).append(line, 0, bar + 2).append(RESET).append(line, bar + 2, caret).append(tint).append(BOLD)
            .append(line.substring(caret)).append(RESET);
      } else if (bar >= 0 && (eq < 0 || bar < eq)) {
        out.append(BLUE).append(line, 0, bar + 2).append(RESET).append(line.substring(bar + 2));
      } else if (line.endsWith(" |")) {
        out.append(BLUE).append(line).append(RESET);
      } else if (eq >= 0) {
        out.append(BLUE).append(line, 0, eq + 2).append(RESET).append(line.substring(eq + 2));
      } else {
        out.append(line);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";
  private static final String BLUE = "\u001b[34m";
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";

  /**
   * One JSON object on one line: file, line, column, length, severity, code, message and help
   * (null when there is none). Strings are escaped by hand: quotes, backslashes and every control
   * character.
   */
  public static String json(Diagnostic diagnostic) {
    Span span = diagnostic.span();
    return "{\"file\":" + jsonString(span.file().name())
        + ",\"line\":" + span.line()
        + ",\"column\":" + span.column()
        + ",\"length\":" + span.length()
        + ",\"severity\":" + jsonString(diagnostic.severity().label())
        + ",\"code\":" + jsonString(diagnostic.code().id())
        + ",\"message\":" + jsonString(diagnostic.message())
        + ",\"help\":" + diagnostic.help().map(DiagnosticPrinter::jsonString).orElse("null")
        + "}";
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static String plain(Diagnostic diagnostic) {
    Span span = diagnostic.span();
    String lineText = span.file().line(span.line());
    String number = Integer.toString(span.line());
    String gutter = " ".repeat(number.length());
    StringBuilder out = new StringBuilder();
    out.append(visible(diagnostic.headline())).append('\n');
    out.append(gutter).append(" |\n");
    Window window = Window.of(lineText, span);
    out.append(number).append(" | ").append(window.text()).append('\n');
    out.append(gutter).append(" | ").append(" ".repeat(window.caret())).append("^".repeat(window.width())).append('\n');
    diagnostic.help().ifPresent(h -> out.append(gutter).append(" = help: ").append(visible(h)).append('\n'));
    return out.toString();
  }

  /**
   * The source line as it can be printed safely, one character per code point so that the caret
   * lines up: a tab becomes one space (whatever the terminal's tab width), a control character its
   * visible picture (U+0007 prints as '␇'), and any other invisible or format character
   * (zero-width, bidirectional overrides) '�'. No raw control character ever reaches the
   * terminal.
   */
  public static String visible(String lineText) {
    StringBuilder out = new StringBuilder(lineText.length());
    lineText.codePoints().forEach(c -> out.appendCodePoint(visibleCodePoint(c)));
    return out.toString();
  }

  private static int visibleCodePoint(int c) {
    if (c == '\t') {
      return ' ';
    }
    if (c < 0x20) {
      return 0x2400 + c;
    }
    if (c == 0x7f) {
      return 0x2421;
    }
    if (c != ' ' && Character.getType(c) == Character.SPACE_SEPARATOR) {
      return 0x2423; // a space that is not U+0020 shows as '␣'
    }
    int type = Character.getType(c);
    if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
      return 0xFFFD;
    }
    return c;
  }

  /**
   * The part of a source line that is printed (made {@link #visible}), and where the caret goes
   * under it, in code points. A line of at most {@link #MAX_LINE} code points is printed whole; a
   * longer one as {@code MAX_LINE} code points around the span, marked '…' where it is cut.
   */
  record Window(String text, int caret, int width) {
    static Window of(String lineText, Span span) {
      int[] codePoints = lineText.codePoints().toArray();
      int n = codePoints.length;
      int start = Math.min(span.column() - 1, n);
      int width = Math.max(1, Math.min(span.length(), Math.max(1, n - start)));
      if (n <= MAX_LINE) {
        return new Window(visible(lineText), start, width);
      }
      int from = Math.max(0, Math.min(start - CONTEXT, n - MAX_LINE));
      int to = Math.min(n, from + MAX_LINE);
      String prefix = from > 0 ? "…" : "";
      String shown = prefix + visible(new String(codePoints, from, to - from)) + (to < n ? "…" : "");
      return new Window(shown, start - from + prefix.length(), Math.max(1, Math.min(width, to - start)));
    }
  }
}
