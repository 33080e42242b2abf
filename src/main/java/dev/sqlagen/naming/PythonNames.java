package dev.sqlagen.naming;

import java.util.Locale;
import java.util.Set;

/** Rules that turn schema names into valid, unsurprising Python names. */
public final class PythonNames {
  /** Python's hard keywords: never usable as attribute names. */
  public static final Set<String> KEYWORDS =
      Set.of(
          "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
          "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
          "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
          "return", "try", "while", "with", "yield");

  /** Names Declarative reserves on a mapped class: a column there would break the mapping. */
  public static final Set<String> DECLARATIVE_RESERVED = Set.of("metadata", "registry");

  private PythonNames() {}

  /**
   * The Python attribute for a field: the field name itself, or with a trailing underscore when it
   * is a keyword or a Declarative-reserved name. The database column keeps the original name.
   */
  public static String attribute(String field) {
    return KEYWORDS.contains(field) || DECLARATIVE_RESERVED.contains(field) ? field + "_" : field;
  }

  /** An enum member's Python name: {@code inReview} → {@code IN_REVIEW}; the value stays as written. */
  public static String enumMember(String member) {
    return DbNames.snake(member).toUpperCase(Locale.ROOT);
  }

  /** Whether a name may be a class name: not a keyword and not dunder. */
  public static boolean isValidClassName(String name) {
    return !KEYWORDS.contains(name) && !name.startsWith("__");
  }
}
