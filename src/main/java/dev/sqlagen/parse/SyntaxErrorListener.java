package dev.sqlagen.parse;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.source.SourceFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
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
    if (expected.contains(SqdLexer.IDENT) && !expected.contains(SqdLexer.INT)
        && parser.getRuleInvocationStack().contains("typeRef")) {
      wanted = wanted.replace("a name", "a type");
    }
    if (inEnumBody(parser.getRuleInvocationStack())) {
      wanted = wanted.replace("a model attribute ('@@')", "an enum attribute ('@@')");
    } else if (!expected.contains(SqdLexer.RBRACE) && expected.contains(SqdLexer.MODEL) && !expected.contains(SqdLexer.RPAREN)) {
      wanted = wanted.replace("a model attribute ('@@')", "a schema attribute ('@@')");
    }
    String message = "unexpected " + Tokens.describe(token) + (wanted.isEmpty() ? "" : ", expected " + wanted);
    String hint = contextHint(parser, token, expected);
    first = Diagnostic.of(Code.SYNTAX, Spans.of(file, token), message, hint != null ? hint : hint(parser, token));
  }

  /**
   * A hint for the common mistakes, read from the offending token and the ones around it: a
   * misspelt keyword, a comma between fields, a number where a name belongs, a missing brace.
   */
  private static String contextHint(Parser parser, Token token, IntervalSet expected) {
    TokenStream stream = parser.getInputStream();
    Token previous = neighbour(stream, token, -1);
    Token beforePrevious = previous == null ? null : neighbour(stream, previous, -1);
    Token next = neighbour(stream, token, 1);
    List<String> stack = parser.getRuleInvocationStack();
    String rule = stack.isEmpty() ? "" : stack.get(0);
    int type = token.getType();
    boolean inMixin = stack.contains("mixinDecl");
    // A mixin's body is a model's body: the hints about fields apply to both.
    boolean inModel = stack.contains("modelDecl") || inMixin;
    boolean inEnum = stack.contains("enumDecl");
    boolean topLevel = !inModel && !inEnum && expected.contains(SqdLexer.MODEL);
    boolean afterAttributeName = previous != null && previous.getType() == SqdLexer.IDENT && beforePrevious != null
        && (beforePrevious.getType() == SqdLexer.AT || beforePrevious.getType() == SqdLexer.ATAT);
    if (previous != null && previous.getType() == SqdLexer.AT && !expected.contains(SqdLexer.RPAREN)) {
      return "write the attribute's name right after '@', such as " + (inEnum ? "@was(old_name)" : "@unique");
    }
    if (previous != null && previous.getType() == SqdLexer.ATAT && !expected.contains(SqdLexer.RPAREN)) {
      return inEnum
          ? "write the enum attribute's name right after '@@', such as @@was(OldName)"
          : "write the model attribute's name right after '@@', such as @@table(\"people\")";
    }
    if (topLevel) {
      if (type == SqdLexer.IDENT) {
        String text = token.getText();
        Optional<String> keyword = Suggestions.nearest(text.toLowerCase(Locale.ROOT), List.of("model", "enum", "mixin"));
        if (keyword.isPresent()) {
          return "did you mean '" + keyword.get() + "'?";
        }
        if (List.of("table", "entity", "class", "struct", "type", "record").contains(text.toLowerCase(Locale.ROOT))) {
          return "a table is declared as a model: model " + (next != null && next.getType() == SqdLexer.IDENT ? next.getText() : "Name") + " { ... }";
        }
        if (List.of("datasource", "generator").contains(text)) {
          return "sqlagen needs no " + text + " block: the database is chosen with --dialect and DATABASE_URL";
        }
        if (next != null && next.getType() == SqdLexer.LBRACE) {
          return "add 'model' (or 'enum') before the name: model " + text + " { ... }";
        }
      }
      if (type == SqdLexer.RBRACE) {
        return "this '}' closes nothing: remove it, or look for a '{' that is missing above";
      }
      if (type == SqdLexer.AT || type == SqdLexer.ATAT) {
        return "attributes go inside a model: '@unique' after a field's type, '@@table(\"name\")' on a line of its own";
      }
    }
    String bases = basesHint(stack, token, previous, beforePrevious, next, expected, inMixin);
    if (bases != null) {
      return bases;
    }
    if (type == SqdLexer.COLON && stack.contains("fieldDecl") && previous != null) {
      return "a field is written 'name type', without ':', such as: " + previous.getText() + " string(100)";
    }
    if (type == SqdLexer.MINUS && next != null && next.getType() == SqdLexer.MINUS) {
      return "comments start with '//'";
    }
    if ((type == SqdLexer.INT || type == SqdLexer.DECIMAL) && expected.contains(SqdLexer.IDENT)
        && !expected.contains(SqdLexer.INT)) {
      return "a name starts with a letter or '_', such as first_name";
    }
    if (type == SqdLexer.LBRACE && (inModel || inEnum) && previous != null && previous.getType() == SqdLexer.IDENT
        && beforePrevious != null && isDeclarationKeyword(beforePrevious)) {
      return "declarations cannot be nested: is the '}' of the " + (inEnum ? "enum" : inMixin ? "mixin" : "model") + " above missing?";
    }
    if (inEnum && !inModel) {
      if (type == SqdLexer.COMMA) {
        return "enum members are separated by spaces or new lines, not commas";
      }
      if (type == SqdLexer.ASSIGN) {
        return "enum members are names only; the database stores each member's name";
      }
      if (type == SqdLexer.STRING && !afterAttributeName) {
        return "enum members are names, without quotes: enum Status { active inactive }";
      }
    }
    if (inModel && type == SqdLexer.COMMA && expected.contains(SqdLexer.RBRACE)) {
      return "fields are not separated by commas: remove the ','";
    }
    boolean inType = stack.contains("typeRef");
    if (inType && expected.contains(SqdLexer.IDENT) && !expected.contains(SqdLexer.INT) && type != SqdLexer.STRING
        && previous != null && previous.getType() != SqdLexer.RBRACE && stack.contains("fieldDecl")) {
      return "the field '" + previous.getText() + "' needs a type, such as: " + previous.getText() + " string(100)";
    }
    if (inType && expected.contains(SqdLexer.INT) && (type == SqdLexer.DECIMAL || type == SqdLexer.MINUS)) {
      return "a length, precision or scale is a whole number, such as string(50) or decimal(10, 2)";
    }
    if (type == SqdLexer.STRING && inType) {
      return expected.contains(SqdLexer.INT)
          ? "a type's arguments are numbers or names, without quotes, such as string(50)"
          : "a type is a name, without quotes, such as text or string(100)";
    }
    if (type == SqdLexer.LBRACK && (stack.contains("attribute") || stack.contains("modelAttribute") || stack.contains("value"))) {
      return "a value is a number, a \"string\", a name or a call such as now(); lists are not supported";
    }
    if (inEnum && !inModel && type == SqdLexer.AT) {
      // Not after a member (there '@' starts the member's attribute): it has no member to apply to.
      return "a member's attributes follow its name, such as: in_review @was(inReview); "
          + "the enum's own start with '@@', such as @@was(OldName)";
    }
    boolean onlyBrace = expected.size() == 1 || (expected.size() == 2 && expected.contains(SqdLexer.COLON));
    if (type != Token.EOF && onlyBrace && expected.contains(SqdLexer.LBRACE) && previous != null
        && beforePrevious != null && isDeclarationKeyword(beforePrevious)) {
      return "add '{' after the name: " + beforePrevious.getText() + " " + previous.getText() + " { ... }";
    }
    if (type == SqdLexer.STRING && afterAttributeName) {
      return "attribute arguments go in parentheses: @" + (beforePrevious.getType() == SqdLexer.ATAT ? "@" : "") + previous.getText() + "(" + token.getText() + ")";
    }
    if (type == SqdLexer.LBRACK && previous != null && previous.getType() == SqdLexer.QUESTION) {
      return "a collection is written Post[], without '?': it is empty when there are no items";
    }
    if (previous != null && previous.getType() == SqdLexer.LBRACK && expected.contains(SqdLexer.RBRACK)) {
      return "a collection is written Post[], with nothing between the brackets; a length goes in parentheses: string(50)";
    }
    if (type == SqdLexer.RPAREN && previous != null && (previous.getType() == SqdLexer.LPAREN || previous.getType() == SqdLexer.COMMA)
        && inType) {
      return previous.getType() == SqdLexer.COMMA
          ? "remove the trailing ','"
          : "give the arguments, such as string(100), or remove the '()'";
    }
    if (expected.contains(SqdLexer.RPAREN) && !expected.contains(SqdLexer.IDENT)
        && previous != null && previous.getLine() < token.getLine()) {
      return "close the parentheses on line " + previous.getLine() + " with ')'";
    }
    if (expected.contains(SqdLexer.RPAREN) && type == SqdLexer.RBRACE) {
      return "close the parentheses with ')'";
    }
    if (token.getType() == Token.EOF && inModel && !expected.contains(SqdLexer.RBRACE)) {
      return "a model is written 'model Name { field type ... }'";
    }
    return null;
  }

  /** Inside an enum's braces, where '@@' starts an enum attribute rather than a model's. */
  private static boolean inEnumBody(List<String> stack) {
    return stack.contains("enumDecl");
  }

  private static boolean isDeclarationKeyword(Token token) {
    int type = token.getType();
    return type == SqdLexer.MODEL || type == SqdLexer.ENUM || type == SqdLexer.MIXIN;
  }

  /**
   * Hints for the list after {@code model Name :}, and for a mixin written with one (a mixin
   * extends nothing: the model lists every mixin it uses).
   */
  private static String basesHint(
      List<String> stack, Token token, Token previous, Token beforePrevious, Token next, IntervalSet expected, boolean inMixin) {
    int type = token.getType();
    if (inMixin && type == SqdLexer.COLON) {
      return "a mixin cannot extend a model or another mixin; list every mixin on the model instead: model Name : "
          + (previous != null ? previous.getText() : "Mixin") + ", Other { ... }";
    }
    if (!stack.contains("modelDecl") || stack.contains("member")) {
      return null;
    }
    boolean afterColon = previous != null && previous.getType() == SqdLexer.COLON;
    boolean afterComma = previous != null && previous.getType() == SqdLexer.COMMA;
    if ((afterColon || afterComma) && expected.contains(SqdLexer.IDENT)) {
      String model = beforePrevious != null && afterColon ? beforePrevious.getText() : "Name";
      return afterColon
          ? "after ':' name the model to extend and the mixins to use, such as: model " + model + " : Employee { ... }; or remove the ':'"
          : "name another model or mixin after ',', or remove the trailing ','";
    }
    if (type == SqdLexer.IDENT && expected.contains(SqdLexer.COMMA) && expected.contains(SqdLexer.LBRACE) && previous != null) {
      return "separate the names after ':' with ',': " + previous.getText() + ", " + token.getText();
    }
    if (type == SqdLexer.IDENT && expected.contains(SqdLexer.COLON) && previous != null && beforePrevious != null
        && beforePrevious.getType() == SqdLexer.MODEL && next != null && next.getType() == SqdLexer.LBRACE) {
      return "a model extends a model or uses mixins after ':': model " + previous.getText() + " : " + token.getText() + " { ... }";
    }
    return null;
  }

  /** The nearest token on the default channel before ({@code step} -1) or after (+1) the given one. */
  private static Token neighbour(TokenStream stream, Token token, int step) {
    int index = token.getTokenIndex() + step;
    while (index >= 0 && index < stream.size()) {
      Token candidate = stream.get(index);
      if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
        return candidate;
      }
      index += step;
    }
    return null;
  }

  /** A hint that depends on what was being parsed: the innermost rule that has one wins. */
  private static String hint(Parser parser, Token token) {
    List<String> stack = parser.getRuleInvocationStack();
    for (String rule : stack) {
      String hint =
          switch (rule) {
            case "typeRef" -> "a type is a name with optional arguments, such as string(100), decimal(10, 2) or Post[]";
            case "attribute", "modelAttribute" -> inEnumBody(stack)
                ? "attribute arguments go in parentheses: @was(old_name)"
                : "attribute arguments go in parentheses: @column(\"name\")";
            case "value" -> "a value is a number, a \"string\", a name such as true, or a call such as now()";
            case "fieldDecl" -> "a field is written 'name type', for example: title string(200)";
            case "mixinDecl" -> token.getType() == Token.EOF
                ? "a mixin's fields end with '}'"
                : "a mixin is written 'mixin Name { field type ... }'";
            case "modelDecl" -> token.getType() == Token.EOF
                ? "a model's fields end with '}'"
                : "a model is written 'model Name { field type ... }'";
            case "enumDecl" -> "an enum is written 'enum Name { member another }'";
            case "schema", "declaration" -> "a schema holds 'model Name { ... }', 'enum Name { ... }' and 'mixin Name { ... }' declarations";
            default -> null;
          };
      if (hint != null) {
        return hint;
      }
    }
    return null;
  }
}
