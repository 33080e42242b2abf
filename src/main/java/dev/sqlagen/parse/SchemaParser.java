package dev.sqlagen.parse;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Schema;
import dev.sqlagen.source.SourceFile;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Turns schema text into a {@link Schema}, or into diagnostics. The only entry point of the parse
 * stage: ANTLR's types stay inside this package.
 */
public final class SchemaParser {
  /**
   * How deep parentheses may nest. Only a value's calls nest ({@code sql(now())}), and ANTLR's
   * parser descends one Java frame chain per level: without a limit, a few thousand levels would
   * overflow the stack instead of being reported.
   */
  static final int MAX_NESTING = 100;

  private SchemaParser() {}

  /**
   * Parses one file.
   *
   * @return the schema, or empty when the text has lexical or syntax errors (all reported)
   */
  public static Optional<Schema> parse(SourceFile file, Diagnostics diagnostics) {
    SqdLexer lexer = new SqdLexer(CharStreams.fromString(file.text(), file.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (reportBadTokens(file, tokens, diagnostics)) {
      return Optional.empty();
    }
    // Built into diagnostics of its own, kept only if the whole file parses: a syntax error
    // further down reports that error alone, as it did when the tree was built after the parse.
    Diagnostics built = new Diagnostics();
    TreeBuilder builder = new TreeBuilder(file, tokens, built);
    if (!parseDeclarations(file, tokens, builder, diagnostics)) {
      return Optional.empty();
    }
    diagnostics.reportAll(built.sorted());
    return Optional.of(builder.schema());
  }

  /**
   * Parses the file one declaration at a time, each turned into the model at once, so that only
   * one declaration's parse tree is alive at a time instead of the whole file's: for 10,000
   * models that tree was some 150 MB that the garbage collector copied over and over.
   *
   * <p>SLL prediction first, which is fast and right for almost all input; on a syntax error the
   * whole file is parsed again with full LL, as {@code schema}, to report the first error.
   *
   * @return false when there is a syntax error (reported)
   */
  private static boolean parseDeclarations(
      SourceFile file, CommonTokenStream tokens, TreeBuilder builder, Diagnostics diagnostics) {
    SqdParser parser = new SqdParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      // The grammar's schema rule, "declaration* EOF", one declaration per call.
      while (tokens.LA(1) != Token.EOF) {
        builder.declaration(parser.declaration());
      }
      return true;
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      // ANTLR's default recovery finds the first error with the fullest expected set; the
      // listener keeps only that one, since what follows is usually a cascade of it.
      parser.setErrorHandler(new DefaultErrorStrategy());
      SyntaxErrorListener listener = new SyntaxErrorListener(file);
      parser.addErrorListener(listener);
      parser.schema();
      listener.first().ifPresent(diagnostics::report);
      if (listener.first().isEmpty()) {
        throw new IllegalStateException("SLL parse failed but LL found no error", sllFailed);
      }
      return false;
    }
  }

  /**
   * Reports every malformed token (an unclosed string, a character no token starts with) or,
   * when there is none, the first '(' past {@link #MAX_NESTING} open ones, before ANTLR's
   * parser would recurse into it. The parser never sees such a file: after a bad token it would
   * report a cascade of errors, and one is enough. One pass over the tokens, since it runs once
   * per file and so mostly in the interpreter.
   *
   * @return whether anything was reported
   */
  private static boolean reportBadTokens(SourceFile file, CommonTokenStream tokens, Diagnostics diagnostics) {
    boolean lexicalError = false;
    Token tooDeep = null;
    int depth = 0;
    for (Token token : tokens.getTokens()) {
      switch (token.getType()) {
        case SqdLexer.LPAREN -> {
          if (++depth > MAX_NESTING && tooDeep == null) {
            tooDeep = token;
          }
        }
        case SqdLexer.RPAREN -> depth = Math.max(0, depth - 1);
        case SqdLexer.UNTERMINATED_STRING -> {
          diagnostics.report(
              Diagnostic.of(
                  Code.UNTERMINATED_STRING,
                  Spans.of(file, token, 1),
                  "string is not closed",
                  "add the closing '\"' before the end of the line"));
          lexicalError = true;
        }
        case SqdLexer.BAD_CHAR -> {
          diagnostics.report(
              Diagnostic.of(
                  Code.BAD_CHARACTER,
                  Spans.of(file, token),
                  "unexpected character " + Tokens.describeChar(token.getText()),
                  "names use letters, digits and '_'; comments start with '//'"));
          lexicalError = true;
        }
        default -> {
          // Every other token is well formed.
        }
      }
    }
    if (lexicalError) {
      return true;
    }
    if (tooDeep != null) {
      diagnostics.report(
          Diagnostic.of(
              Code.SYNTAX,
              Spans.of(file, tooDeep),
              "'(' nested too deeply (more than " + MAX_NESTING + " levels)",
              "a value's calls nest, as in sql(now()); write fewer levels"));
      return true;
    }
    return false;
  }
}
