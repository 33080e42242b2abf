package dev.sqlagen.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Python expression of the subset revisions are written in, with its offsets in the file:
 * names, string and number literals, attributes, calls, lists, dicts, subscripts and operators.
 */
sealed interface PyNode {
  int start();

  int end();

  /** {@code a.b.c} for a name or a chain of attributes on one; empty for anything else. */
  default Optional<String> dotted() {
    return Optional.empty();
  }

  /** The expression written out again, one way for each structure: what messages quote. */
  String canonical();

  /**
   * How deep the expression nests: 1 for a name or literal. Kept with each node, so that the
   * parser can refuse a deep one before anything recurses through it.
   */
  default int depth() {
    return 1;
  }

  private static int deepest(List<? extends PyNode> nodes) {
    int depth = 0;
    for (PyNode node : nodes) {
      depth = Math.max(depth, node.depth());
    }
    return depth;
  }

  /** A name: {@code sa}, {@code None}, {@code role_enum}. */
  record Name(String id, int start, int end) implements PyNode {
    public Name {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public Optional<String> dotted() {
      return Optional.of(id);
    }

    @Override
    public String canonical() {
      return id;
    }
  }

  /** A string literal, implicitly concatenated parts joined: its value. */
  record Str(String value, int start, int end) implements PyNode {
    public Str {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String canonical() {
      return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
  }

  /** A number literal, as written. */
  record Num(String text, int start, int end) implements PyNode {
    public Num {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String canonical() {
      return text;
    }
  }

  /** {@code target.name}. */
  record Attribute(PyNode target, String name, int start, int end, int depth) implements PyNode {
    public Attribute {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(name, "name");
    }

    Attribute(PyNode target, String name, int start, int end) {
      this(target, name, start, end, target.depth() + 1);
    }

    @Override
    public Optional<String> dotted() {
      return target.dotted().map(prefix -> prefix + "." + name);
    }

    @Override
    public String canonical() {
      return target.canonical() + "." + name;
    }
  }

  /** {@code callee(args..., name=value...)}; positional arguments come first, as Python requires. */
  record Call(PyNode callee, List<PyNode> args, List<Keyword> keywords, int start, int end, int depth) implements PyNode {
    public Call {
      Objects.requireNonNull(callee, "callee");
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }

    Call(PyNode callee, List<PyNode> args, List<Keyword> keywords, int start, int end) {
      this(callee, args, keywords, start, end,
          Math.max(callee.depth(), Math.max(deepest(args), deepest(keywords.stream().map(Keyword::value).toList()))) + 1);
    }

    @Override
    public String canonical() {
      List<String> parts = new ArrayList<>();
      args.forEach(a -> parts.add(a.canonical()));
      keywords.forEach(k -> parts.add(k.name() + "=" + k.value().canonical()));
      return callee.canonical() + "(" + String.join(", ", parts) + ")";
    }

    /** The callee and {@code (...)}, for messages about a call whose arguments do not matter. */
    String shortForm() {
      return callee.canonical() + "()";
    }
  }

  /** {@code name=value} in a call. */
  record Keyword(String name, PyNode value, int start, int end) {
    public Keyword {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code [a, b]}. */
  record ListDisplay(List<PyNode> items, int start, int end, int depth) implements PyNode {
    public ListDisplay {
      items = List.copyOf(items);
    }

    ListDisplay(List<PyNode> items, int start, int end) {
      this(items, start, end, deepest(items) + 1);
    }

    @Override
    public String canonical() {
      return "[" + String.join(", ", items.stream().map(PyNode::canonical).toList()) + "]";
    }
  }

  /** {@code {key: value, ...}}, as in {@code postgresql_ops={"title": "text_pattern_ops"}}. */
  record DictDisplay(List<PyNode> keys, List<PyNode> values, int start, int end, int depth) implements PyNode {
    public DictDisplay {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
      if (keys.size() != values.size()) {
        throw new IllegalArgumentException("a dict has as many keys as values");
      }
    }

    DictDisplay(List<PyNode> keys, List<PyNode> values, int start, int end) {
      this(keys, values, start, end, Math.max(deepest(keys), deepest(values)) + 1);
    }

    @Override
    public String canonical() {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        items.add(keys.get(i).canonical() + ": " + values.get(i).canonical());
      }
      return "{" + String.join(", ", items) + "}";
    }
  }

  /** {@code target[index, ...]}, as in the annotations {@code Sequence[str]} and {@code Union[str, None]}. */
  record Subscript(PyNode target, List<PyNode> index, int start, int end, int depth) implements PyNode {
    public Subscript {
      Objects.requireNonNull(target, "target");
      index = List.copyOf(index);
    }

    Subscript(PyNode target, List<PyNode> index, int start, int end) {
      this(target, index, start, end, Math.max(target.depth(), deepest(index)) + 1);
    }

    @Override
    public String canonical() {
      return target.canonical() + "[" + String.join(", ", index.stream().map(PyNode::canonical).toList()) + "]";
    }
  }

  /** {@code left op right}: {@code |} in annotations, {@code !=} in the SQLite guard. */
  record BinOp(PyNode left, String op, PyNode right, int start, int end, int depth) implements PyNode {
    public BinOp {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(right, "right");
    }

    BinOp(PyNode left, String op, PyNode right, int start, int end) {
      this(left, op, right, start, end, Math.max(left.depth(), right.depth()) + 1);
    }

    @Override
    public String canonical() {
      return left.canonical() + " " + op + " " + right.canonical();
    }
  }

  /** {@code -operand}. */
  record Negative(PyNode operand, int start, int end, int depth) implements PyNode {
    public Negative {
      Objects.requireNonNull(operand, "operand");
    }

    Negative(PyNode operand, int start, int end) {
      this(operand, start, end, operand.depth() + 1);
    }

    @Override
    public String canonical() {
      return "-" + operand.canonical();
    }
  }
}
