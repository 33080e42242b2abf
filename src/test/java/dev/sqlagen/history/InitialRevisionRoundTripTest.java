package dev.sqlagen.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.property.RandomSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Project;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The first revision the current code writes reads back to the state its schema describes
 * ({@link dev.sqlagen.state.StateBuilder}), for every example, every valid test schema and
 * {@value #RANDOM_SCHEMAS} random schemas. Replay one seed with {@code -Dsqlagen.seed=N}.
 */
class InitialRevisionRoundTripTest {
  static final int RANDOM_SCHEMAS = 300;

  @TestFactory
  Stream<DynamicTest> everyExampleAndValidSchemaReadsBack() {
    List<Path> schemas = new ArrayList<>(Project.exampleSchemas());
    schemas.addAll(Project.validTestSchemas());
    return schemas.stream().map(schema -> DynamicTest.dynamicTest(Project.relative(schema), () -> {
      Revisions compiled = Revisions.compile(new SourceFile(Project.relative(schema), Project.read(schema)), Project.baseName(schema));
      assertReadsBack(compiled, Project.relative(schema));
    }));
  }

  @Test
  void randomSchemasReadBack() {
    String one = System.getProperty("sqlagen.seed", "");
    long first = one.isBlank() ? 1 : Long.parseLong(one.strip());
    int count = one.isBlank() ? RANDOM_SCHEMAS : 1;
    for (long seed = first; seed < first + count; seed++) {
      RandomSchema schema = RandomSchema.generate(seed);
      Revisions compiled = Revisions.compile(new SourceFile("random.sqd", schema.text()), "rs_" + seed);
      assertReadsBack(compiled, "seed " + seed + " (replay: -Dsqlagen.seed=" + seed + ")");
    }
  }

  private static void assertReadsBack(Revisions compiled, String what) {
    InitialRevisionReader.Result result = InitialRevisionReader.read(new SourceFile("rev_0001_initial.py", compiled.revision()));
    assertThat(result.diagnostics()).as("%s:%n%s", what,
        result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining())).isEmpty();
    // Field by field first, for a message that says where they differ; then as values.
    assertThat(result.state().orElseThrow()).as(what).usingRecursiveComparison().isEqualTo(compiled.expected());
    assertThat(result.state()).as(what).contains(compiled.expected());
  }
}
