package dev.sqlagen.history;

import dev.sqlagen.history.PyToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Python's tokenizer for the subset revisions are written in: names, decimal numbers, string
 * literals (single, double and triple quotes, every escape Python knows), operators, comments,
 * line joining inside brackets, and INDENT/DEDENT from indentation. String prefixes (r, b, f)
 * are refused: sqlagen never writes them. Tokens are made as the parser asks for them: a
 * revision of 10,000 tables has millions, which a list of them all would hold at once.
 */
final class PyTokenizer {
  /** Python's own limits, which also keep the parser's recursion bounded. */
  private static final int MAX_BRACKETS = 200;
  private static final int MAX_INDENTS = 100;
  private static final Set<String> PREFIXES = Set.of("r", "u", "b", "f", "t", "br", "rb", "fr", "rf", "tr", "rt");
  private static final String OPENERS = "([{";
  private static final String CLOSERS = ")]}";
  private static final List<String> TWO_CHARACTER_OPS = List.of("->", "!=", "==", "<=", ">=", "**", "//", ":=");
  private static final String ONE_CHARACTER_OPS = "()[]{},:.;=|-+*/%<>@~^&";
  /** Each one-character operator's text, made once. */
  private static final String[] OPS = new String[128];

  static {
    for (char c : ONE_CHARACTER_OPS.toCharArray()) {
      OPS[c] = String.valueOf(c).intern();
    }
  }

  private final String text;
  /** Tokens made and not yet handed out, from {@code handedOut} on: several only for DEDENTs. */
  private final List<PyToken> pending = new ArrayList<>();
  private int handedOut;
  private final Deque<Integer> indents = new ArrayDeque<>();
  /** Offsets of the brackets open at this point. */
  private final Deque<Integer> brackets = new ArrayDeque<>();
  private int pos;
  private boolean lineStart = true;
  private Kind last;
  private boolean ended;

  PyTokenizer(String text) {
    this.text = text;
    indents.push(0);
  }

  /**
   * The next token. After the last statement's NEWLINE come the DEDENTs that close its blocks,
   * then END, for ever.
   */
  PyToken next() {
    while (handedOut == pending.size()) {
      if (ended) {
        return new PyToken(Kind.END, "", text.length(), text.length());
      }
      pending.clear();
      handedOut = 0;
      step();
    }
    return pending.get(handedOut++);
  }

  /** Reads on until a token is made, or the text ends. */
  private void step() {
    if (pos >= text.length()) {
      end();
      return;
    }
    if (lineStart && brackets.isEmpty()) {
      lineStart = false;
      if (!indentation()) {
        lineStart = true;
        return;
      }
    }
    char c = text.charAt(pos);
    if (c == ' ' || c == '\t' || c == '\f') {
      pos++;
    } else if (c == '#') {
      skipComment();
    } else if (c == '\n') {
      if (brackets.isEmpty()) {
        add(Kind.NEWLINE, "\n", pos, pos + 1);
        lineStart = true;
      }
      pos++;
    } else if (c == '\\' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
      pos += 2; // an explicit line join
    } else if (c == '"' || c == '\'') {
      string(pos);
    } else if (c >= '0' && c <= '9') {
      number();
    } else if (Character.isUnicodeIdentifierStart(text.codePointAt(pos)) || c == '_') {
      name();
    } else {
      operator();
    }
  }

