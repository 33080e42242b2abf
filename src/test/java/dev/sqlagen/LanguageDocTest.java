package dev.sqlagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/language.md made true: every {@code sqd} block compiles, and every {@code python} block is
 * what sqlagen generates from the {@code sqd} block before it. The page says what its Python
 * leaves out: most blocks show only some of the classes (the imports, {@code Base} and the
 * helper once), and some show an excerpt of the first revision or of another generated module.
 * So a Python block is cut into its top-level pieces (where ruff's layout puts two blank lines),
 * and each piece must appear, as written and on whole lines, in one generated file; nothing else
 * is normalised. A new section is tested as soon as it is written.
 */
class LanguageDocTest {
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);

  /** A fenced block of the page: its language, its text and the line it starts on. */
  record Block(String language, String text, int line) {}

  static List<Block> blocks(String page) {
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = FENCE.matcher(page);
    while (matcher.find()) {
      int line = (int) page.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
      blocks.add(new Block(matcher.group(1), matcher.group(2), line));
    }
    return blocks;
  }

  @TestFactory
  Stream<DynamicTest> everyPythonBlockIsGeneratedFromTheSqdBlockBeforeIt() throws IOException {
    String page = Files.readString(Project.dir().resolve("docs/language.md"));
    List<Block> blocks = blocks(page);
    assertThat(blocks.stream().filter(b -> b.language().equals("python"))).as("python blocks in docs/language.md").isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    Block sqd = null;
    for (Block block : blocks) {
      if (block.language().equals("sqd")) {
        sqd = block;
        Block schema = block;
        tests.add(DynamicTest.dynamicTest("line " + block.line() + ": the sqd block compiles", () -> compile(schema)));
      } else if (block.language().equals("python")) {
        Block python = block;
        Block schema = sqd;
        tests.add(DynamicTest.dynamicTest("line " + block.line() + ": the python block is generated", () -> {
          assertThat(schema).as("a sqd block before the python block of line %d", python.line()).isNotNull();
          List<GeneratedFile> files = compile(schema);
          for (String piece : pieces(python.text())) {
            assertThat(files.stream().anyMatch(file -> containsLines(file.content(), piece)))
                .as("docs/language.md line %d: this part of the python block is in no file generated from the sqd block"
                    + " of line %d:%n%s%n%nclosest file (%s):%n%s", python.line(), schema.line(), piece,
                    closest(files, piece).path(), closest(files, piece).content())
                .isTrue();
          }
        }));
      }
    }
    return tests.stream();
  }

  private static List<GeneratedFile> compile(Block schema) {
    // The page's generated package is compiled from layout.sqd: its docstrings name that file.
    Generator.Result result = Generator.compile(new SourceFile("layout.sqd", schema.text()), GeneratorConfig.defaults("app"));
    List<Diagnostic> errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertThat(errors)
        .as("docs/language.md line %d: the sqd block does not compile:%n%s", schema.line(),
            errors.stream().map(DiagnosticPrinter::format).collect(Collectors.joining()))
        .isEmpty();
    return result.output().orElseThrow().files();
  }

  /** The block's top-level pieces: what two blank lines separate, as ruff lays out definitions. */
  static List<String> pieces(String python) {
    List<String> pieces = new ArrayList<>();
    for (String piece : python.split("\n\n\n")) {
      String trimmed = piece.strip();
      if (!trimmed.isEmpty()) {
        // Keep the first line's indentation: an excerpt of a function body is indented.
        pieces.add(piece.replaceAll("^\\n+", "").stripTrailing());
      }
    }
    return pieces;
  }

  /** Whether the piece's lines appear one after another, whole, in the text. */
  static boolean containsLines(String text, String piece) {
    String lines = "\n" + text;
    return lines.contains("\n" + piece + "\n") || lines.endsWith("\n" + piece);
  }

  private static GeneratedFile closest(List<GeneratedFile> files, String piece) {
    String first = piece.lines().findFirst().orElse("").strip();
    Optional<GeneratedFile> withFirstLine = files.stream().filter(f -> f.content().contains(first)).findFirst();
    return withFirstLine.orElseGet(() -> files.stream().filter(f -> f.path().equals("models.py")).findFirst().orElse(files.get(0)));
  }
}
