package dev.sqlagen.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON that snapshots need: objects (key order kept), arrays, strings, booleans,
 * integers and null, written on one line with no spaces and read back strictly. Reading reports
 * the column of the first problem, so that a snapshot line can be pointed at.
 */
final class Json {
  private Json() {}

  /** Malformed JSON: what is wrong, and at which character (0-based) of the text. */
  static final class SyntaxException extends Exception {
    private final int offset;

    SyntaxException(String message, int offset) {
      super(message);
      this.offset = offset;
    }

    int offset() {
      return offset;
    }
  }

  /** Appends {@code value} (a Map, List, String, Boolean, Integer, Long or null) as JSON. */
  static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) entry.getKey());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /** Escapes what JSON requires, and every character a reviewer could not see, as \\uXXXX. */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff
              || Character.isSurrogate(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Parses one JSON value that makes up the whole text. */
  static Object parse(String text) throws SyntaxException {
    Json.Reader reader = new Json.Reader(text);
    reader.space();
    Object value = reader.value(0);
    reader.space();
    if (reader.at < text.length()) {
      throw new SyntaxException("unexpected text after the value", reader.at);
    }
    return value;
  }

  private static final class Reader {
    private static final int MAX_DEPTH = 64;
    private final String text;
    private int at;

    Reader(String text) {
      this.text = text;
    }

    void space() {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }

    Object value(int depth) throws SyntaxException {
      if (depth > MAX_DEPTH) {
        throw new SyntaxException("nested too deeply", at);
      }
      if (at >= text.length()) {
        throw new SyntaxException("a value is missing", at);
      }
      char c = text.charAt(at);
      return switch (c) {
        case '{' -> object(depth);
        case '[' -> array(depth);
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            yield number();
          }
          throw new SyntaxException("unexpected '" + c + "'", at);
        }
      };
    }

    private Object literal(String word, Object value) throws SyntaxException {
      if (!text.startsWith(word, at)) {
        throw new SyntaxException("unexpected '" + text.charAt(at) + "'", at);
      }
      at += word.length();
      return value;
    }

    private Long number() throws SyntaxException {
      int start = at;
      if (text.charAt(at) == '-') {
        at++;
      }
      int digits = at;
      while (at < text.length() && Character.isDigit(text.charAt(at))) {
        at++;
      }
      if (at == digits || at - digits > 18) {
        throw new SyntaxException("expected a whole number", start);
      }
      return Long.parseLong(text.substring(start, at));
    }

    private String string() throws SyntaxException {
      int start = at++;
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw new SyntaxException("unterminated string", start);
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw new SyntaxException("a control character in a string", at - 1);
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw new SyntaxException("unterminated string", start);
        }
        char e = text.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
              throw new SyntaxException("a bad \\u escape", at - 2);
            }
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw new SyntaxException("unknown escape '\\" + e + "'", at - 2);
        }
      }
    }

    private List<Object> array(int depth) throws SyntaxException {
      at++;
      List<Object> items = new ArrayList<>();
      space();
      if (at < text.length() && text.charAt(at) == ']') {
        at++;
        return items;
      }
      while (true) {
        space();
        items.add(value(depth + 1));
        space();
        if (at < text.length() && text.charAt(at) == ',') {
          at++;
        } else if (at < text.length() && text.charAt(at) == ']') {
          at++;
          return items;
        } else {
          throw new SyntaxException("expected ',' or ']'", at);
        }
      }
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
      at++;
      Map<String, Object> members = new LinkedHashMap<>();
      space();
      if (at < text.length() && text.charAt(at) == '}') {
        at++;
        return members;
      }
      while (true) {
        space();
        if (at >= text.length() || text.charAt(at) != '"') {
          throw new SyntaxException("expected a key in quotes", at);
        }
        int keyAt = at;
        String key = string();
        space();
        if (at >= text.length() || text.charAt(at) != ':') {
          throw new SyntaxException("expected ':'", at);
        }
        at++;
        space();
        if (members.put(key, value(depth + 1)) != null) {
          throw new SyntaxException("key \"" + key + "\" given twice", keyAt);
        }
        space();
        if (at < text.length() && text.charAt(at) == ',') {
          at++;
        } else if (at < text.length() && text.charAt(at) == '}') {
          at++;
          return members;
        } else {
          throw new SyntaxException("expected ',' or '}'", at);
        }
      }
    }
  }
}
