package dev.sqlagen.history;

import java.util.Objects;

/**
 * A token of the Python a revision is written in, by offsets into the file's text. {@code value}
 * is what a string literal evaluates to (escapes decoded), and the source text otherwise.
 */
record PyToken(Kind kind, String value, int start, int end) {
  /** Python's token kinds, as far as revisions need them. */
  enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END }

  PyToken {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad token offsets " + start + ".." + end);
    }
  }

  boolean is(Kind wanted, String text) {
    return kind == wanted && value.equals(text);
  }

  boolean isOp(String op) {
    return is(Kind.OP, op);
  }
}
