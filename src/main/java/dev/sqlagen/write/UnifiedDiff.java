package dev.sqlagen.write;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts ({@code diff -u} style, three lines of context), for check mode and
 * golden tests. The common head and tail are trimmed first; a middle too large to align line by
 * line is shown as one replacement, so that time and memory stay bounded.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_CELLS = 4_000_000L;

  private UnifiedDiff() {}

  /** The diff, with {@code --- a/path} and {@code +++ b/path} headers; empty if equal. */
  public static String diff(String path, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    String[] a = lines(before);
    String[] b = lines(after);
    List<String> ops = align(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(path).append('\n').append("+++ b/").append(path).append('\n');
    hunks(ops, out);
    return out.toString();
  }

  private static String[] lines(String text) {
    if (text.isEmpty()) {
      return new String[0];
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return body.split("\n", -1);
  }

  /** One entry per line: ' ' kept, '-' removed, '+' added, followed by the line. */
  private static List<String> align(String[] a, String[] b) {
    int head = 0;
    while (head < a.length && head < b.length && a[head].equals(b[head])) {
      head++;
    }
    int tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
      tail++;
    }
    List<String> ops = new ArrayList<>();
    for (int i = 0; i < head; i++) {
      ops.add(" " + a[i]);
    }
    int n = a.length - head - tail;
    int m = b.length - head - tail;
    if ((long) n * m > MAX_CELLS) {
      for (int i = 0; i < n; i++) {
        ops.add("-" + a[head + i]);
      }
      for (int j = 0; j < m; j++) {
        ops.add("+" + b[head + j]);
      }
    } else {
      middle(a, b, head, n, m, ops);
    }
    for (int i = a.length - tail; i < a.length; i++) {
      ops.add(" " + a[i]);
    }
    return ops;
  }

  private static void middle(String[] a, String[] b, int offset, int n, int m, List<String> ops) {
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a[offset + i].equals(b[offset + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[offset + i].equals(b[offset + j])) {
        ops.add(" " + a[offset + i++]);
        j++;
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // Removals before additions, as diff -u shows a changed line.
        ops.add("-" + a[offset + i++]);
      } else {
        ops.add("+" + b[offset + j++]);
      }
    }
  }

  private static void hunks(List<String> ops, StringBuilder out) {
    int index = 0;
    while (index < ops.size()) {
      int change = index;
      while (change < ops.size() && ops.get(change).charAt(0) == ' ') {
        change++;
      }
      if (change == ops.size()) {
        return;
      }
      int start = Math.max(index, change - CONTEXT);
      int end = change;
      int quiet = 0;
      while (end < ops.size() && quiet <= 2 * CONTEXT) {
        quiet = ops.get(end).charAt(0) == ' ' ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(ops.size(), end - Math.max(0, quiet - CONTEXT));
      out.append(header(ops, start, end)).append('\n');
      for (int k = start; k < end; k++) {
        out.append(ops.get(k)).append('\n');
      }
      index = end;
    }
  }

  private static String header(List<String> ops, int start, int end) {
    int oldLine = 1;
    int newLine = 1;
    for (int k = 0; k < start; k++) {
      char c = ops.get(k).charAt(0);
      oldLine += c != '+' ? 1 : 0;
      newLine += c != '-' ? 1 : 0;
    }
    int oldCount = 0;
    int newCount = 0;
    for (int k = start; k < end; k++) {
      char c = ops.get(k).charAt(0);
      oldCount += c != '+' ? 1 : 0;
      newCount += c != '-' ? 1 : 0;
    }
    return "@@ -" + range(oldLine, oldCount) + " +" + range(newLine, newCount) + " @@";
  }

  private static String range(int line, int count) {
    return count == 0 ? (line - 1) + ",0" : line + "," + count;
  }
}
