package dev.sqlagen.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Human words for tokens, so that no ANTLR token name ever reaches a user. */
final class Tokens {
  private Tokens() {}

  /** How a token reads in "unexpected ..." messages. */
  static String describe(Token token) {
    if (token.getType() == Token.EOF) {
      return "end of file";
    }
    return switch (token.getType()) {
      case SqdLexer.STRING -> "string " + token.getText();
      case SqdLexer.INT, SqdLexer.DECIMAL -> "number " + token.getText();
      case SqdLexer.IDENT, SqdLexer.MODEL, SqdLexer.ENUM, SqdLexer.MIXIN -> "'" + token.getText() + "'";
      default -> "'" + token.getText() + "'";
    };
  }

  static String describeChar(String text) {
    int codePoint = text.codePointAt(0);
    int type = Character.getType(codePoint);
    if (codePoint < 0x20 || codePoint == 0x7f || Character.isWhitespace(codePoint) || type == Character.CONTROL
        || type == Character.FORMAT || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
        || type == Character.SURROGATE) {
      // Invisible: never echoed, named instead.
      String name = Character.getName(codePoint);
      return String.format("U+%04X", codePoint) + (name == null ? "" : " (" + name.toLowerCase(java.util.Locale.ROOT) + ")");
    }
    return "'" + text + "' (U+" + String.format("%04X", codePoint) + ")";
  }

  /** "a name, '{' or '}'": the expected set in words, sorted for stable messages. */
  static String describeExpected(IntervalSet expected) {
    TreeSet<String> words = new TreeSet<>();
    // 'model', 'enum' and 'mixin' are names too (contextual keywords): where a name fits, say just that.
    boolean nameFits = expected.contains(SqdLexer.IDENT);
    for (int type : expected.toList()) {
      if (nameFits && (type == SqdLexer.MODEL || type == SqdLexer.ENUM || type == SqdLexer.MIXIN)) {
        continue;
      }
      // Where '{' fits after a model's name, so does ':'; but a missing '{' is the usual mistake.
      if (type == SqdLexer.COLON && expected.contains(SqdLexer.LBRACE)) {
        continue;
      }
      // A sign is part of a number: "a number" says it.
      if (type == SqdLexer.MINUS && (expected.contains(SqdLexer.INT) || expected.contains(SqdLexer.DECIMAL))) {
        continue;
      }
      String word = expectedWord(type);
      if (word != null) {
        words.add(word);
      }
    }
    List<String> list = new ArrayList<>(words);
    if (list.isEmpty()) {
      return "";
    }
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }

  private static String expectedWord(int type) {
    return switch (type) {
      case Token.EOF -> "end of file";
      case SqdLexer.IDENT -> "a name";
      case SqdLexer.MODEL -> "'model'";
      case SqdLexer.ENUM -> "'enum'";
      case SqdLexer.MIXIN -> "'mixin'";
      case SqdLexer.COLON -> "':'";
      case SqdLexer.INT, SqdLexer.DECIMAL -> "a number";
      case SqdLexer.STRING -> "a string";
      case SqdLexer.LBRACE -> "'{'";
      case SqdLexer.RBRACE -> "'}'";
      case SqdLexer.LPAREN -> "'('";
      case SqdLexer.RPAREN -> "')'";
      case SqdLexer.LBRACK -> "'['";
      case SqdLexer.RBRACK -> "']'";
      case SqdLexer.QUESTION -> "'?'";
      case SqdLexer.COMMA -> "','";
      case SqdLexer.ASSIGN -> "'='";
      case SqdLexer.MINUS -> "'-'";
      case SqdLexer.AT -> "an attribute ('@')";
      case SqdLexer.ATAT -> "a model attribute ('@@')";
      default -> null;
    };
  }
}
