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
    String escaped = escape(text);
    List<String> paragraphs = List.of(escaped.split("\n", -1));
    String single = indent + "\"\"\"" + escaped + "\"\"\"";
    if (paragraphs.size() == 1 && single.length() <= PyLayout.LINE_LENGTH) {
      return List.of(single);
    }
    List<String> lines = new ArrayList<>();
    int width = PyLayout.LINE_LENGTH - indent.length();
    boolean first = true;
    for (String paragraph : paragraphs) {
      for (String line : wrap(paragraph, first ? width - 3 : width)) {
        lines.add(line.isEmpty() ? "" : (first ? indent + "\"\"\"" : indent) + line);
        first = false;
      }
    }
    lines.add(indent + "\"\"\"");
    return lines;
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
      if (c == '"' && (i == 0 || i == body.length() - 1 || out.toString().endsWith("\"\""))) {
        out.append("\\\"");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append('\n');
      } else if (c == '\t') {
        out.append("    ");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (c == 0x85 || c == 0x2028 || c == 0x2029) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
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
