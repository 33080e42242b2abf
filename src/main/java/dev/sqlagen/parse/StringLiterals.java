package dev.sqlagen.parse;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import org.antlr.v4.runtime.Token;

/** Unescapes string literals: {@code \" \\ \n \t \r \0 \}{@code uXXXX}; anything else is reported. */
final class StringLiterals {
  private final SourceFile file;
  private final Diagnostics diagnostics;

  StringLiterals(SourceFile file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  String unescape(Token token) {
    String raw = token.getText();
    String body = raw.substring(1, raw.length() - 1);
    StringBuilder out = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      // The lexer guarantees a character after every backslash.
      char escape = body.charAt(++i);
      switch (escape) {
        case '"', '\\' -> out.append(escape);
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case 'u' -> i = unicode(token, body, i, out);
        default -> badEscape(token, i, "\\" + escape);
      }
    }
    return out.toString();
  }

  private int unicode(Token token, String body, int u, StringBuilder out) {
    int end = u + 5;
    if (end <= body.length() && body.substring(u + 1, end).matches("[0-9a-fA-F]{4}")) {
      out.append((char) Integer.parseInt(body.substring(u + 1, end), 16));
      return end - 1;
    }
    badEscape(token, u, "\\u");
    return u;
  }

  private void badEscape(Token token, int indexInBody, String escape) {
    // +1 for the opening quote, -1 to point at the backslash.
    Span span = new Span(file, token.getLine(), token.getCharPositionInLine() + indexInBody + 1, escape.length());
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_ESCAPE,
            span,
            "unknown escape '" + escape + "' in string",
            "known escapes are \\\" \\\\ \\n \\t \\r \\0 and \\uXXXX"));
  }
}
