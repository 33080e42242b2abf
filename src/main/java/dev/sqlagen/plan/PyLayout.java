package dev.sqlagen.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a statement as ruff format (and black) would: on one line when it fits in 88
 * columns; otherwise split at its last bracket with a call's arguments on one indented line;
 * otherwise, and always for a list, dict or tuple of several items, one item per line with a
 * trailing comma. Strings too long for any line become parenthesized
 * implicit concatenations, which the formatter keeps.
 */
final class PyLayout {
  static final int LINE_LENGTH = 88;
  private static final String STEP = "    ";

  private PyLayout() {}

  /** The lines of {@code head + expr}, indented by {@code indent}. */
  static List<String> statement(String indent, String head, PyExpr expr) {
    List<String> lines = new ArrayList<>();
    layout(indent, head, expr, "", lines);
    return lines;
  }

  private static void layout(String indent, String head, PyExpr expr, String tail, List<String> out) {
    String flat = indent + head + expr.flat() + tail;
    if (flat.length() <= LINE_LENGTH) {
      out.add(flat);
      return;
    }
    if (expr instanceof PyExpr.Prefixed prefixed) {
      layout(indent, head + prefixed.prefix(), prefixed.value(), tail, out);
    } else if (expr instanceof PyExpr.Bracketed bracketed && !bracketed.items().isEmpty()) {
      split(indent, head, bracketed, tail, out);
    } else if (expr instanceof PyExpr.Str str && !head.isEmpty() && fitsParenthesized(indent, str)) {
      out.add(indent + head + "(");
      for (String part : PyLiterals.stringParts(str.value(), LINE_LENGTH - indent.length() - STEP.length())) {
        out.add(indent + STEP + part);
      }
      out.add(indent + ")" + tail);
    } else {
      out.add(flat); // nothing to split: the formatter leaves it long too
    }
  }

  /**
   * Whether parentheses help: the string splits into parts, or fits alone on its own line (the
   * formatter keeps both; it removes parentheses around one string that still does not fit).
   */
  private static boolean fitsParenthesized(String indent, PyExpr.Str str) {
    int width = LINE_LENGTH - indent.length() - STEP.length();
    List<String> parts = PyLiterals.stringParts(str.value(), width);
    return parts.size() > 1 || parts.get(0).length() <= width;
  }

  private static void split(String indent, String head, PyExpr.Bracketed bracketed, String tail, List<String> out) {
    String inner = indent + STEP;
    List<PyExpr> items = bracketed.items();
    out.add(indent + head + bracketed.open());
    StringBuilder body = new StringBuilder(inner);
    for (int i = 0; i < items.size(); i++) {
      body.append(i > 0 ? ", " : "").append(items.get(i).flat());
    }
    boolean magicComma = bracketed.oneTuple() && items.size() == 1;
    if (magicComma) {
      body.append(',');
    }
    boolean explode = bracketed.display() && items.size() > 1;
    if (!explode && body.length() <= LINE_LENGTH) {
      out.add(body.toString());
    } else if (items.size() == 1 && !magicComma && items.get(0) instanceof PyExpr.Str str
        && PyLiterals.stringParts(str.value(), LINE_LENGTH - inner.length()).size() > 1) {
      // A sole string argument too long for a line: implicitly concatenated parts, one a line.
      for (String part : PyLiterals.stringParts(str.value(), LINE_LENGTH - inner.length())) {
        out.add(inner + part);
      }
    } else if (items.size() == 1 && !magicComma) {
      // A sole item has no comma to split at: the formatter splits the item itself instead.
      layout(inner, "", items.get(0), "", out);
    } else {
      for (PyExpr item : items) {
        layout(inner, "", item, ",", out);
      }
    }
    out.add(indent + bracketed.close() + tail);
  }
}
