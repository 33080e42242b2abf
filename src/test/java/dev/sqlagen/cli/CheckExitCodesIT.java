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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --check} through the real jar: "out of date" (exit 1) is told apart from "cannot check"
 * (exit 4), a missing manifest is out of date (the next run would otherwise find every file "not
 * generated"), and the command it suggests is one that works.
 */
class CheckExitCodesIT {
  @TempDir Path dir;

  private Processes.Separate sqlagen(String... args) {
    List<String> command = new ArrayList<>(List.of("java", "-jar", Project.dir().resolve("target/sqlagen.jar").toString()));
    command.addAll(List.of(args));
    return Processes.runSeparately(command, dir, Duration.ofMinutes(1));
  }

  @Test
  void aMissingManifestIsOutOfDateAndRegeneratingMendsIt() throws IOException {
    Files.writeString(dir.resolve("schema.sqd"), "model A { id int @pk }\n");
    assertThat(sqlagen("schema.sqd", "-o", "app").exitCode()).isZero();
    assertThat(sqlagen("schema.sqd", "-o", "app", "--check").exitCode()).isZero();
    Files.delete(dir.resolve("app/.sqlagen-manifest"));

    Processes.Separate check = sqlagen("schema.sqd", "-o", "app", "--check");
    assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.STALE);
    assertThat(check.err()).contains(".sqlagen-manifest, the list of generated files, is missing or out of date")
        .contains("  sqlagen schema.sqd -o app\n");
    assertThat(sqlagen("schema.sqd", "-o", "app").exitCode()).isZero();
    assertThat(sqlagen("schema.sqd", "-o", "app", "--check").exitCode()).isZero();
  }

  @Test
  void anEditedFileSuggestsTheForceItNeeds() throws IOException {
    Files.writeString(dir.resolve("schema.sqd"), "model A { id int @pk }\n");
    assertThat(sqlagen("schema.sqd", "-o", "app").exitCode()).isZero();
    Files.writeString(dir.resolve("app/models.py"), "# edited\n", java.nio.file.StandardOpenOption.APPEND);

    Processes.Separate check = sqlagen("schema.sqd", "-o", "app", "--check");
    assertThat(check.exitCode()).isEqualTo(ExitCodes.STALE);
    assertThat(check.out()).contains("-# edited").doesNotContain("Exception");
    assertThat(check.err()).contains("  sqlagen schema.sqd -o app --force\n");
    assertThat(sqlagen("schema.sqd", "-o", "app", "--force").exitCode()).isZero();
  }

  @Test
  void aDirectoryThatCannotBeWrittenCannotBeChecked() throws IOException {
    Files.writeString(dir.resolve("schema.sqd"), "model A { id int @pk }\n");
    Files.createDirectories(dir.resolve("app/.git"));
    Processes.Separate check = sqlagen("schema.sqd", "-o", "app", "--check");
    assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCodes.REFUSED);
    assertThat(check.err()).contains("sqlagen: cannot check app: refusing to generate into a repository root")
        .doesNotContain("out of date");
  }
}
