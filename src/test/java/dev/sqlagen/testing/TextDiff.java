package dev.sqlagen.testing;

import java.util.ArrayList;
import java.util.List;

/** A small unified-style line diff for readable golden-test failures. */
public final class TextDiff {
  private TextDiff() {}

  /** Lines prefixed with ' ', '-' (expected only) or '+' (actual only); unchanged runs folded. */
  public static String diff(String expected, String actual) {
    String[] a = expected.split("\n", -1);
    String[] b = actual.split("\n", -1);
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i].equals(b[j])) {
        out.add("  " + a[i]);
        i++;
        j++;
      } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.add("+ " + b[j++]);
      } else {
        out.add("- " + a[i++]);
      }
    }
    return fold(out);
  }

  /** Keeps three lines of context around each change. */
  private static String fold(List<String> lines) {
    StringBuilder text = new StringBuilder();
    boolean skipping = false;
    for (int k = 0; k < lines.size(); k++) {
      boolean near = false;
      for (int d = -3; d <= 3 && !near; d++) {
        int n = k + d;
        near = n >= 0 && n < lines.size() && !lines.get(n).startsWith("  ");
      }
      if (near) {
        text.append(lines.get(k)).append('\n');
        skipping = false;
      } else if (!skipping) {
        text.append("  ...\n");
        skipping = true;
      }
    }
    return text.toString();
  }
}
