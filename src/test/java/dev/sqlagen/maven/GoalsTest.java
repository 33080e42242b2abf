package dev.sqlagen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import dev.sqlagen.write.Manifest;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goals on disk: generate's up-to-date state, refusals, errors and stale trees; the revision
 * goal; and what generate and check say about a schema change no revision covers.
 */
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
  /** SCHEMA with a column added: the next revision adds it. */
  private static final String WITH_EMAIL = SCHEMA.replace("name  string(50)", "name  string(50)\n  email string(255)?");
  /** SCHEMA with a column dropped: a change that loses data. */
  private static final String WITHOUT_NAME = SCHEMA.replace("  name  string(50)\n", "");

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

  private Path versions() {
    return app.resolve("migrations/versions");
  }

  /** The files of migrations/versions, by name. */
  private List<String> revisionFiles() throws IOException {
    try (Stream<Path> files = Files.list(versions())) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private AbstractMojo revision(String message) throws IOException {
    AbstractMojo revision = mojo("revision");
    MojoHarness.set(revision, "message", message);
    return revision;
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
    // No revision covers the edit: the next build compiles again (and warns again), writing nothing.
    mojo("generate").execute();
    assertThat(log.text()).contains("0 written, 8 unchanged").contains("warning[SQW006]").doesNotContain("is up to date");
  }

  @Test
  void generateWarnsAboutAChangeNoRevisionCoversUntilOneDoes() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, WITH_EMAIL);
    mojo("generate").execute();
    assertThat(log.text())
        .contains("[WARNING] " + schema + ":1:7: warning[SQW006]: the schema changes the database, and no revision does that yet"
            + " (the last is revision 0001)")
        .contains("= help: write the next revision: mvn sqlagen:revision -Dsqlagen.message=\"what changed\" (docs/migrations.md)")
        .contains("[WARNING] sqlagen: no revision covers the changes of the schema " + schema
            + "; write the next revision (it regenerates the package too) with:\n"
            + "[WARNING]   mvn sqlagen:revision -Dsqlagen.message=\"what changed\"\n"
            + "[WARNING]   or: sqlagen revision " + schema + " -o " + app + " -m \"what changed\"")
        .contains("1 written");
    assertThat(Files.readString(app.resolve("models.py"))).contains("email: Mapped[str | None]");

    // No up-to-date state while the change is uncovered: the next build says it again.
    mojo("generate").execute();
    assertThat(log.text()).contains("warning[SQW006]").doesNotContain("is up to date");

    revision("add user email").execute();
    mojo("generate").execute();
    assertThat(log.text()).doesNotContain("SQW006").contains("0 written, 8 unchanged");
    mojo("generate").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");
  }

  @Test
  void revisionWritesTheNextRevisionAndItsSnapshotThenNothing() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, WITH_EMAIL);
    revision("Add user email").execute();

    List<String> files = revisionFiles();
    assertThat(files).hasSize(4).startsWith("rev_0001_initial.py", "rev_0001_initial.snapshot.jsonl");
    assertThat(files.get(2)).matches("rev_0002_[0-9a-f]{8}_add_user_email\\.py");
    assertThat(files.get(3)).isEqualTo(files.get(2).replace(".py", ".snapshot.jsonl"));
    String id = files.get(2).substring("rev_".length(), "rev_0002_12345678".length());
    Path file = versions().resolve(files.get(2));
    assertThat(Files.readString(file))
        .startsWith("\"\"\"Add user email\n\nRevision ID: " + id + "\nRevises: 0001\n\"\"\"\n")
        .contains("op.add_column(\"users\", sa.Column(\"email\", sa.String(length=255), nullable=True))");
    assertThat(Files.readAllLines(versions().resolve(files.get(3))).get(0)).contains(
        "\"revision\":\"" + id + "\"", "\"down_revisions\":[\"0001\"]",
        "\"revision_sha256\":\"" + Manifest.sha256(Files.readAllBytes(file)) + "\"");
    assertThat(Files.readString(app.resolve("models.py"))).contains("email: Mapped[str | None]");
    assertThat(log.lines()).containsSubsequence(
        "[INFO] sqlagen: " + app + ": 3 written, 7 unchanged, 0 removed",
        "[INFO] sqlagen: wrote revision " + file);
    assertThat(log.text()).doesNotContain("WARNING", "ERROR");

    backdate();
    Map<String, FileTime> before = tree();
    revision("Add user email").execute();
    assertThat(tree()).isEqualTo(before);
    assertThat(log.lines()).containsSubsequence(
        "[INFO] sqlagen: " + app + ": 0 written, 8 unchanged, 0 removed",
        "[INFO] sqlagen: the database the schema describes is the one the last revision leads to; no revision was written");
    mojo("check").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");
  }

  @Test
  void aRevisionThatLosesDataIsRefusedUntilAllowed() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, WITHOUT_NAME);
    backdate();
    Map<String, FileTime> before = tree();
    assertThatThrownBy(revision("drop the user name")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sqlagen: the revision was refused (1 error); nothing was written:\n"
            + schema + ":1:7: error[SQD061]: the schema no longer has column users.name: the revision would drop it and its data\n"
            + "sqlagen: to plan a change that loses data, set allowDataLoss: -Dsqlagen.allowDataLoss=true");
    assertThat(log.text())
        .contains("[ERROR] " + schema + ":1:7: error[SQD061]: the schema no longer has column users.name")
        .contains("= help: if it was renamed, write @was(name) on its new field; to drop it, pass -Dsqlagen.allowDataLoss=true")
        .doesNotContain("--allow-data-loss", "wrote revision");
    assertThat(tree()).isEqualTo(before);

    AbstractMojo allowed = revision("drop the user name");
    MojoHarness.set(allowed, "allowDataLoss", true);
    allowed.execute();
    List<String> files = revisionFiles();
    assertThat(files).hasSize(4);
    assertThat(files.get(2)).matches("rev_0002_[0-9a-f]{8}_drop_the_user_name\\.py");
    assertThat(Files.readString(versions().resolve(files.get(2)))).contains("op.drop_column(\"users\", \"name\")");
    assertThat(log.text()).contains("[INFO] sqlagen: wrote revision " + versions().resolve(files.get(2)));
    mojo("check").execute();
  }

  @Test
  void checkFailsOnAChangeNoRevisionCoversUntilARevisionIsWritten() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, WITH_EMAIL);
    String revise = "no revision covers the changes of the schema " + schema + "; write the next revision with: "
        + "mvn sqlagen:revision -Dsqlagen.message=\"what changed\", or: sqlagen revision " + schema + " -o " + app
        + " -m \"what changed\"";

    // Right after the edit, the package is stale too: both are said.
    assertThatThrownBy(mojo("check")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sqlagen: " + app + " is out of date with the schema " + schema + "; regenerate it with: mvn sqlagen:generate, or: "
            + "sqlagen " + schema + " -o " + app + "\nsqlagen: " + revise);
    assertThat(log.text())
        .contains("+    email: Mapped[str | None]")
        .contains("[ERROR] sqlagen: no revision covers the changes of the schema " + schema
            + "; write the next revision (it regenerates the package too) with:\n"
            + "[ERROR]   mvn sqlagen:revision -Dsqlagen.message=\"what changed\"\n"
            + "[ERROR]   or: sqlagen revision " + schema + " -o " + app + " -m \"what changed\"");

    // Regenerated, the package is up to date, and the check fails on the revision alone.
    mojo("generate").execute();
    assertThatThrownBy(mojo("check")::execute).isInstanceOf(MojoFailureException.class).hasMessage("sqlagen: " + revise);
    assertThat(log.text()).doesNotContain("out of date", "is up to date");

    revision("add user email").execute();
    mojo("check").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");
  }

  @Test
  void checkFailsOnSeveralHeadsUntilARevisionMergesThem() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, WITH_EMAIL);
    revision("add user email").execute();
    // Another branch added a revision after 0001 by hand (an Alembic data migration, say).
    Files.writeString(versions().resolve("rev_0002_backfill.py"), """
        \"\"\"Backfill.\"\"\"

        revision = "0002_backfill"
        down_revision = "0001"


        def upgrade() -> None:
            pass


        def downgrade() -> None:
            pass
        """);
    assertThatThrownBy(mojo("check")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("sqlagen: the revisions in " + app + " have several heads; write the next revision with: "
            + "mvn sqlagen:revision -Dsqlagen.message=\"what changed\"");
    assertThat(log.text()).contains("warning[SQW008]").contains("join them with a merge revision: mvn sqlagen:revision writes one");

    revision("merge").execute();
    assertThat(revisionFiles()).anyMatch(name -> name.matches("rev_0003_[0-9a-f]{8}_merge\\.py"));
    mojo("check").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");
  }

  @Test
  void generateNoticesRevisionsChangedBehindItsBack() throws Exception {
    mojo("generate").execute();
    Files.writeString(schema, WITH_EMAIL);
    revision("add user email").execute();
    mojo("generate").execute();
    mojo("generate").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");

    // A checkout takes the second revision away, and leaves the schema: the change is uncovered again.
    for (String name : revisionFiles()) {
      if (name.startsWith("rev_0002_")) {
        Files.delete(versions().resolve(name));
      }
    }
    mojo("generate").execute();
    assertThat(log.text()).contains("warning[SQW006]").doesNotContain("is up to date");

    revision("add user email").execute();
    mojo("generate").execute();
    mojo("generate").execute();
    assertThat(log.lines()).contains("[INFO] sqlagen: " + app + " is up to date");

    // A revision edited by hand.
    Files.writeString(versions().resolve("rev_0001_initial.py"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
    mojo("generate").execute();
    assertThat(log.text())
        .contains("warning[SQW007]: revision 0001 was edited after sqlagen wrote it")
        .contains("[WARNING] sqlagen: the revisions in " + app + " need attention (see the warnings above)")
        .doesNotContain("is up to date");
    assertThatThrownBy(mojo("check")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("sqlagen: the revisions in " + app + " need attention (see the warnings above)");
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
