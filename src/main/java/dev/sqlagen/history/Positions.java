package dev.sqlagen.history;

import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import java.util.Arrays;

/**
 * Turns offsets into a file's text into spans: 1-based line and column, counted in code points
 * as the diagnostic printer counts them, and cut at the end of the first line.
 */
final class Positions {
  private final SourceFile file;
  private final String text;
  private final int[] lineStarts;

  Positions(SourceFile file) {
    this.file = file;
    this.text = file.text();
    int[] starts = new int[64];
    int count = 1;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
      }
      starts[count++] = end + 1;
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  Span span(int start, int end) {
    int from = Math.max(0, Math.min(start, text.length()));
    int index = Arrays.binarySearch(lineStarts, from);
    int line = index >= 0 ? index : -index - 2;
    int lineStart = lineStarts[line];
    int lineEnd = text.indexOf('\n', lineStart);
    int stop = Math.max(from, Math.min(end, lineEnd < 0 ? text.length() : lineEnd));
    return new Span(file, line + 1, text.codePointCount(lineStart, from) + 1, Math.max(1, text.codePointCount(from, stop)));
  }
}
