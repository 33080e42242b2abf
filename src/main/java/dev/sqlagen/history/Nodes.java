package dev.sqlagen.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes apart an expression that must be what sqlagen writes at its place (a call of a given
 * function, a string, a list of strings, {@code op.f("name")}), or says where it is not.
 */
final class Nodes {
  private static final int QUOTED_LENGTH = 60;

  private Nodes() {}

  /** The dotted name a call calls ({@code sa.Column}); empty for anything else. */
  static String callee(PyNode node) {
    return node instanceof PyNode.Call call ? call.callee().dotted().orElse("") : "";
  }

  static boolean isCall(PyNode node, String callee) {
    return node instanceof PyNode.Call call && call.callee().dotted().filter(callee::equals).isPresent();
  }

  static PyNode.Call call(PyNode node, String callee, String what) {
    if (!isCall(node, callee)) {
      throw Unreadable.at(node, "expected " + callee + "(...) as " + what + ", found " + quote(node));
    }
    return (PyNode.Call) node;
  }

  static String string(PyNode node, String what) {
    if (node instanceof PyNode.Str str) {
      return str.value();
    }
    throw Unreadable.at(node, "expected a string as " + what + ", found " + quote(node));
  }

  static boolean bool(PyNode node, String what) {
    if (node instanceof PyNode.Name name && (name.id().equals("True") || name.id().equals("False"))) {
      return name.id().equals("True");
    }
    throw Unreadable.at(node, "expected True or False as " + what + ", found " + quote(node));
  }

  static boolean isNone(PyNode node) {
    return node instanceof PyNode.Name name && name.id().equals("None");
  }

  /** A decimal int literal that fits an int. */
  static int integer(PyNode node, String what) {
    if (node instanceof PyNode.Num num && num.text().matches("0|[1-9][0-9]{0,8}")) {
      return Integer.parseInt(num.text());
    }
    throw Unreadable.at(node, "expected a whole number as " + what + ", found " + quote(node));
  }

  /** {@code ["a", "b"]}, not empty. */
  static List<String> strings(PyNode node, String what) {
    if (!(node instanceof PyNode.ListDisplay list) || list.items().isEmpty()) {
      throw Unreadable.at(node, "expected a list of names as " + what + ", found " + quote(node));
    }
    List<String> values = new ArrayList<>();
    list.items().forEach(item -> values.add(string(item, what)));
    return values;
  }

  /** {@code op.f("name")}: a name the naming convention must leave as it is. */
  static String opName(PyNode node, String what) {
    PyNode.Call call = call(node, "op.f", what);
    positional(call, 1, 1);
    keywords(call, Set.of());
    return string(call.args().get(0), what);
  }

  /** The call takes {@code min} to {@code max} positional arguments. */
  static void positional(PyNode.Call call, int min, int max) {
    if (call.args().size() > max) {
      throw Unreadable.at(call.args().get(max), "an argument to " + call.shortForm() + " that sqlagen does not write: "
          + quote(call.args().get(max)));
    }
    if (call.args().size() < min) {
      throw Unreadable.at(call, call.shortForm() + " with " + count(call.args().size()) + " positional arguments, where sqlagen writes "
          + (min == max ? Integer.toString(min) : "at least " + min));
    }
  }

  /**
   * The keyword arguments by name, each one {@code allowed}; those in {@code required} are
   * there.
   */
  static Map<String, PyNode> keywords(PyNode.Call call, Set<String> allowed, String... required) {
    Map<String, PyNode> values = new HashMap<>();
    for (PyNode.Keyword keyword : call.keywords()) {
      if (!allowed.contains(keyword.name())) {
        throw new Unreadable(keyword.start(), keyword.end(),
            "the keyword argument " + keyword.name() + "= to " + call.shortForm() + ", which sqlagen does not write");
      }
      values.put(keyword.name(), keyword.value());
    }
    for (String name : required) {
      if (!values.containsKey(name)) {
        throw Unreadable.at(call, call.shortForm() + " without " + name + "=, which sqlagen always writes");
      }
    }
    return values;
  }

  static Optional<PyNode> keyword(Map<String, PyNode> keywords, String name) {
    return Optional.ofNullable(keywords.get(name));
  }

  /** The expression for a message: a call without its arguments, anything else cut short. */
  static String quote(PyNode node) {
    if (node instanceof PyNode.Call call) {
      return call.callee().canonical() + (call.args().isEmpty() && call.keywords().isEmpty() ? "()" : "(...)");
    }
    String text = node.canonical();
    int length = text.codePointCount(0, text.length());
    return length <= QUOTED_LENGTH ? text : text.substring(0, text.offsetByCodePoints(0, QUOTED_LENGTH - 3)) + "...";
  }

  private static String count(int n) {
    return n == 0 ? "no" : Integer.toString(n);
  }
}
