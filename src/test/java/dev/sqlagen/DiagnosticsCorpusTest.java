package dev.sqlagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.UnifiedDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every invalid schema under src/test/resources/schemas/invalid fails with exactly the
 * diagnostics in its {@code .err} file (message, location, source line, caret and hint) and
 * produces no output. {@code -Dsqlagen.updateGoldens=true} rewrites the {@code .err} files.
 */
class DiagnosticsCorpusTest {
  private static final boolean UPDATE = Boolean.getBoolean("sqlagen.updateGoldens");
  private static final GeneratorConfig CONFIG = GeneratorConfig.defaults("app");

  @TestFactory
  Stream<DynamicTest> everyInvalidSchemaGivesItsDiagnostics() {
    return Project.schemas("invalid").stream()
        .map(schema -> DynamicTest.dynamicTest(Project.baseName(schema), () -> check(schema)));
  }

  private static void check(Path schema) throws IOException {
    Generator.Result result = Generator.compile(new SourceFile(schema.getFileName().toString(), Project.read(schema)), CONFIG);
    assertThat(result.succeeded()).as("an invalid schema must not generate anything").isFalse();
    assertThat(result.output()).isEmpty();
    String printed = result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining());
    assertThat(printed).doesNotContain("mismatched input", "extraneous input", "no viable alternative", "IDENT", "<EOF>");
    Path expected = schema.resolveSibling(Project.baseName(schema) + ".err");
    if (UPDATE && !"true".equals(System.getenv("CI"))) {
      Files.writeString(expected, printed, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      fail("no " + expected.getFileName() + "; the diagnostics were:\n" + printed);
    }
    String want = Project.read(expected);
    if (!want.equals(printed)) {
      fail("diagnostics differ from " + expected.getFileName() + ":\n" + UnifiedDiff.diff(expected.getFileName().toString(), want, printed));
    }
  }

  @Test
  void everyCodeIsProducedByTheCorpus() throws IOException {
    Set<Code> produced = EnumSet.noneOf(Code.class);
    for (Path schema : Project.schemas("invalid")) {
      Generator.compile(new SourceFile(schema.getFileName().toString(), Project.read(schema)), CONFIG)
          .diagnostics().stream().map(Diagnostic::code).forEach(produced::add);
    }
    // The codes of schema evolution come from the evolution corpus, which EvolutionCorpusTest replays.
    for (Path dir : dev.sqlagen.migrate.EvolutionCorpusTest.cases()) {
      java.util.regex.Matcher codes = java.util.regex.Pattern.compile("(?:error|warning)\\[(SQ[DW]\\d{3})\\]")
          .matcher(Project.read(dir.resolve("expected.err")));
      while (codes.find()) {
        String id = codes.group(1);
        Stream.of(Code.values()).filter(c -> c.id().equals(id)).forEach(produced::add);
      }
    }
    assertThat(EnumSet.complementOf(EnumSet.copyOf(produced))).as("codes no invalid schema produces").isEmpty();
  }

  @Test
  void everyCodeIsDocumentedWithAnExample() {
    String errors = Project.read(Project.dir().resolve("docs/errors.md"));
    for (Code code : Code.values()) {
      assertThat(errors).as("docs/errors.md for %s", code).contains("## " + code.id() + " — ")
          .contains(code.severity().label() + "[" + code.id() + "]");
    }
  }

  @Test
  void codesAreDistinctAndWellFormed() {
    List<String> ids = Stream.of(Code.values()).map(Code::id).toList();
    assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    // SQD for errors, SQW for warnings.
    assertThat(Stream.of(Code.values()))
        .allMatch(code -> code.id().matches((code.severity() == Severity.ERROR ? "SQD" : "SQW") + "\\d{3}"));
  }
}
