package dev.sqlagen.source;

import java.util.Arrays;
import java.util.Objects;

/** The text of one schema file and the name it is reported under. */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  /**
   * Creates a source file.
   *
   * @param name the name used in diagnostics, as the user gave it (never made absolute)
   * @param text the file's text; CRLF and CR line ends are treated as LF
   */
  public SourceFile(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = normalizeLineEnds(Objects.requireNonNull(text, "text"));
    this.lineStarts = lineStarts(this.text);
  }

  public String name() {
    return name;
  }

  /** The text with every line end as LF. */
  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of a 1-based line, without its line end. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    return text.substring(start, end);
  }

  private static String normalizeLineEnds(String text) {
    // A byte-order mark is not part of the schema.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** The 1-based line that holds this offset into the text (an offset outside it is clamped). */
  public int lineAt(int offset) {
    int index = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
    return (index >= 0 ? index : -index - 2) + 1;
  }

  /** The offset into the text at which a 1-based line starts. */
  public int lineStart(int line) {
    return lineStarts[line - 1];
  }

  private static int[] lineStarts(String text) {
    // indexOf, not a loop over every character: a run calls this once, so such a loop would
    // run in the interpreter for most of a large file.
    int[] starts = new int[64];
    int count = 1;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = end + 1;
    }
    return Arrays.copyOf(starts, count);
  }

  @Override
  public String toString() {
    return name;
  }
}
