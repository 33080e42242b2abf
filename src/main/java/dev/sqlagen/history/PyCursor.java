package dev.sqlagen.history;

import dev.sqlagen.history.PyToken.Kind;
import java.util.Set;

/** The parser's place in the tokens: the next two, the last one taken, and what to say when one is wrong. */
final class PyCursor {
  /** Python's keywords, except the constants None, True and False, which parse as names. */
  static final Set<String> KEYWORDS = Set.of(
      "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
      "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
      "raise", "return", "try", "while", "with", "yield");

  private final PyTokenizer tokens;
  /** The next token and the one after, once read (null until then). */
  private PyToken next;
  private PyToken second;
  private PyToken previous;

  PyCursor(PyTokenizer tokens) {
    this.tokens = tokens;
  }

  PyToken expect(Kind kind, String what) {
    if (peek().kind() != kind || (kind == Kind.NAME && KEYWORDS.contains(peek().value()))) {
      throw error(peek(), "expected " + what + ", found " + describe(peek()));
    }
    return next();
  }

  PyToken expectOp(String op) {
    if (!peek().isOp(op)) {
      throw error(peek(), "expected '" + op + "', found " + describe(peek()));
    }
    return next();
  }

  PyToken peek() {
    if (next == null) {
      next = tokens.next();
    }
    return next;
  }

  /** The token after the next one. */
  PyToken peekSecond() {
    peek();
    if (second == null) {
      second = tokens.next();
    }
    return second;
  }

  PyToken previous() {
    return previous;
  }

  PyToken next() {
    PyToken token = peek();
    if (token.kind() != Kind.END) {
      next = second;
      second = null;
      previous = token;
    }
    return token;
  }

  static Unreadable error(PyToken token, String message) {
    return new Unreadable(token.start(), token.end(), message);
  }

  static String describe(PyToken token) {
    return switch (token.kind()) {
      case END -> "the end of the file";
      case NEWLINE -> "the end of the line";
      case INDENT -> "an indented line";
      case DEDENT -> "the end of the block";
      case STRING -> "a string";
      case NUMBER -> "the number " + token.value();
      case NAME, OP -> "'" + token.value() + "'";
    };
  }
}
