package dev.sqlagen.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must hold for every input, however malformed: the fuzz tests and {@link PathologicalInputTest}
 * share it. Compiling never throws, never overflows the stack and ends within {@link #TIME_LIMIT};
 * a failure is diagnostics with a code and a span inside the file; a success is a deterministic tree.
 */
final class Invariants {
  /** Per input, generous: the slowest pathological input in PathologicalInputTest takes well under a second. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  private Invariants() {}

  /**
   * The text of fuzzer bytes. Usually UTF-8 (malformed sequences become U+FFFD, as a reader that
   * replaced them would give); after a UTF-16BE byte-order mark (FE FF), the rest is raw UTF-16
   * code units, so that lone surrogates and any other char reach the compiler too.
   */
  static String text(byte[] data) {
    if (data.length >= 2 && (data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff) {
      char[] chars = new char[(data.length - 2) / 2];
      for (int i = 0; i < chars.length; i++) {
        chars[i] = (char) (((data[2 + 2 * i] & 0xff) << 8) | (data[3 + 2 * i] & 0xff));
      }
      return new String(chars);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(data))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError(e);
    }
  }

  /** Generator.compile, twice: see the class comment. */
  static void compile(String text) {
    SourceFile file = new SourceFile("fuzz.sqd", text);
    Generator.Result first = timed(() -> Generator.compile(file, GeneratorConfig.defaults("app")));
    diagnostics(file, first.diagnostics());
    if (first.succeeded()) {
      assertThat(first.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
      assertThat(first.output().orElseThrow().files()).isNotEmpty();
      Generator.Result second = timed(() -> Generator.compile(new SourceFile("fuzz.sqd", text), GeneratorConfig.defaults("app")));
      assertThat(second.output()).isEqualTo(first.output());
      // Spans hold their SourceFile, which compares by identity: compare what a person reads.
      assertThat(printed(second.diagnostics())).isEqualTo(printed(first.diagnostics()));
    } else {
      assertThat(first.diagnostics()).anyMatch(d -> d.severity() == Severity.ERROR);
    }
  }

  /** The parse and check stages called directly, as Generator does, with their own contracts. */
  static void parseAndCheck(String text) {
    SourceFile file = new SourceFile("fuzz.sqd", text);
    timed(() -> {
      Diagnostics diagnostics = new Diagnostics();
      Optional<Schema> schema = SchemaParser.parse(file, diagnostics);
      if (schema.isEmpty()) {
        assertThat(diagnostics.hasErrors()).as("a failed parse reports why").isTrue();
      } else if (!diagnostics.hasErrors()) {
        Optional<ResolvedSchema> resolved = SchemaChecker.check(schema.get(), diagnostics);
        assertThat(resolved.isPresent()).as("resolved exactly when there is no error").isEqualTo(!diagnostics.hasErrors());
      }
      diagnostics(file, diagnostics.sorted());
      return null;
    });
  }

  /**
   * Every diagnostic has a code, a message and a span on a line of the file, and prints. Plain
   * checks, not AssertJ's: an input can give hundreds of thousands of diagnostics.
   */
  static void diagnostics(SourceFile file, List<Diagnostic> diagnostics) {
    Map<Integer, Integer> lineLengths = new HashMap<>();
    int printed = 0;
    for (Diagnostic d : diagnostics) {
      Span span = d.span();
      int line = span.line();
      if (d.code() == null || d.message().isBlank() || span.file() != file || line < 1 || line > file.lineCount()) {
        fail("bad diagnostic " + d);
      }
      int length = lineLengths.computeIfAbsent(line, l -> file.line(l).length());
      if (span.column() < 1 || span.column() > length + 1) {
        fail("column outside line " + line + " (" + length + " characters): " + d);
      }
      // Each print copies the whole source line: 175k diagnostics on one 1 MB line would take
      // minutes here, while a person reads the first few.
      if (printed++ < 20 && DiagnosticPrinter.format(d).isEmpty()) {
        fail("prints as nothing: " + d);
      }
    }
  }

  private static List<String> printed(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(d -> d.headline() + d.help().map(h -> " / " + h).orElse("")).toList();
  }

  private static <T> T timed(java.util.function.Supplier<T> work) {
    // In a fresh thread, which has the JVM's default (smaller than main's) stack: a hang fails the
    // test instead of stalling the build.
    return assertTimeoutPreemptively(TIME_LIMIT, work::get);
  }
}
