package dev.sqlagen.parse;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into sqlagen diagnostics. ANTLR's own message is ignored: it names
 * grammar tokens; the words here come from {@link Tokens} and from the rule being parsed.
 */
final class SyntaxErrorListener extends BaseErrorListener {
  private final SourceFile file;
  private Diagnostic first;

  SyntaxErrorListener(SourceFile file) {
    this.file = file;
  }

  Optional<Diagnostic> first() {
    return Optional.ofNullable(first);
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String antlrMessage,
      RecognitionException e) {
    if (first != null || !(offendingSymbol instanceof Token token)) {
      return;
    }
    Parser parser = (Parser) recognizer;
    IntervalSet expected = e != null && e.getExpectedTokens() != null
        ? e.getExpectedTokens()
        : parser.getExpectedTokens();
    String wanted = Tokens.describeExpected(expected);
    if (expected.contains(SqdLexer.IDENT) && parser.getRuleInvocationStack().contains("typeRef")) {
      wanted = wanted.replace("a name", "a type");
    }
    String message = "unexpected " + Tokens.describe(token) + (wanted.isEmpty() ? "" : ", expected " + wanted);
    first = Diagnostic.of(Code.SYNTAX, Spans.of(file, token), message, hint(parser, token));
  }

  /** A hint that depends on what was being parsed: the innermost rule that has one wins. */
  private static String hint(Parser parser, Token token) {
    List<String> stack = parser.getRuleInvocationStack();
    for (String rule : stack) {
      String hint =
          switch (rule) {
            case "typeRef" -> "a type is a name with optional arguments, such as string(100), decimal(10, 2) or Post[]";
            case "attribute", "modelAttribute" -> "attribute arguments go in parentheses: @column(\"name\")";
            case "value" -> "a value is a number, a \"string\", a name such as true, or a call such as now()";
            case "fieldDecl" -> "a field is written 'name type', for example: title string(200)";
            case "modelDecl" -> token.getType() == Token.EOF
                ? "a model's fields end with '}'"
                : "a model is written 'model Name { field type ... }'";
            case "enumDecl" -> "an enum is written 'enum Name { member another }'";
            case "schema", "declaration" -> "a schema holds 'model Name { ... }' and 'enum Name { ... }' declarations";
            default -> null;
          };
      if (hint != null) {
        return hint;
      }
    }
    return null;
  }
}
