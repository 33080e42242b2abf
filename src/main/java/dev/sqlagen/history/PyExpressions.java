package dev.sqlagen.history;

import dev.sqlagen.history.PyToken.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the expressions revisions are made of: names, literals (adjacent strings joined),
 * attributes, calls with positional then keyword arguments, lists, dicts, subscripts, unary minus, and
 * the operators {@code |}, {@code ==} and {@code !=}. Nothing else Python has is accepted.
 */
final class PyExpressions {
  /** Far more than sqlagen writes (a column's type nests 6 deep in op.create_table()). */
  static final int MAX_DEPTH = 100;

  private final PyCursor cursor;

  PyExpressions(PyCursor cursor) {
    this.cursor = cursor;
  }

  PyNode expression() {
    PyNode left = union();
    if (peek().isOp("!=") || peek().isOp("==")) {
      String op = next().value();
      PyNode right = union();
      return limited(new PyNode.BinOp(left, op, right, left.start(), right.end()));
    }
    return left;
  }

  private PyNode union() {
    PyNode left = unary();
    while (peek().isOp("|")) {
      next();
      PyNode right = unary();
      left = limited(new PyNode.BinOp(left, "|", right, left.start(), right.end()));
    }
    return left;
  }

  private PyNode unary() {
    // A loop, not recursion: a long run of '-' must not exhaust the stack.
    List<PyToken> minuses = new ArrayList<>();
    while (peek().isOp("-")) {
      minuses.add(next());
    }
    PyNode node = primary();
    for (int i = minuses.size() - 1; i >= 0; i--) {
      node = limited(new PyNode.Negative(node, minuses.get(i).start(), node.end()));
    }
    return node;
  }

  private PyNode primary() {
    PyNode node = atom();
    while (true) {
      if (peek().isOp(".")) {
        next();
        PyToken name = expect(Kind.NAME, "an attribute name after '.'");
        node = limited(new PyNode.Attribute(node, name.value(), node.start(), name.end()));
      } else if (peek().isOp("(")) {
        node = call(node);
      } else if (peek().isOp("[")) {
        next();
        // Annotations subscript with tuples: Union[str, None].
        List<PyNode> index = new ArrayList<>(List.of(expression()));
        while (peek().isOp(",") && !cursor.peekSecond().isOp("]")) {
          next();
          index.add(expression());
        }
        if (peek().isOp(",")) {
          next();
        }
        PyToken close = expectOp("]");
        node = limited(new PyNode.Subscript(node, index, node.start(), close.end()));
      } else {
        return node;
      }
    }
  }

  private PyNode call(PyNode callee) {
    next();
    List<PyNode> args = new ArrayList<>();
    List<PyNode.Keyword> keywords = new ArrayList<>();
    Set<String> keywordNames = new HashSet<>();
    while (!peek().isOp(")")) {
      PyToken first = peek();
      if (first.isOp("*") || first.isOp("**")) {
        throw error(first, "'" + first.value() + "' unpacking, which sqlagen does not write");
      }
      if (first.kind() == Kind.NAME && cursor.peekSecond().isOp("=")) {
        next();
        next();
        PyNode value = expression();
        if (!keywordNames.add(first.value())) {
          throw error(first, "the keyword argument '" + first.value() + "' is given twice");
        }
        keywords.add(new PyNode.Keyword(first.value(), value, first.start(), value.end()));
      } else {
        PyNode value = expression();
        if (!keywords.isEmpty()) {
          throw Unreadable.at(value, "a positional argument after keyword arguments");
        }
        args.add(value);
      }
      if (!peek().isOp(",") && !peek().isOp(")")) {
        throw error(peek(), "expected ',' or ')' in the arguments of " + callee.canonical() + "(), found " + describe(peek()));
      }
      if (peek().isOp(",")) {
        next();
      }
    }
    PyToken close = next();
    return limited(new PyNode.Call(callee, args, keywords, callee.start(), close.end()));
  }

  private PyNode atom() {
    PyToken token = peek();
    switch (token.kind()) {
      case NAME -> {
        if (PyCursor.KEYWORDS.contains(token.value())) {
          throw error(token, "unexpected '" + token.value() + "'");
        }
        next();
        return new PyNode.Name(token.value(), token.start(), token.end());
      }
      case NUMBER -> {
        next();
        return new PyNode.Num(token.value(), token.start(), token.end());
      }
      case STRING -> {
        // Adjacent literals are one string, as in Python: how sqlagen splits a long one.
        StringBuilder value = new StringBuilder();
        PyToken last = token;
        while (peek().kind() == Kind.STRING) {
          last = next();
          value.append(last.value());
        }
        return new PyNode.Str(value.toString(), token.start(), last.end());
      }
      default -> {
        if (token.isOp("(")) {
          next();
          if (peek().isOp(")")) {
            throw error(peek(), "an empty tuple, which sqlagen does not write");
          }
          PyNode inner = expression();
          if (peek().isOp(",")) {
            throw error(peek(), "a tuple, which sqlagen does not write");
          }
          expectOp(")");
          return inner;
        }
        if (token.isOp("[")) {
          return list();
        }
        if (token.isOp("{")) {
          return dict();
        }
        throw error(token, "expected an expression, found " + describe(token));
      }
    }
  }

  private PyNode list() {
    PyToken open = next();
    List<PyNode> items = new ArrayList<>();
    while (!peek().isOp("]")) {
      items.add(expression());
      if (!peek().isOp(",") && !peek().isOp("]")) {
        throw error(peek(), "expected ',' or ']' in a list, found " + describe(peek()));
      }
      if (peek().isOp(",")) {
        next();
      }
    }
    PyToken close = next();
    return limited(new PyNode.ListDisplay(items, open.start(), close.end()));
  }

  private PyNode dict() {
    PyToken open = next();
    List<PyNode> keys = new ArrayList<>();
    List<PyNode> values = new ArrayList<>();
    while (!peek().isOp("}")) {
      if (peek().isOp("**")) {
        throw error(peek(), "'**' unpacking, which sqlagen does not write");
      }
      keys.add(expression());
      expectOp(":");
      values.add(expression());
      if (!peek().isOp(",") && !peek().isOp("}")) {
        throw error(peek(), "expected ',' or '}' in a dict, found " + describe(peek()));
      }
      if (peek().isOp(",")) {
        next();
      }
    }
    PyToken close = next();
    return limited(new PyNode.DictDisplay(keys, values, open.start(), close.end()));
  }

  /**
   * The node, unless it nests deeper than any revision does: a chain of thousands of attributes
   * or minus signs is refused here, before a message's quotation recurses through it.
   */
  private static PyNode limited(PyNode node) {
    if (node.depth() > MAX_DEPTH) {
      throw Unreadable.at(node, "an expression nested more than " + MAX_DEPTH + " deep");
    }
    return node;
  }

  private PyToken peek() {
    return cursor.peek();
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
