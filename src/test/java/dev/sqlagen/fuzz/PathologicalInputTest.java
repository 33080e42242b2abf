package dev.sqlagen.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.SourceFile;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deterministic worst cases, so that the fuzz tests' guarantees hold even where Jazzer is skipped:
 * each input is checked against {@link Invariants} (diagnostics or output, never an exception, a
 * stack overflow or a hang).
 */
class PathologicalInputTest {
  private static final String FIELD_PREFIX = "model A {\n  id int @pk\n  at datetime = ";

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("calls nested 100k deep", FIELD_PREFIX + "now(".repeat(100_000) + ")".repeat(100_000) + "\n}\n"),
        Arguments.of("calls opened 100k deep, never closed", FIELD_PREFIX + "sql(".repeat(100_000)),
        Arguments.of("attribute arguments nested 50k deep", "model A {\n  id int @pk(" + "f(".repeat(50_000) + "\n}\n"),
        Arguments.of("parentheses alone, 200k", "(".repeat(200_000)),
        Arguments.of("braces, 200k", "model A " + "{".repeat(100_000) + "}".repeat(100_000)),
        Arguments.of("brackets and question marks", "model A {\n  id int @pk\n  b A" + "[]?".repeat(50_000) + "\n}\n"),
        Arguments.of("a 50 kB line of fields", oneLine(3_000)),
        Arguments.of("a 200 kB line, one field name 30k times", "model A { id int @pk " + "x int ".repeat(30_000) + "}"),
        Arguments.of("1 MB name", "model " + "A".repeat(1 << 20) + " {\n  id int @pk\n  x\n}\n"),
        Arguments.of("100 kB name that compiles", "model " + "A".repeat(100_000) + " {\n  id int @pk\n}\n"),
        Arguments.of("1 MB string", FIELD_PREFIX.replace("datetime", "text") + "\"" + "x".repeat(1 << 20) + "\"\n}\n"),
        Arguments.of("1 MB unterminated string", "model A {\n  id int @pk\n  s text = \"" + "\\\\".repeat(1 << 19)),
        Arguments.of("1 MB of escapes", "model A {\n  id int @pk\n  s text = \"" + "\\q".repeat(1 << 18) + "\"\n}\n"),
        Arguments.of("1 MB comment", "// " + "/".repeat(1 << 20) + "\nmodel A {\n  id int @pk\n}\n"),
        Arguments.of("30k-digit integer default", "model A {\n  id int @pk\n  n bigint = " + "9".repeat(30_000) + "\n}\n"),
        Arguments.of("30k-digit decimal default", "model A {\n  id int @pk\n  n decimal(10, 2) = 1." + "5".repeat(30_000) + "\n}\n"),
        Arguments.of("huge type arguments", "model A {\n  id int @pk\n  s string(99999999999999999999)\n  d decimal(4294967296, -1)\n}\n"),
        Arguments.of("400 models", manyModels(400)),
        Arguments.of("300 models in a chain of relations", chainOfModels(300)),
        Arguments.of("a model with 1000 fields", manyFields(1000)),
        Arguments.of("an enum with 20k members", "enum E {" + " m".repeat(20_000) + " }\nmodel A {\n  id int @pk\n  e E = m\n}\n"),
        Arguments.of("NUL bytes", "model A {\0\n  id int @pk\0\n}\0"),
        Arguments.of("every control character", controlCharacters()),
        Arguments.of("lone surrogates", "model \uD800A {\n  id int @pk \uDC00\n}\n\uD83D"),
        Arguments.of("supplementary characters", "/// \uD83D\uDE00 doc\nmodel A {\n  id int @pk\n  s text = \"\uD83D\uDE00\" \uD83D\uDE00\n}\n"),
        Arguments.of("CR line ends", "model A {\r  id int @pk\r  n int = (\r}\r"),
        Arguments.of("mixed CR, LF and CRLF", "model A {\r\n  id int @pk\r  x\n int\r\n  y\r\r\r"),
        Arguments.of("100k empty lines", "\n".repeat(100_000) + "model"),
        Arguments.of("20k doc comments", "/// d\n".repeat(20_000) + "model A {\n  id int @pk\n}\n"),
        Arguments.of("only a byte-order mark", "\uFEFF"),
        Arguments.of("empty", ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void compiles(String name, String text) {
    Invariants.compile(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void parsesAndChecks(String name, String text) {
    Invariants.parseAndCheck(text);
  }

  @Test
  void deepNestingIsOneSyntaxErrorAtTheFirstParenthesisTooDeep() {
    String text = FIELD_PREFIX + "now(".repeat(100_000) + ")".repeat(100_000) + "\n}\n";
    List<Diagnostic> diagnostics = Generator.compile(new SourceFile("deep.sqd", text), GeneratorConfig.defaults("app")).diagnostics();
    assertThat(diagnostics).hasSize(1);
    Diagnostic only = diagnostics.get(0);
    assertThat(only.code()).isEqualTo(Code.SYNTAX);
    assertThat(only.message()).contains("nested too deeply");
    assertThat(only.span().line()).isEqualTo(3);
    // "  at datetime = " is 16 characters; each "now(" is 4, and the 101st '(' is too deep.
    assertThat(only.span().column()).isEqualTo(16 + 100 * 4 + 4);
  }

  @Test
  void nestingUpToTheLimitIsFine() {
    String text = "model A {\n  id int @pk\n  at datetime = " + "f(".repeat(100) + ")".repeat(100) + "\n}\n";
    List<Diagnostic> diagnostics = Generator.compile(new SourceFile("deep.sqd", text), GeneratorConfig.defaults("app")).diagnostics();
    assertThat(diagnostics).isNotEmpty().noneMatch(d -> d.message().contains("nested too deeply"));
  }

  private static String oneLine(int fields) {
    StringBuilder out = new StringBuilder("model A { id int @pk");
    for (int i = 0; i < fields; i++) {
      out.append(" f").append(i).append(" string(9)");
    }
    return out.append(" }").toString();
  }

  private static String manyModels(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append("/// Model ").append(i).append(".\nmodel M").append(i).append(" {\n  id int @pk\n  name string(50) @unique\n}\n");
    }
    return out.toString();
  }

  private static String chainOfModels(int count) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < count; i++) {
      out.append("model M").append(i).append(" {\n  id int @pk\n");
      if (i > 0) {
        out.append("  parent M").append(i - 1).append('\n');
      }
      if (i + 1 < count) {
        out.append("  children M").append(i + 1).append("[]\n");
      }
      out.append("}\n");
    }
    return out.toString();
  }

  private static String manyFields(int count) {
    StringBuilder out = new StringBuilder("model A {\n  id int @pk\n");
    for (int i = 0; i < count; i++) {
      out.append("  f").append(i).append(" string(").append(1 + i % 255).append(")? = \"v\"\n");
    }
    return out.append("}\n").toString();
  }

  private static String controlCharacters() {
    StringBuilder out = new StringBuilder("model A {\n  id int @pk\n");
    for (char c = 0; c < 0x20; c++) {
      out.append("  f").append((int) c).append(' ').append(c).append(" int\n");
    }
    return out.append("  g\u007f\u0085\u2028\u2029 int\n}\n").toString();
  }
}
