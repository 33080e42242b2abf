package dev.sqlagen.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.testing.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The first revisions users of the release without snapshots have on disk (copies of the
 * examples' as of commit e6d91a4, under src/test/resources/legacy) read back to the state of
 * their example's schema.
 */
class LegacyRevisionFixturesTest {
  static List<Path> fixtures() {
    try (Stream<Path> dirs = Files.list(Project.dir().resolve("src/test/resources/legacy"))) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyExampleOfThatReleaseHasItsLegacyRevision() {
    // Examples added since (tasks) had no first revision written by that release.
    assertThat(fixtures().stream().map(d -> d.getFileName().toString()))
        .containsExactly("blog", "inventory", "library", "saas", "shop", "staff")
        .isSubsetOf(Project.exampleSchemas().stream().map(Project::baseName).toList());
  }

  @TestFactory
  Stream<DynamicTest> everyLegacyRevisionReadsToItsExamplesState() {
    return fixtures().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
      String example = dir.getFileName().toString();
      Path schema = Project.examples().resolve(example).resolve(example + ".sqd");
      Revisions expected = Revisions.compile(new SourceFile(Project.relative(schema), Project.read(schema)), example);
      Path revision = dir.resolve("rev_0001_initial.py");
      InitialRevisionReader.Result result = InitialRevisionReader.read(new SourceFile(Project.relative(revision), Project.read(revision)));
      assertThat(result.diagnostics()).as(result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()))
          .isEmpty();
      // Literal defaults were not database defaults in that release: the next revision adds them.
      SchemaState released = Revisions.asReleased(expected.expected());
      assertThat(result.state().orElseThrow()).usingRecursiveComparison().isEqualTo(released);
      assertThat(result.state()).contains(released);
    }));
  }
}
