package dev.sqlagen.history;

import dev.sqlagen.history.PyToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the tokens of a revision into statements: imports, assignments (annotated or not),
 * expression statements, {@code def} without parameters or with {@code **keywords} only,
 * {@code if} without {@code else}, {@code return} and {@code pass}. Anything else Python has is refused where it starts, by what it is.
 */
final class PyParser {
  private final PyCursor cursor;
  private final PyExpressions expressions;

  private PyParser(PyCursor cursor) {
    this.cursor = cursor;
    this.expressions = new PyExpressions(cursor);
  }

  /** The module's statements. */
  static List<PyStatement> parse(String text) {
    PyParser parser = new PyParser(new PyCursor(new PyTokenizer(text)));
    List<PyStatement> statements = new ArrayList<>();
    while (parser.peek().kind() != Kind.END) {
      statements.add(parser.statement());
    }
    return statements;
  }

  private PyStatement statement() {
    PyToken first = peek();
    if (first.kind() == Kind.INDENT) {
      throw error(first, "an indented line where no block begins");
    }
    if (first.kind() == Kind.NAME) {
      switch (first.value()) {
        case "def" -> {
          return def();
        }
        case "if" -> {
          return ifStatement();
        }
        case "import" -> {
          return importStatement();
        }
        case "from" -> {
          return fromImport();
        }
        case "return" -> {
          next();
          PyNode value = expression();
          endOfStatement();
          return new PyStatement.Return(value, first.start(), value.end());
        }
        case "pass" -> {
          next();
          endOfStatement();
          return new PyStatement.Pass(first.start(), first.end());
        }
        default -> {
          if (PyCursor.KEYWORDS.contains(first.value())) {
            throw error(first, "a '" + first.value() + "' statement, which sqlagen does not write in a revision");
          }
        }
      }
    }
    PyNode target = expression();
    Optional<PyNode> annotation = Optional.empty();
    if (peek().isOp(":")) {
      next();
      annotation = Optional.of(expression());
    }
    if (peek().isOp("=")) {
      next();
      PyNode value = expression();
      endOfStatement();
      return new PyStatement.Assign(target, annotation, value, first.start(), value.end());
    }
    if (annotation.isPresent()) {
      throw error(peek(), "expected '=' after the annotation, found " + describe(peek()));
    }
    endOfStatement();
    return new PyStatement.Expr(target, target.start(), target.end());
  }

  private PyStatement def() {
    PyToken keyword = next();
    PyToken name = expect(Kind.NAME, "the function's name");
    expectOp("(");
    Optional<PyStatement.Keywords> keywords = Optional.empty();
    if (peek().isOp("**")) {
      next();
      PyToken parameter = expect(Kind.NAME, "the keywords parameter's name");
      expectOp(":");
      keywords = Optional.of(new PyStatement.Keywords(parameter.value(), expression()));
    }
    if (!peek().isOp(")")) {
      throw error(peek(), "a parameter, which no function of a revision takes");
    }
    next();
    Optional<PyNode> returns = Optional.empty();
    if (peek().isOp("->")) {
      next();
      returns = Optional.of(expression());
    }
    PyToken colon = expectOp(":");
    return new PyStatement.Def(name.value(), keywords, returns, suite(), keyword.start(), colon.end());
  }

  private PyStatement ifStatement() {
    PyToken keyword = next();
    PyNode test = expression();
    PyToken colon = expectOp(":");
    return new PyStatement.If(test, suite(), keyword.start(), colon.end());
  }

  /** The indented block after a {@code :}. */
  private List<PyStatement> suite() {
    if (peek().kind() != Kind.NEWLINE) {
      throw error(peek(), "expected a new line after ':', found " + describe(peek()));
    }
    next();
    if (peek().kind() != Kind.INDENT) {
      throw error(peek(), "expected an indented block, found " + describe(peek()));
    }
    next();
    List<PyStatement> body = new ArrayList<>();
    while (peek().kind() != Kind.DEDENT && peek().kind() != Kind.END) {
      body.add(statement());
    }
    next();
    return body;
  }

  private PyStatement importStatement() {
    PyToken keyword = next();
    String module = dottedName();
    Optional<String> alias = Optional.empty();
    if (peek().is(Kind.NAME, "as")) {
      next();
      alias = Optional.of(expect(Kind.NAME, "a name after 'as'").value());
    }
    int end = previous().end();
    endOfStatement();
    return new PyStatement.Import(module, alias, keyword.start(), end);
  }

  private PyStatement fromImport() {
    PyToken keyword = next();
    String module = dottedName();
    if (!peek().is(Kind.NAME, "import")) {
      throw error(peek(), "expected 'import', found " + describe(peek()));
    }
    next();
    List<String> names = new ArrayList<>();
    boolean parenthesized = peek().isOp("(");
    if (parenthesized) {
      next();
    }
    while (true) {
      names.add(expect(Kind.NAME, "a name to import").value());
      if (peek().is(Kind.NAME, "as")) {
        throw error(peek(), "'as' in a from-import, which sqlagen does not write");
      }
      if (!peek().isOp(",")) {
        break;
      }
      next();
      if (parenthesized && peek().isOp(")")) {
        break; // a trailing comma
      }
    }
    if (parenthesized) {
      expectOp(")");
    }
    int end = previous().end();
    endOfStatement();
    return new PyStatement.FromImport(module, names, keyword.start(), end);
  }

  private String dottedName() {
    StringBuilder name = new StringBuilder(expect(Kind.NAME, "a module name").value());
    while (peek().isOp(".")) {
      next();
      name.append('.').append(expect(Kind.NAME, "a name after '.'").value());
    }
    return name.toString();
  }

  private void endOfStatement() {
    if (peek().kind() == Kind.NEWLINE) {
      next();
      return;
    }
    if (peek().kind() != Kind.DEDENT && peek().kind() != Kind.END) {
      throw error(peek(), "expected the end of the statement, found " + describe(peek()));
    }
  }

  private PyNode expression() {
    return expressions.expression();
  }

  private PyToken peek() {
    return cursor.peek();
  }

  private PyToken previous() {
    return cursor.previous();
  }

  private PyToken next() {
    return cursor.next();
  }

  private PyToken expect(Kind kind, String what) {
    return cursor.expect(kind, what);
  }

  private PyToken expectOp(String op) {
    return cursor.expectOp(op);
  }

  private static Unreadable error(PyToken token, String message) {
    return PyCursor.error(token, message);
  }

  private static String describe(PyToken token) {
    return PyCursor.describe(token);
  }
}
