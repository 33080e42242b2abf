package dev.sqlagen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Shapes the formatter produces; the Python proof checks the real output with ruff format. */
class PyLayoutTest {
  @Test
  void aShortCallStaysOnOneLine() {
    PyExpr call = PyExpr.call("mapped_column", List.of(PyExpr.atom("primary_key=True")));
    assertThat(PyLayout.statement("    ", "id: Mapped[int] = ", call))
        .containsExactly("    id: Mapped[int] = mapped_column(primary_key=True)");
  }

  @Test
  void aLongCallPutsItsArgumentsOnOneIndentedLine() {
    PyExpr call = PyExpr.call(
        "mapped_column",
        List.of(PyExpr.call("String", List.of(PyExpr.atom("255"))), PyExpr.keyword("unique", PyExpr.atom("True")),
            PyExpr.keyword("comment", PyExpr.str("Login e-mail."))));
    assertThat(PyLayout.statement("    ", "email_address: Mapped[str] = ", call))
        .containsExactly(
            "    email_address: Mapped[str] = mapped_column(",
            "        String(255), unique=True, comment=\"Login e-mail.\"",
            "    )");
  }

  @Test
  void aDisplayOfSeveralItemsIsOneItemPerLine() {
    PyExpr list = PyExpr.list(List.of(PyExpr.str("AlphaAlphaAlpha"), PyExpr.str("BetaBetaBeta"), PyExpr.str("GammaGammaGamma"), PyExpr.str("DeltaDelta"),
        PyExpr.str("EpsilonEpsilon"), PyExpr.str("ZetaZeta"), PyExpr.str("EtaEta"), PyExpr.str("Theta")));
    assertThat(PyLayout.statement("", "__all__ = ", list)).first().isEqualTo("__all__ = [");
    assertThat(PyLayout.statement("", "__all__ = ", list)).contains("    \"AlphaAlphaAlpha\",", "    \"Theta\",").last().isEqualTo("]");
  }

  @Test
  void aTooLongStringBecomesAParenthesizedConcatenation() {
    String text = "word ".repeat(40).strip();
    List<String> lines = PyLayout.statement("        ", "", PyExpr.keyword("comment", PyExpr.str(text)));
    assertThat(lines.get(0)).isEqualTo("        comment=(");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("        )");
    assertThat(lines).allMatch(line -> line.length() <= PyLayout.LINE_LENGTH);
    String joined = String.join("", lines.subList(1, lines.size() - 1).stream().map(l -> l.strip().replaceAll("^\"|\"$", "")).toList());
    assertThat(joined).isEqualTo(text);
  }

  @Test
  void stringLiteralsChooseTheQuoteThatNeedsFewerEscapes() {
    assertThat(PyLiterals.string("plain")).isEqualTo("\"plain\"");
    assertThat(PyLiterals.string("say \"hi\"")).isEqualTo("'say \"hi\"'");
    assertThat(PyLiterals.string("it's")).isEqualTo("\"it's\"");
    assertThat(PyLiterals.string("a\\b\nc\u0000d\u2028")).isEqualTo("\"a\\\\b\\nc\\x00d\\u2028\"");
  }

  @Test
  void numbersAreValidPython() {
    assertThat(PyLiterals.integer("007")).isEqualTo("7");
    assertThat(PyLiterals.floating("1")).isEqualTo("1.0");
    assertThat(PyLiterals.floating("-2.50")).isEqualTo("-2.50");
    assertThat(PyLiterals.decimal("0.00")).isEqualTo("0.00");
  }

  @Test
  void importsAreSortedByTypeThenCaseInsensitively() {
    assertThat(IsortOrder.sorted(List.of("func", "String", "JSON", "text", "BigInteger", "orm")))
        .containsExactly("JSON", "BigInteger", "String", "func", "orm", "text");
  }

  @Test
  void docstringsThatDoNotFitAreWrappedWithClosingQuotesAlone() {
    List<String> lines = Docstrings.lines("    ", "word ".repeat(30).strip());
    assertThat(lines.get(0)).startsWith("    \"\"\"word");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("    \"\"\"");
    assertThat(lines).allMatch(line -> line.length() <= PyLayout.LINE_LENGTH);
    assertThat(Docstrings.lines("", "ends with a quote\"")).containsExactly("\"\"\"ends with a quote\\\"\"\"\"");
  }

  @Test
  void everyLineOfALongStringInANestedDisplayFits() {
    String comment = "A member borrowing a copy: an association object with its own columns.";
    PyExpr args = PyExpr.tuple(List.of(PyExpr.dict(List.of(PyExpr.entry("comment", PyExpr.str(comment))))));
    assertThat(PyLayout.statement("    ", "__table_args__ = ", args)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(88));
    PyExpr call = PyExpr.call("op.create_table", List.of(PyExpr.str("loans"), PyExpr.keyword("comment", PyExpr.str(comment))));
    assertThat(PyLayout.statement("    ", "", call)).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(88));
  }
}
