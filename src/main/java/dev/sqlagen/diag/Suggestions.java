package dev.sqlagen.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the nearest known name to a misspelt one, for "did you mean" hints. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within a small edit distance, preferring a case-only difference. */
  public static Optional<String> nearest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(wrong)) {
        continue;
      }
      int distance = candidate.toLowerCase(Locale.ROOT).equals(wrong.toLowerCase(Locale.ROOT))
          ? 0
          : distance(wrong, candidate);
      if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
    if (bestDistance <= allowed) {
      return Optional.of(best);
    }
    return prefixMatch(wrong, candidates);
  }

  /**
   * The one candidate that the wrong name abbreviates ({@code uniq} for {@code unique}), ignoring
   * case; at least three characters must be given, and an ambiguous prefix suggests nothing.
   */
  static Optional<String> prefixMatch(String wrong, Collection<String> candidates) {
    if (wrong.length() < 3) {
      return Optional.empty();
    }
    String lower = wrong.toLowerCase(Locale.ROOT);
    String found = null;
    for (String candidate : candidates) {
      if (candidate.length() > wrong.length() && candidate.toLowerCase(Locale.ROOT).startsWith(lower)) {
        if (found != null) {
          return Optional.empty();
        }
        found = candidate;
      }
    }
    return Optional.ofNullable(found);
  }

  /** "did you mean 'x'?" or null: ready to pass as a diagnostic's help. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    return nearest(wrong, candidates).map(s -> "did you mean '" + s + "'?").orElse(null);
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
