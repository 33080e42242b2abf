package dev.sqlagen.naming;

import java.util.Locale;

/**
 * The one documented rule for database names (docs/language.md, "Names"): snake_case of the model
 * or enum name, and for tables the last word made plural.
 */
public final class DbNames {
  private DbNames() {}

  /** {@code OrderLine} → {@code order_line}, {@code HTTPRequest} → {@code http_request}. */
  public static String snake(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0 && needsBreak(name, i)) {
        appendCollapsingUnderscores(out, '_');
      }
      appendCollapsingUnderscores(out, Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** A run of '_' becomes one; done while appending, as a regex here was compiled per name. */
  private static void appendCollapsingUnderscores(StringBuilder out, char c) {
    if (c != '_' || out.length() == 0 || out.charAt(out.length() - 1) != '_') {
      out.append(c);
    }
  }

  private static boolean needsBreak(String name, int i) {
    char previous = name.charAt(i - 1);
    if (previous == '_') {
      return false;
    }
    if (Character.isLowerCase(previous) || Character.isDigit(previous)) {
      return true;
    }
    // "HTTPRequest": break before the 'R' that starts a lower-case word.
    return i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
  }

  /** The default table name: {@code Category} → {@code categories}, {@code Address} → {@code addresses}. */
  public static String table(String modelName) {
    return plural(snake(modelName));
  }

  /** English plural of the last word, by three rules: -y after a consonant, sibilants, the rest. */
  static String plural(String word) {
    if (word.endsWith("y") && word.length() > 1 && !isVowel(word.charAt(word.length() - 2))) {
      return word.substring(0, word.length() - 1) + "ies";
    }
    if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z")
        || word.endsWith("ch") || word.endsWith("sh")) {
      return word + "es";
    }
    return word + "s";
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** The database type name of an enum: {@code OrderStatus} → {@code order_status}. */
  public static String enumType(String enumName) {
    return snake(enumName);
  }
}
