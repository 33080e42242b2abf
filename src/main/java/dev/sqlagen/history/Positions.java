package dev.sqlagen.history;

import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;

/**
 * Turns offsets into a file's text into spans: 1-based line and column, counted in code points
 * as the diagnostic printer counts them, and cut at the end of the first line.
 */
final class Positions {
  private final SourceFile file;
  private final String text;

  Positions(SourceFile file) {
    this.file = file;
    this.text = file.text();
  }

  Span span(int start, int end) {
    int from = Math.max(0, Math.min(start, text.length()));
    int line = file.lineAt(from);
    int lineStart = file.lineStart(line);
    int lineEnd = text.indexOf('\n', lineStart);
    int stop = Math.max(from, Math.min(end, lineEnd < 0 ? text.length() : lineEnd));
    return new Span(file, line, text.codePointCount(lineStart, from) + 1, Math.max(1, text.codePointCount(from, stop)));
  }
}
