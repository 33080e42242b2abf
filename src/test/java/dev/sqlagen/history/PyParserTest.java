package dev.sqlagen.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokenizer and parser of the Python subset revisions are written in. */
class PyParserTest {
  private static PyNode value(String source) {
    List<PyStatement> statements = PyParser.parse("x = " + source + "\n");
    assertThat(statements).hasSize(1);
    return ((PyStatement.Assign) statements.get(0)).value();
  }

  private static String string(String source) {
    return ((PyNode.Str) value(source)).value();
  }

  /** The offset and message of what the parser refuses in {@code text}. */
  private static Unreadable refused(String text) {
    Unreadable error = catchThrowableOfType(() -> PyParser.parse(text), Unreadable.class);
    assertThat(error).as("refused: %s", text).isNotNull();
    return error;
  }

  @Test
  void everyEscapePythonKnowsIsDecoded() {
    assertThat(string("\"a\\x41\\u00e9\\U0001F600\\101\\n\\t\\r\\\\\\\"\\'\"")).isEqualTo("aAé😀A\n\t\r\\\"'");
    assertThat(string("'\\a\\b\\f\\v\\0'")).isEqualTo("\u0007\b\f\u000b\0");
    assertThat(string("\"\\N{BULLET}\\N{greek small letter lamda}\"")).isEqualTo("•λ");
    // An unknown escape keeps its backslash, as in Python.
    assertThat(string("\"\\q\\d\"")).isEqualTo("\\q\\d");
    assertThat(string("\"\\ud83d\"")).isEqualTo("\ud83d");
  }

  @Test
  void adjacentStringsAreOneInParenthesesAndAcrossLines() {
    assertThat(string("(\n    \"one \"  # a comment\n    'two '\n    \"\"\"three\"\"\"\n)")).isEqualTo("one two three");
  }

  @Test
  void tripleQuotedStringsSpanLines() {
    List<PyStatement> statements = PyParser.parse("\"\"\"Doc \"quoted\"\n\nmore\\\"\"\"\"\n");
    assertThat(((PyNode.Str) ((PyStatement.Expr) statements.get(0)).value()).value()).isEqualTo("Doc \"quoted\"\n\nmore\"");
  }

  @Test
  void callsKeepPositionalAndKeywordArgumentsApart() {
    PyNode.Call call = (PyNode.Call) value("sa.Column(\"id\", sa.BigInteger().with_variant(sa.Integer(), \"sqlite\"), nullable=False,)");
    assertThat(call.callee().dotted()).contains("sa.Column");
    assertThat(call.args()).hasSize(2);
    assertThat(call.args().get(1).canonical()).isEqualTo("sa.BigInteger().with_variant(sa.Integer(), \"sqlite\")");
    assertThat(call.keywords()).extracting(PyNode.Keyword::name).containsExactly("nullable");
  }

  @Test
  void blocksFollowIndentation() {
    List<PyStatement> statements = PyParser.parse(String.join("\n",
        "def upgrade() -> None:",
        "    \"\"\"Upgrade schema.\"\"\"",
        "",
        "    # a comment at another indentation",
        "  # and another",
        "    if op.get_context().dialect.name != \"sqlite\":",
        "        op.execute(CreateSchema(\"geo\"))",
        "    pass",
        "",
        "",
        "def downgrade() -> None:",
        "    pass"));
    assertThat(statements).hasSize(2);
    PyStatement.Def upgrade = (PyStatement.Def) statements.get(0);
    assertThat(upgrade.body()).hasSize(3);
    PyStatement.If guard = (PyStatement.If) upgrade.body().get(1);
    assertThat(guard.test().canonical()).isEqualTo("op.get_context().dialect.name != \"sqlite\"");
    assertThat(guard.body()).hasSize(1);
  }