  /**
   * Measures the indentation of the line at {@code pos} and emits INDENT or DEDENTs; false (with
   * the line skipped) for a blank or comment-only line, which Python ignores.
   */
  private boolean indentation() {
    int column = 0;
    int at = pos;
    while (at < text.length() && " \t\f".indexOf(text.charAt(at)) >= 0) {
      char c = text.charAt(at++);
      column = c == '\t' ? (column / 8 + 1) * 8 : c == '\f' ? 0 : column + 1;
    }
    if (at >= text.length() || text.charAt(at) == '\n' || text.charAt(at) == '#') {
      pos = at;
      skipComment();
      if (pos < text.length()) {
        pos++;
      }
      return false;
    }
    pos = at;
    if (column > indents.peek()) {
      if (indents.size() > MAX_INDENTS) {
        throw new Unreadable(at, at + 1, "the code is indented more than " + MAX_INDENTS + " levels deep");
      }
      indents.push(column);
      add(Kind.INDENT, "", at, at);
    }
    while (column < indents.peek()) {
      indents.pop();
      add(Kind.DEDENT, "", at, at);
    }
    if (column != indents.peek()) {
      throw new Unreadable(at, at + 1, "this line's indentation matches no enclosing block");
    }
    return true;
  }

  private void skipComment() {
    int newline = text.indexOf('\n', pos);
    pos = newline < 0 ? text.length() : newline;
  }

  private void end() {
    if (!brackets.isEmpty()) {
      int open = brackets.peek();
      throw new Unreadable(text.length(), text.length(),
          "the file ends before the '" + text.charAt(open) + "' opened on line " + lineOf(open) + " is closed");
    }
    if (last != null && last != Kind.NEWLINE && last != Kind.DEDENT) {
      add(Kind.NEWLINE, "", text.length(), text.length());
    }
    while (indents.size() > 1) {
      indents.pop();
      add(Kind.DEDENT, "", text.length(), text.length());
    }
    ended = true;
  }

  private void name() {
    int start = pos;
    pos += Character.charCount(text.codePointAt(pos));
    while (pos < text.length()) {
      int cp = text.codePointAt(pos);
      if (!Character.isUnicodeIdentifierPart(cp) || Character.isIdentifierIgnorable(cp)) {
        break;
      }
      pos += Character.charCount(cp);
    }
    String name = text.substring(start, pos);
    if (pos < text.length() && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')
        && PREFIXES.contains(name.toLowerCase(Locale.ROOT))) {
      throw new Unreadable(start, pos + 1, "a string with the prefix '" + name + "', which sqlagen never writes");
    }
    add(Kind.NAME, name, start, pos);
  }

