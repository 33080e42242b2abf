package dev.sqlagen.plan;

import java.util.List;
import java.util.Objects;

/**
 * The few Python expression shapes sqlagen emits, kept as structure so that {@link PyLayout} can
 * wrap them the way the formatter (ruff format, black) would.
 */
sealed interface PyExpr {
  /** The expression on one line. */
  String flat();

  /** Source text that is never split: a name, a number, {@code lambda ...}. */
  record Atom(String text) implements PyExpr {
    public Atom {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String flat() {
      return text;
    }
  }

  /** A string literal, which may be split into implicitly concatenated parts when too long. */
  record Str(String value) implements PyExpr {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String flat() {
      return PyLiterals.string(value);
    }
  }

  /**
   * Items between brackets: a call's arguments ({@code open} is {@code "name("}), or a display
   * (list, dict, tuple). {@code oneTuple} keeps the comma that makes a single item a tuple.
   */
  record Bracketed(String open, List<PyExpr> items, String close, boolean display, boolean oneTuple)
      implements PyExpr {
    public Bracketed {
      Objects.requireNonNull(open, "open");
      items = List.copyOf(items);
      Objects.requireNonNull(close, "close");
    }

    @Override
    public String flat() {
      StringBuilder out = new StringBuilder(open);
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(items.get(i).flat());
      }
      if (oneTuple && items.size() == 1) {
        out.append(',');
      }
      return out.append(close).toString();
    }
  }

  /** {@code key=value} in a call, or {@code "key": value} in a dict: a prefix before a value. */
  record Prefixed(String prefix, PyExpr value) implements PyExpr {
    public Prefixed {
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String flat() {
      return prefix + value.flat();
    }
  }

  static PyExpr atom(String text) {
    return new Atom(text);
  }

  static PyExpr str(String value) {
    return new Str(value);
  }

  static PyExpr call(String callee, List<PyExpr> args) {
    return new Bracketed(callee + "(", args, ")", false, false);
  }

  static PyExpr keyword(String name, PyExpr value) {
    return new Prefixed(name + "=", value);
  }

  static PyExpr list(List<PyExpr> items) {
    return new Bracketed("[", items, "]", true, false);
  }

  static PyExpr dict(List<PyExpr> entries) {
    return new Bracketed("{", entries, "}", true, false);
  }

  static PyExpr entry(String key, PyExpr value) {
    return new Prefixed(PyLiterals.string(key) + ": ", value);
  }

  static PyExpr tuple(List<PyExpr> items) {
    return new Bracketed("(", items, ")", true, true);
  }
}
