package dev.sqlagen.diag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The printed forms of a diagnostic: safe source lines, aligned carets, colour, JSON. */
class DiagnosticPrinterTest {
  private static Diagnostic at(String text, int line, int column, int length) {
    return Diagnostic.of(Code.SYNTAX, new Span(new SourceFile("s.sqd", text), line, column, length), "m", "h");
  }

  @Test
  void controlCharactersAreShownVisiblyAndTheCaretStaysAligned() {
    String printed = DiagnosticPrinter.format(at("a\u0007\u001b\u202e\u00a0\tb x", 1, 8, 1));
    assertThat(printed).contains("1 | a\u2407\u241b\ufffd\u2423 b x\n").contains("  |        ^\n");
    assertThat(printed.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
  }

  @Test
  void aCharacterOutsideTheBasicPlaneCountsAsOneColumn() {
    String printed = DiagnosticPrinter.format(at("\uD83D\uDE42 x", 1, 3, 1));
    assertThat(printed).contains("  |   ^\n");
  }

  @Test
  void colourWrapsLabelCaretAndGutterOnly() {
    Diagnostic diagnostic = at("model X", 1, 7, 1);
    String coloured = DiagnosticPrinter.format(diagnostic, true);
    assertThat(coloured).contains("\u001b[31merror[SQD001]\u001b[0m").contains("\u001b[31m\u001b[1m^\u001b[0m");
    assertThat(coloured.replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(DiagnosticPrinter.format(diagnostic));
    assertThat(DiagnosticPrinter.format(diagnostic)).doesNotContain("\u001b");
  }

  @Test
  void jsonEscapesQuotesBackslashesAndControls() {
    assertThat(DiagnosticPrinter.jsonString("a\"b\\c\nd\u0007e\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0007e\\u2028\"");
    Diagnostic warning = Diagnostic.of(Code.UNUSED_ENUM, new Span(new SourceFile("s.sqd", "enum E { a }"), 1, 6, 1), "m");
    assertThat(DiagnosticPrinter.json(warning))
        .isEqualTo("{\"file\":\"s.sqd\",\"line\":1,\"column\":6,\"length\":1,\"severity\":\"warning\",\"code\":\"SQW001\",\"message\":\"m\",\"help\":null}");
  }

  @Test
  void suggestionsPreferCaseThenDistanceThenAUniquePrefix() {
    assertThat(Suggestions.nearest("user", List.of("User", "Users"))).contains("User");
    assertThat(Suggestions.nearest("uniq", List.of("pk", "unique", "index"))).contains("unique");
    assertThat(Suggestions.nearest("in", List.of("index", "inverse"))).isEmpty();
    assertThat(Suggestions.nearest("inv", List.of("index", "inverse"))).contains("inverse");
    assertThat(Suggestions.nearest("zzzz", List.of("index", "inverse"))).isEmpty();
  }
}
