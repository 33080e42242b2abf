package dev.sqlagen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate and check goals on disk: the up-to-date state, refusals, errors and stale trees. */
class GoalsTest {
  private static final String SCHEMA = """
      model User {
        id    int         @pk
        name  string(50)
        posts Post[]
      }
      model Post {
        id     int  @pk
        author User
      }
      """;

  @TempDir Path dir;

  private final MojoHarness.CapturingLog log = new MojoHarness.CapturingLog();

  private Path schema;
  private Path app;

  private AbstractMojo mojo(String goal) throws IOException {
    if (schema == null) {
      schema = dir.resolve("model.sqd");
      Files.writeString(schema, SCHEMA);
      app = dir.resolve("app");
    }
    log.clear();
    AbstractMojo mojo = MojoHarness.create(goal, dir.resolve("target"), log);
    MojoHarness.set(mojo, "schema", schema.toFile());
    MojoHarness.set(mojo, "outputDirectory", app.toFile());
    return mojo;
  }

  /** Every file under the temporary directory (but the schema) with its modification time. */
  private Map<String, FileTime> tree() throws IOException {
    Map<String, FileTime> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    files.remove("model.sqd");
    return files;
  }

  private void backdate() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000_000_000L));
      }
    }
  }

  @Test
  void generatesThePackageAndOnlyTheStateBesideIt() throws Exception {
    mojo("generate").execute();
    assertThat(log.text()).contains("sqlagen: " + app + ": 10 written, 0 unchanged, 0 removed");
    assertThat(tree().keySet()).allMatch(p -> p.startsWith("app/") || p.startsWith("target/sqlagen/generate-"));
    assertThat(tree().keySet()).filteredOn(p -> p.startsWith("target/")).hasSize(1);
    assertThat(Files.readString(app.resolve("models.py"))).contains("class Post(Base):");
  }

  @Test
  void aSecondRunIsUpToDateAndTouchesNothing() throws Exception {
    mojo("generate").execute();
    backdate();
    Map<String, FileTime> before = tree();

    mojo("generate").execute();

    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");
    assertThat(log.text()).doesNotContain("written");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void anEditedSchemaRegenerates() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, SCHEMA.replace("name  string(50)", "name  string(50)\n  email string(255)"));
    mojo("generate").execute();
    assertThat(log.text()).contains("1 written").doesNotContain("is up to date");
    assertThat(Files.readString(app.resolve("models.py"))).contains("email: Mapped[str]");
    mojo("generate").execute();
    assertThat(log.text()).contains("is up to date");
  }

  @Test
  void aHandDeletedFileIsNoticedAndRegenerated() throws Exception {
    mojo("generate").execute();
    Files.delete(app.resolve("models.py"));
    mojo("generate").execute();
    assertThat(log.text()).contains("1 written, 7 unchanged");
    assertThat(app.resolve("models.py")).isRegularFile();
  }

  @Test
  void aHandEditedFileIsNoticedAndRefused() throws Exception {
    mojo("generate").execute();
    Path session = app.resolve("session.py");
    Files.writeString(session, "# mine\n", java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(mojo("generate")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("edited  " + session + " (generated, then edited by hand)");
    assertThat(log.text()).contains("[ERROR] sqlagen: generated files were edited by hand").contains("nothing was written");
  }

  @Test
  void aDeletedStateRegeneratesWithoutWriting() throws Exception {
    mojo("generate").execute();
    try (Stream<Path> states = Files.list(dir.resolve("target/sqlagen"))) {
      for (Path state : states.toList()) {
        Files.delete(state);
      }
    }
    backdate();
    Map<String, FileTime> before = tree();
    mojo("generate").execute();
    assertThat(log.text()).contains("0 written, 8 unchanged");
    Map<String, FileTime> after = tree();
    after.keySet().removeIf(p -> p.startsWith("target/"));
    before.keySet().removeIf(p -> p.startsWith("target/"));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void schemaErrorsFailTheBuildWithEveryDiagnosticLogged() throws Exception {
    AbstractMojo mojo = mojo("generate");
    Files.writeString(schema, "model User {\n  id int @pk\n  name string(10) # no\n  posts Pots[]\n}\n");
    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("nothing was written")
        .hasMessageContaining(schema + ":3:19: error[SQD003]");
    assertThat(log.text()).contains("[ERROR] " + schema + ":3:19: error[SQD003]: unexpected character '#'");
    assertThat(log.text()).contains("3 |   name string(10) # no");
    assertThat(app).doesNotExist();
    assertThat(dir.resolve("target")).doesNotExist();
  }

  @Test
  void badOptionsFailWithTheChoices() throws Exception {
    AbstractMojo mojo = mojo("generate");
    MojoHarness.set(mojo, "sessions", "threads");
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("sessions must be one of sync, async, both, not 'threads'");
    AbstractMojo check = mojo("check");
    MojoHarness.set(check, "outputDirectory", dir.resolve("my-app").toFile());
    assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("'my-app' is not a valid package name");
    MojoHarness.set(check, "outputDirectory", app.toFile());
    MojoHarness.set(check, "urlVariable", "1X");
    assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("'1X' is not a valid environment variable name");
  }

  @Test
  void aRepositoryRootIsRefused() throws Exception {
    Files.createDirectories(dir.resolve("app/.git"));
    assertThatThrownBy(mojo("generate")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("refusing to generate into a repository root");
    assertThatThrownBy(mojo("check")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("refusing to generate into a repository root");
  }

  @Test
  void checkPassesOnAnUpToDateTreeAndWritesNothing() throws Exception {
    mojo("generate").execute();
    backdate();
    Map<String, FileTime> before = tree();
    mojo("check").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void checkFailsOnAStaleTreeWithTheDiffAndTheRegenerateCommand() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, SCHEMA.replace("name  string(50)", "name  string(80)"));
    backdate();
    Map<String, FileTime> before = tree();
    AbstractMojo check = mojo("check");
    MojoHarness.set(check, "dialect", "postgresql");
    assertThatThrownBy(check::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("is out of date with the schema " + schema)
        .hasMessageContaining("mvn sqlagen:generate");
    assertThat(log.text())
        .contains("--- a/models.py", "+++ b/models.py", "-    name: Mapped[str] = mapped_column(String(50))",
            "+    name: Mapped[str] = mapped_column(String(80))")
        .contains("changed:\n[ERROR]   " + app.resolve("database.py") + "\n[ERROR]   " + app.resolve("models.py"))
        .contains("[ERROR]   mvn sqlagen:generate")
        .contains("[ERROR]   or: sqlagen " + schema + " -o " + app + " --dialect postgresql");
    assertThat(tree()).isEqualTo(before);
  }

  @Test
  void checkFailsOnAMissingTree() throws Exception {
    assertThatThrownBy(mojo("check")::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("out of date");
    assertThat(log.text()).contains("added:");
    assertThat(app).doesNotExist();
  }
}
