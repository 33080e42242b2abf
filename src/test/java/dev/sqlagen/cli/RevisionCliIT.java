package dev.sqlagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema evolution as a user runs it: the real jar in its own process, real files, what it prints
 * on standard output and standard error, and its exit codes.
 */
class RevisionCliIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final String V1 = """
      model User {
        id    int         @pk
        name  string(50)
        bio   text?
      }
      """;

  @TempDir Path dir;

  private Processes.Separate sqlagen(String... args) {
    List<String> command = new ArrayList<>(List.of("java", "-jar", Project.dir().resolve("target/sqlagen.jar").toString()));
    command.addAll(List.of(args));
    return Processes.runSeparately(command, dir, TIMEOUT);
  }

  private void schema(String text) throws IOException {
    Files.writeString(dir.resolve("model.sqd"), text);
  }

  private List<String> versions() throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve("app/migrations/versions"))) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aSchemaChangeIsReportedRefusedAllowedAndWritten() throws IOException {
    schema(V1);
    assertThat(sqlagen("model.sqd", "-o", "app").exitCode()).isZero();
    assertThat(versions()).containsExactly("rev_0001_initial.py", "rev_0001_initial.snapshot.jsonl");

    // The field bio is dropped and a field added.
    schema(V1.replace("bio   text?", "age   int = 0"));
    Processes.Separate check = sqlagen("model.sqd", "-o", "app", "--check");
    assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.STALE);
    assertThat(check.err()).contains("warning[SQW006]", "sqlagen revision model.sqd -o app -m \"what changed\"");

    Processes.Separate refused = sqlagen("revision", "model.sqd", "-o", "app", "-m", "Age instead of bio");
    assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.SCHEMA_ERROR);
    assertThat(refused.err()).contains("model.sqd:1:7: error[SQD061]: the schema no longer has column users.bio",
        "pass --allow-data-loss", "1 error; nothing was written.");
    assertThat(refused.out()).isEmpty();
    assertThat(versions()).hasSize(2);

    Processes.Separate json = sqlagen("revision", "model.sqd", "-o", "app", "--error-format", "json");
    assertThat(json.err().strip()).startsWith("{\"file\":\"model.sqd\",\"line\":1,\"column\":7").contains("\"code\":\"SQD061\"");

    Processes.Separate written = sqlagen("revision", "model.sqd", "-o", "app", "-m", "Age instead of bio", "--allow-data-loss");
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.out()).contains("sqlagen: app: wrote revision app/migrations/versions/rev_0002_");
    assertThat(versions()).hasSize(4).anyMatch(f -> f.matches("rev_0002_[0-9a-f]{8}_age_instead_of_bio\\.py"));
    Path revision = dir.resolve("app/migrations/versions").resolve(versions().stream()
        .filter(f -> f.startsWith("rev_0002") && f.endsWith(".py")).findFirst().orElseThrow());
    assertThat(Files.readString(revision)).contains("\"\"\"Age instead of bio", "down_revision: str | Sequence[str] | None = \"0001\"",
        "# Accepted (--allow-data-loss): Drops users.bio and its data.", "op.drop_column(\"users\", \"bio\")");

    Processes.Separate upToDate = sqlagen("model.sqd", "-o", "app", "--check");
    assertThat(upToDate.exitCode()).as(upToDate.err()).isZero();
    assertThat(upToDate.out()).contains("sqlagen: app is up to date.");
    assertThat(upToDate.err()).isEmpty();

    Processes.Separate again = sqlagen("revision", "model.sqd", "-o", "app", "-m", "again");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("no revision was written");
    assertThat(versions()).hasSize(4);
  }

  @Test
  void aRenameKeepsTheColumnAndItsHintIsSaidToBeDoneAfterwards() throws IOException {
    schema(V1);
    sqlagen("model.sqd", "-o", "app");
    schema(V1.replace("bio   text?", "about text? @was(bio)"));
    Processes.Separate written = sqlagen("revision", "model.sqd", "-o", "app", "-m", "About");
    assertThat(written.exitCode()).as(written.err()).isZero();
    assertThat(written.err()).isEmpty();
    Processes.Separate plain = sqlagen("model.sqd", "-o", "app");
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.err()).contains("warning[SQW004]", "remove the hint");
  }

  @Test
  void theRevisionCommandNeedsItsSchemaAndDirectory() {
    Processes.Separate missing = sqlagen("revision", "model.sqd");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).contains("Missing required option: '--output=DIR'").doesNotContain("Exception");
    Processes.Separate help = sqlagen("revision", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("--allow-data-loss", "-m, --message");
  }
}
