package dev.sqlagen.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Docstrings from doc comments: one line when it fits, otherwise the text wrapped at 88
 * columns with the closing quotes on their own line (the form ruff format keeps).
 */
final class Docstrings {
  private Docstrings() {}

  static List<String> lines(String indent, String text) {
    // ruff format strips the whitespace that starts a docstring: strip it first (before escaping,
    // so that a quote it uncovers is escaped as a docstring's first character).
    String escaped = escape(stripLeadingBlanks(text));
    List<String> paragraphs = List.of(escaped.split("\n", -1));
    String single = indent + "\"\"\"" + escaped + "\"\"\"";
    if (paragraphs.size() == 1 && single.length() <= PyLayout.LINE_LENGTH) {
      return List.of(single);
    }
    List<String> lines = new ArrayList<>();
    int width = PyLayout.LINE_LENGTH - indent.length();
    if (paragraphs.size() == 1) {
      // ruff format joins a docstring of one line with its closing quotes whatever the length,
      // so a text that fits the first line only without them is wrapped at a narrower width;
      // if it still makes one line (one long word), the single-line form is what ruff keeps.
      List<String> narrow = wrap(paragraphs.get(0), width - 6);
      if (narrow.size() == 1) {
        return List.of(single);
      }
      if (wrap(paragraphs.get(0), width - 3).size() == 1) {
        for (int i = 0; i < narrow.size(); i++) {
          lines.add(narrow.get(i).isEmpty() ? "" : (i == 0 ? indent + "\"\"\"" : indent) + narrow.get(i));
        }
        lines.add(indent + "\"\"\"");
        return lines;
      }
    }
    boolean first = true;
    List<String> body = new ArrayList<>();
    for (String paragraph : paragraphs) {
      for (String line : wrap(paragraph, first ? width - 3 : width)) {
        if (first) {
          lines.add(indent + "\"\"\"" + line);
        } else {
          body.add(line);
        }
        first = false;
      }
    }
    // ruff format removes the indentation that all the following lines share (indented lines are
    // kept indented relative to the others only): remove it here too.
    int common = body.stream().filter(l -> !l.isEmpty()).mapToInt(Docstrings::leadingSpaces).min().orElse(0);
    for (String line : body) {
      lines.add(line.isEmpty() ? "" : indent + line.substring(common));
    }
    lines.add(indent + "\"\"\"");
    return lines;
  }

  private static int leadingSpaces(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  private static String stripLeadingBlanks(String text) {
    int start = 0;
    while (start < text.length() && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
      start++;
    }
    return text.substring(start);
  }

  /**
   * Escapes what would end or change the docstring: backslashes, quotes at the ends and any run
   * of three quotes, control characters and line separators.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    String body = text.strip().isEmpty() ? "" : text;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '"' && (i == 0 || i == body.length() - 1 || endsWithTwoQuotes(out))) {
        out.append("\\\"");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append('\n');
      } else if (c == '\t') {
        out.append("    ");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (c == 0x85 || c == 0x2028 || c == 0x2029 || PyLiterals.invisible(c)) {
        // Line separators, other spaces and invisible format characters (bidi controls, BOM):
        // escaped, so the source shows them and ruff's whitespace handling cannot change them.
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether the text so far ends with {@code ""}: without copying it, as toString() would. */
  private static boolean endsWithTwoQuotes(StringBuilder out) {
    int n = out.length();
    return n >= 2 && out.charAt(n - 1) == '"' && out.charAt(n - 2) == '"';
  }

  /**
   * Words of a paragraph in lines of at most {@code width}; a longer word stays whole. An
   * indented line (an example of code) is kept as it is.
   */
  private static List<String> wrap(String paragraph, int width) {
    if (paragraph.startsWith(" ")) {
      return List.of(paragraph.stripTrailing());
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.strip().split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}
