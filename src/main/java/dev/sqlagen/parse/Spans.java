package dev.sqlagen.parse;

import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** The one place that turns ANTLR's positions (0-based columns) into 1-based spans. */
final class Spans {
  private Spans() {}

  static Span of(SourceFile file, Token token) {
    String text = token.getType() == Token.EOF ? "" : token.getText();
    int newline = text.indexOf('\n');
    int length = newline < 0 ? text.length() : newline;
    return of(file, token, Math.max(1, length));
  }

  static Span of(SourceFile file, Token token, int length) {
    int line = Math.max(1, token.getLine());
    return new Span(file, line, token.getCharPositionInLine() + 1, length);
  }

  /** From the rule's first token to its last, cut at the end of the first line. */
  static Span of(SourceFile file, ParserRuleContext context) {
    Token start = context.getStart();
    Token stop = context.getStop();
    if (stop == null || stop.getLine() != start.getLine() || stop.getStopIndex() < start.getStartIndex()) {
      return of(file, start);
    }
    return of(file, start, stop.getStopIndex() - start.getStartIndex() + 1);
  }
}