  /** A number's text (digits, letters, '_' and '.'): the parser decides what it may be. */
  private void number() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
      pos++;
    }
    add(Kind.NUMBER, text.substring(start, pos), start, pos);
  }

  private void operator() {
    int start = pos;
    char c = text.charAt(pos);
    if (pos + 1 < text.length() && "-!=<>*/:".indexOf(c) >= 0) {
      for (String op : TWO_CHARACTER_OPS) {
        if (text.startsWith(op, pos)) {
          pos += 2;
          add(Kind.OP, op, start, pos);
          return;
        }
      }
    }
    if (ONE_CHARACTER_OPS.indexOf(c) < 0) {
      int cp = text.codePointAt(pos);
      throw new Unreadable(start, start + Character.charCount(cp), "unexpected character " + describe(cp));
    }
    if (OPENERS.indexOf(c) >= 0) {
      if (brackets.size() >= MAX_BRACKETS) {
        throw new Unreadable(start, start + 1, "brackets nested more than " + MAX_BRACKETS + " deep");
      }
      brackets.push(start);
    } else if (CLOSERS.indexOf(c) >= 0) {
      if (brackets.isEmpty()) {
        throw new Unreadable(start, start + 1, "a '" + c + "' that closes no bracket");
      }
      int open = brackets.pop();
      if (OPENERS.indexOf(text.charAt(open)) != CLOSERS.indexOf(c)) {
        throw new Unreadable(start, start + 1,
            "a '" + c + "' where the '" + text.charAt(open) + "' opened on line " + lineOf(open) + " is to be closed");
      }
    }
    pos++;
    add(Kind.OP, OPS[c], start, pos);
  }

  /** A string literal from {@code start}: its value with every escape decoded as Python does. */
  private void string(int start) {
    char quote = text.charAt(start);
    String delimiter = text.startsWith(String.valueOf(quote).repeat(3), start) ? String.valueOf(quote).repeat(3) : String.valueOf(quote);
    boolean triple = delimiter.length() == 3;
    int at = start + delimiter.length();
    StringBuilder value = new StringBuilder();
    while (true) {
      if (at >= text.length() || (!triple && text.charAt(at) == '\n')) {
        throw new Unreadable(start, start + delimiter.length(), triple
            ? "a string opened with " + delimiter + " that is never closed"
            : "a string that is not closed on its line");
      }
      char c = text.charAt(at);
      if (c == quote && (!triple || text.startsWith(delimiter, at))) {
        at += delimiter.length();
        break;
      }
      if (c == '\\') {
        at = escape(at, value);
      } else {
        value.append(c);
        at++;
      }
    }
    pos = at;
    add(Kind.STRING, value.toString(), start, at);
  }

  /** Decodes the escape at {@code at} (a backslash) into {@code value}; returns the offset after it. */
  private int escape(int at, StringBuilder value) {
    if (at + 1 >= text.length()) {
      return at + 1; // the string is not closed: reported by the caller
    }
    char c = text.charAt(at + 1);
    switch (c) {
      case '\n' -> { }
      case '\\', '\'', '"' -> value.append(c);
      case 'a' -> value.append('\u0007');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'n' -> value.append('\n');
      case 'r' -> value.append('\r');
      case 't' -> value.append('\t');
      case 'v' -> value.append('\u000b');
      case 'x' -> {
        return hex(at, 2, value);
      }
      case 'u' -> {
        return hex(at, 4, value);
      }
      case 'U' -> {
        return hex(at, 8, value);
      }
      case 'N' -> {
        return named(at, value);
      }
      default -> {
        if (c >= '0' && c <= '7') {
          int end = at + 1;
          while (end < text.length() && end < at + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
            end++;
          }
          value.appendCodePoint(Integer.parseInt(text.substring(at + 1, end), 8));
          return end;
        }
        // Python keeps an unknown escape as it is, backslash included.
        value.append('\\').append(c);
      }
    }
    return at + 2;
  }

  private int hex(int at, int digits, StringBuilder value) {
    int end = at + 2 + digits;
    String hex = end <= text.length() ? text.substring(at + 2, end) : "";
    if (hex.length() != digits || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
      throw new Unreadable(at, Math.min(end, text.length()),
          "the escape \\" + text.charAt(at + 1) + " takes " + digits + " hexadecimal digits");
    }
    int cp = Integer.parseInt(hex, 16);
    if (cp > Character.MAX_CODE_POINT) {
      throw new Unreadable(at, end, "the escape \\" + hex + " is not a Unicode character");
    }
    value.appendCodePoint(cp);
    return end;
  }

  /** {@code \N{NAME}}: a character by its Unicode name. */
  private int named(int at, StringBuilder value) {
    int close = text.indexOf('}', at);
    int newline = text.indexOf('\n', at);
    if (!text.startsWith("{", at + 2) || close < 0 || (newline >= 0 && newline < close)) {
      throw new Unreadable(at, at + 2, "the escape \\N takes a character name in braces");
    }
    String name = text.substring(at + 3, close);
    try {
      value.appendCodePoint(Character.codePointOf(name));
    } catch (IllegalArgumentException e) {
      throw new Unreadable(at, close + 1, "no Unicode character is named '" + name + "'");
    }
    return close + 1;
  }

  private void add(Kind kind, String value, int start, int end) {
    pending.add(new PyToken(kind, value, start, end));
    last = kind;
  }

  private int lineOf(int offset) {
    int line = 1;
    for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
    }
    return line;
  }

  private static String describe(int cp) {
    return cp > ' ' && cp < 0x7f ? "'" + Character.toString(cp) + "'" : String.format("U+%04X", cp);
  }
}
