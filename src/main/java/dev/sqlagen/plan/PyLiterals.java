package dev.sqlagen.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Python literals that evaluate back to exactly the given value, quoted as ruff format quotes. */
final class PyLiterals {
  private PyLiterals() {}

  /**
   * A string literal: double quotes unless the value holds more double than single quotes (the
   * formatter's rule), with every character that could break the line or the module escaped.
   */
  static String string(String value) {
    if (isPlain(value)) {
      // The common case, and what the general path below gives for it: double quotes, no escape.
      return "\"" + value + "\"";
    }
    char quote = preferredQuote(value);
    return quote + escape(value, quote) + quote;
  }

  /** Printable ASCII with no quote or backslash: nothing to escape, nothing to choose. */
  private static boolean isPlain(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c >= 0x7f || c == '"' || c == '\'' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  static char preferredQuote(String value) {
    int doubles = 0;
    int singles = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        doubles++;
      } else if (c == '\'') {
        singles++;
      }
    }
    return doubles > singles ? '\'' : '"';
  }

  static String escape(String value, char quote) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      appendEscaped(out, cp, quote);
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static void appendEscaped(StringBuilder out, int cp, char quote) {
    switch (cp) {
      case '\\' -> out.append("\\\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (cp == quote) {
          out.append('\\').append(quote);
        } else if (cp < 0x20 || cp == 0x7f) {
          out.append(String.format("\\x%02x", cp));
        } else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029 || Character.getType(cp) == Character.SURROGATE
            || invisible(cp)) {
          // Line separators end a line for some editors and tools; spaces other than ' ' and
          // invisible format characters (bidi controls, BOM) hide what the string holds.
          out.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
        } else {
          out.appendCodePoint(cp);
        }
      }
    }
  }

  /** A space other than ' ' (NBSP, U+3000, ...) or an invisible format character (U+200B, U+202E, BOM). */
  static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return (type == Character.SPACE_SEPARATOR && cp != ' ') || type == Character.FORMAT;
  }

  /**
   * The value cut at spaces into literals of at most {@code width} characters each (a single word
   * longer than that stays whole), to be written one per line as an implicit concatenation.
   */
  static List<String> stringParts(String value, int width) {
    // Each part is quoted on its own, as ruff format quotes each part of an implicit
    // concatenation: double quotes unless that part holds more double than single quotes.
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int start = 0;
    while (start < value.length()) {
      int space = value.indexOf(' ', start);
      String word = space < 0 ? value.substring(start) : value.substring(start, space + 1);
      if (current.length() > 0 && string(current + word).length() > width) {
        parts.add(string(current.toString()));
        current.setLength(0);
      }
      current.append(word);
      start += word.length();
    }
    if (current.length() > 0 || parts.isEmpty()) {
      parts.add(string(current.toString()));
    }
    return parts;
  }

  /** An int literal: no leading zeros (a syntax error in Python 3). */
  static String integer(String text) {
    return new BigInteger(text).toString();
  }

  /** A float literal: always with a decimal point, so that the value is a float. */
  static String floating(String text) {
    String plain = new BigDecimal(text).toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** A {@code Decimal("...")} argument, as written but normalised. */
  static String decimal(String text) {
    return new BigDecimal(text).toPlainString();
  }
}
