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

  /**
   * A string literal, which may be split into implicitly concatenated parts when too long. The
   * literal is computed once: {@link PyLayout} asks for it at every level of a statement.
   */
  final class Str implements PyExpr {
    private final String value;
    private String flat;

    Str(String value) {
      this.value = Objects.requireNonNull(value, "value");
    }

    String value() {
      return value;
    }

    @Override
    public String flat() {
      if (flat == null) {
        flat = PyLiterals.string(value);
      }
      return flat;
    }
  }

  /**
   * Items between brackets: a call's arguments ({@code open} is {@code "name("}), or a display
   * (list, dict, tuple). {@code oneTuple} keeps the comma that makes a single item a tuple. The
   * one-line form is built once and kept: {@link PyLayout} tries it at every level of nesting, and
   * rebuilding it there (string literals included) was most of the plan stage's time.
   */
  final class Bracketed implements PyExpr {
    private final String open;
    private final List<PyExpr> items;
    private final String close;
    private final boolean display;
    private final boolean oneTuple;
    private String flat;

    Bracketed(String open, List<PyExpr> items, String close, boolean display, boolean oneTuple) {
      this.open = Objects.requireNonNull(open, "open");
      this.items = List.copyOf(items);
      this.close = Objects.requireNonNull(close, "close");
      this.display = display;
      this.oneTuple = oneTuple;
    }

    String open() {
      return open;
    }

    List<PyExpr> items() {
      return items;
    }

    String close() {
      return close;
    }

    boolean display() {
      return display;
    }

    boolean oneTuple() {
      return oneTuple;
    }

    @Override
    public String flat() {
      if (flat == null) {
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
        flat = out.append(close).toString();
      }
      return flat;
    }
  }

  /** {@code key=value} in a call, or {@code "key": value} in a dict: a prefix before a value. */
  final class Prefixed implements PyExpr {
    private final String prefix;
    private final PyExpr value;
    private String flat;

    Prefixed(String prefix, PyExpr value) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
      this.value = Objects.requireNonNull(value, "value");
    }

    String prefix() {
      return prefix;
    }

    PyExpr value() {
      return value;
    }

    @Override
    public String flat() {
      if (flat == null) {
        flat = prefix + value.flat();
      }
      return flat;
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
