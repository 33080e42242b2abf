package dev.sqlagen.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.property.RandomSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import dev.sqlagen.testing.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever is done to a revision (a character deleted or inserted, a line deleted, repeated or
 * moved, the file cut short, a word changed), reading it never throws: it gives a state, or one
 * SQD070 whose span is inside the file. Seeded, so a failure replays.
 */
class MutatedRevisionsTest {
  private static final int MUTANTS_PER_REVISION = 150;
  private static final String[] INSERTS = {
      "(", ")", "\"", "'", "\\", ",", "=", " ", "\n", "x", "#", "[", "]", "\t", "é", "\u2028", "    ", "\"\"\"", "-", ".", ":"};
  private static final String[][] SWAPS = {
      {"False", "True"}, {"True", "False"}, {"sa.Integer()", "sa.Foo()"}, {"op.f(", "f("}, {"nullable=", "null="},
      {"\"", "'"}, {"_enum", "_enun"}, {"None", "\"x\""}, {"CASCADE", "NO ACTION"}, {"ix_", "iy_"}, {"[", "("}, {"id", "ID"}};

  @Test
  void noMutantMakesTheReaderThrow() {
    List<String> revisions = new ArrayList<>();
    for (Path schema : Project.validTestSchemas()) {
      revisions.add(Revisions.compile(new SourceFile(schema.getFileName().toString(), Project.read(schema)), "app").revision());
    }
    for (Path fixture : LegacyRevisionFixturesTest.fixtures()) {
      revisions.add(Project.read(fixture.resolve("rev_0001_initial.py")));
    }
    for (Path schema : Project.exampleSchemas()) {
      revisions.add(Revisions.compile(new SourceFile(schema.getFileName().toString(), Project.read(schema)), "app").revision());
    }
    for (long seed = 1; seed <= 10; seed++) {
      revisions.add(Revisions.compile(new SourceFile("random.sqd", RandomSchema.generate(seed).text()), "rs").revision());
    }
    Random rng = new Random(20261203);
    int read = 0;
    for (String revision : revisions) {
      for (int i = 0; i < MUTANTS_PER_REVISION; i++) {
        String mutant = mutate(revision, rng);
        SourceFile file = new SourceFile("mutant.py", mutant);
        InitialRevisionReader.Result result = InitialRevisionReader.read(file);
        if (result.succeeded()) {
          read++;
          continue;
        }
        assertThat(result.diagnostics()).hasSize(1);
        Diagnostic diagnostic = result.diagnostics().get(0);
        assertThat(diagnostic.code()).isEqualTo(Code.UNREADABLE_REVISION);
        Span span = diagnostic.span();
        String line = file.line(span.line());
        assertThat(span.line()).as("%s in%n%s", diagnostic, mutant).isBetween(1, file.lineCount());
        assertThat(span.column()).as("%s in%n%s", diagnostic, mutant).isBetween(1, line.codePointCount(0, line.length()) + 1);
      }
    }
    // Most mutants break something, but not all: a change in downgrade() or a comment does not.
    assertThat(read).isPositive().isLessThan(revisions.size() * MUTANTS_PER_REVISION);
  }

  private static String mutate(String text, Random rng) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = rng.nextInt(text.length());
    switch (rng.nextInt(7)) {
      case 0 -> {
        return text.substring(0, at) + text.substring(at + 1);
      }
      case 1 -> {
        return text.substring(0, at) + INSERTS[rng.nextInt(INSERTS.length)] + text.substring(at);
      }
      case 2 -> lines.remove(rng.nextInt(lines.size()));
      case 3 -> {
        int line = rng.nextInt(lines.size());
        lines.add(line, lines.get(line));
      }
      case 4 -> Collections.swap(lines, rng.nextInt(lines.size()), rng.nextInt(lines.size()));
      case 5 -> {
        return text.substring(0, at);
      }
      default -> {
        String[] swap = SWAPS[rng.nextInt(SWAPS.length)];
        int found = text.indexOf(swap[0], at);
        found = found < 0 ? text.indexOf(swap[0]) : found;
        return found < 0 ? text : text.substring(0, found) + swap[1] + text.substring(found + swap[0].length());
      }
    }
    return String.join("\n", lines);
  }
}