  @Test
  void annotatedAssignmentsTakeSubscriptsAndUnions() {
    PyStatement.Assign assign = (PyStatement.Assign) PyParser.parse("down_revision: Union[str, Sequence[str], None] = None\n").get(0);
    assertThat(assign.annotation().orElseThrow().canonical()).isEqualTo("Union[str, Sequence[str], None]");
    assertThat(PyParser.parse("x: str | Sequence[str] | None = None").get(0)).isInstanceOf(PyStatement.Assign.class);
  }

  @Test
  void theHelperOfPerDatabaseDefaultsTakesKeywordsAndReturns() {
    PyStatement.Def def = (PyStatement.Def) PyParser.parse(
        "def per_database(**sql: str) -> sa.TextClause:\n    return sa.text(sql.get(\"x\", \"NULL\"))\n").get(0);
    assertThat(def.keywords()).hasValueSatisfying(k -> assertThat(k.name() + ": " + k.annotation().canonical()).isEqualTo("sql: str"));
    assertThat(def.body()).singleElement().isInstanceOfSatisfying(PyStatement.Return.class,
        r -> assertThat(r.value().canonical()).isEqualTo("sa.text(sql.get(\"x\", \"NULL\"))"));
  }

  @Test
  void whatIsNotPartOfTheSubsetIsRefusedWhereItStarts() {
    assertThat(refused("x = \"open\n").start()).isEqualTo(4);
    assertThat(refused("x = r\"raw\"\n").getMessage()).contains("prefix 'r'");
    assertThat(refused("x = (1, 2)\n").getMessage()).contains("tuple");
    assertThat(refused("f(*args)\n").getMessage()).contains("unpacking");
    assertThat(refused("f(a=1, 2)\n").getMessage()).contains("positional argument after keyword");
    assertThat(refused("f(a=1, a=2)\n").getMessage()).contains("given twice");
    assertThat(refused("raise x\n").getMessage()).contains("'raise' statement");
    assertThat(refused("def f(a):\n    pass\n").getMessage()).contains("parameter");
    assertThat(refused("def f(**kw: str, a):\n    pass\n").getMessage()).contains("parameter");
    assertThat(refused("if x:\n    a\n  b\n").getMessage()).contains("indentation");
    assertThat(refused("x = 1\n    y = 2\n").getMessage()).contains("indented line");
    assertThat(refused("x = [1, 2)\n").getMessage()).contains("')'").contains("'['");
    assertThat(refused("x = \"\\x4\"\n").getMessage()).contains("\\x takes 2");
    assertThat(refused("x = \"\\N{NO SUCH NAME}\"\n").getMessage()).contains("NO SUCH NAME");
    assertThat(refused("x = 1 \u00a0\n").getMessage()).contains("U+00A0");
    Unreadable open = refused("f(\n  a,\n");
    assertThat(open.start()).isEqualTo("f(\n  a,\n".length());
    assertThat(open.getMessage()).contains("'(' opened on line 1");
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    assertThat(refused("x = " + "(".repeat(10_000) + "1" + ")".repeat(10_000)).getMessage()).contains("nested");
    assertThat(refused("x = " + "[".repeat(10_000)).getMessage()).contains("nested");
    StringBuilder blocks = new StringBuilder();
    for (int depth = 0; depth < 1_000; depth++) {
      blocks.append(" ".repeat(depth)).append("if x:\n");
    }
    assertThat(refused(blocks.toString()).getMessage()).contains("indented more than");
    // Chains are parsed by loops, and refused when deeper than any revision nests.
    assertThat(refused("x = " + "-".repeat(100_000) + "1").getMessage()).contains("nested more than");
    assertThat(refused("x = a" + ".b".repeat(100_000)).getMessage()).contains("nested more than");
    assertThat(refused("x = f" + "()".repeat(100_000)).getMessage()).contains("nested more than");
    assertThat(refused("x = a" + " | a".repeat(100_000)).getMessage()).contains("nested more than");
    assertThat(value("-".repeat(50) + "1")).isInstanceOf(PyNode.Negative.class);
  }
}
