package dev.sqlagen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sqlagen.GeneratorConfig;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every parameter of every goal, as the generated plugin descriptor declares it, is proven to
 * reach the generator's configuration or the goal's behaviour: a parameter added without a proof
 * here fails {@link #everyParameterHasAProof}, and one that is read but never used fails its
 * proof. (jOOQ once shipped a plugin that copied options into its configuration one {@code if} at
 * a time and dropped one.)
 */
class MojoParametersTest {
  private static final String SCHEMA = """
      model User {
        id    int         @pk
        name  string(50)
      }
      """;
  private static final String OTHER_SCHEMA = """
      model Customer {
        id    int         @pk
      }
      """;
  /** SCHEMA with a column added: a revision adds it. */
  private static final String SCHEMA_WITH_EMAIL = SCHEMA.replace("name  string(50)\n", "name  string(50)\n  email string(80)?\n");
  /** SCHEMA with a column dropped: a revision that loses data. */
  private static final String SCHEMA_WITHOUT_NAME = SCHEMA.replace("  name  string(50)\n", "");

  /** A parameter that must land in one component of the configuration, with a non-default value. */
  private record ConfigProbe(Function<Path, Object> value, Function<GeneratorConfig, Object> component, Function<Path, Object> expected) {}

  private static final Map<String, ConfigProbe> CONFIG_PROBES = Map.of(
      "sessions", new ConfigProbe(d -> "sync", GeneratorConfig::sessions, d -> GeneratorConfig.Sessions.SYNC),
      "dialect", new ConfigProbe(d -> "PostgreSQL", GeneratorConfig::dialect, d -> GeneratorConfig.Dialect.POSTGRESQL),
      "urlVariable", new ConfigProbe(d -> "APP_DATABASE_URL", GeneratorConfig::urlVariable, d -> "APP_DATABASE_URL"),
      "outputDirectory", new ConfigProbe(d -> d.resolve("shop").toFile(), GeneratorConfig::packageName, d -> "shop"));

  /** Parameters that change what a goal does rather than what it generates. */
  private final Map<String, BehaviourProbe> behaviourProbes = Map.of(
      "schema", this::schemaIsCompiled,
      "skip", this::skipDoesNothing,
      "force", this::forceOverwritesEditedFiles,
      "buildDirectory", this::buildDirectoryHoldsTheState,
      "message", this::messageNamesTheRevision,
      "allowDataLoss", this::allowDataLossPlansADestructiveChange);

  @FunctionalInterface
  private interface BehaviourProbe {
    void prove(String goal) throws Exception;
  }

  @TempDir Path root;

  /** A fresh directory per proof: dynamic tests share one instance and one @TempDir. */
  private Path dir;

  private final MojoHarness.CapturingLog log = new MojoHarness.CapturingLog();

  private Path schemaFile;
  private Path output;

  private AbstractMojo mojo(String goal) throws IOException {
    if (schemaFile == null) {
      schemaFile = write("model.sqd", SCHEMA);
      output = dir.resolve("app");
    }
    AbstractMojo mojo = MojoHarness.create(goal, dir.resolve("target"), log);
    MojoHarness.set(mojo, "schema", schemaFile.toFile());
    MojoHarness.set(mojo, "outputDirectory", output.toFile());
    return mojo;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** The revisions in the package: the files of migrations/versions, by name. */
  private List<String> revisions() throws IOException {
    Path versions = output.resolve("migrations/versions");
    if (!Files.isDirectory(versions)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(versions)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static final List<String> FIRST_REVISION = List.of("rev_0001_initial.py", "rev_0001_initial.snapshot.jsonl");

  /** The text of the one second revision. */
  private String secondRevision() throws IOException {
    List<String> second = revisions().stream().filter(name -> name.startsWith("rev_0002_") && name.endsWith(".py")).toList();
    assertThat(second).hasSize(1);
    return Files.readString(output.resolve("migrations/versions").resolve(second.get(0)));
  }

  @Test
  void theDescriptorHasTheThreeGoalsThreadSafeInTheirPhases() {
    assertThat(MojoHarness.goals().keySet()).containsExactlyInAnyOrder("generate", "check", "revision");
    assertThat(MojoHarness.goal("generate").phase()).isEqualTo("generate-sources");
    assertThat(MojoHarness.goal("check").phase()).isEqualTo("verify");
    // Run by hand after a schema change, never by a build: mvn sqlagen:revision -Dsqlagen.message=...
    assertThat(MojoHarness.goal("revision").phase()).isEmpty();
    assertThat(MojoHarness.goals().values()).allMatch(MojoHarness.Goal::threadSafe);
  }

  @Test
  void everyParameterHasAProof() {
    for (MojoHarness.Goal goal : MojoHarness.goals().values()) {
      TreeSet<String> unproven = new TreeSet<>(goal.parameters().keySet());
      unproven.removeAll(CONFIG_PROBES.keySet());
      unproven.removeAll(behaviourProbes.keySet());
      assertThat(unproven).as("parameters of %s without a proof that they are used", goal.name()).isEmpty();
    }
  }

  /** No field is injected behind the descriptor's back, and no goal can reach the MavenProject (source roots). */
  @Test
  void theMojosHaveNoFieldsButTheirParameters() {
    for (MojoHarness.Goal goal : MojoHarness.goals().values()) {
      List<String> fields = new ArrayList<>();
      try {
        for (Class<?> c = Class.forName(goal.implementation()); c != AbstractMojo.class; c = c.getSuperclass()) {
          for (Field field : c.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
              fields.add(field.getName());
              assertThat(field.getType().getName()).doesNotContain("MavenProject");
            }
          }
        }
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
      assertThat(fields).containsExactlyInAnyOrderElementsOf(goal.parameters().keySet());
    }
  }

  @TestFactory
  Stream<DynamicTest> everyParameterReachesTheConfigurationOrTheBehaviour() {
    List<DynamicTest> tests = new ArrayList<>();
    for (MojoHarness.Goal goal : MojoHarness.goals().values()) {
      for (String parameter : goal.parameters().keySet()) {
        tests.add(DynamicTest.dynamicTest(goal.name() + ": " + parameter, () -> {
          dir = Files.createDirectories(root.resolve(goal.name() + "-" + parameter));
          schemaFile = null;
          log.clear();
          if (CONFIG_PROBES.containsKey(parameter)) {
            reachesTheConfiguration(goal.name(), parameter, CONFIG_PROBES.get(parameter));
          } else {
            behaviourProbes.get(parameter).prove(goal.name());
          }
        }));
      }
    }
    return tests.stream();
  }

  /**
   * The parameter changes its component of the config that {@code config()} makes, and so what
   * the goal does: generate regenerates (no "up to date"), check finds the tree stale, revision
   * writes the package that configuration generates (a check with it passes after).
   */
  private void reachesTheConfiguration(String goal, String parameter, ConfigProbe probe) throws Exception {
    AbstractSqlagenMojo defaults = (AbstractSqlagenMojo) mojo(goal);
    GeneratorConfig before = defaults.config();
    AbstractSqlagenMojo changed = (AbstractSqlagenMojo) mojo(goal);
    MojoHarness.set(changed, parameter, probe.value().apply(dir));
    GeneratorConfig after = changed.config();
    assertThat(probe.component().apply(after)).isEqualTo(probe.expected().apply(dir));
    assertThat(probe.component().apply(before)).isNotEqualTo(probe.expected().apply(dir));

    ((AbstractSqlagenMojo) mojo("generate")).execute();
    log.clear();
    if (goal.equals("generate")) {
      changed.execute();
      assertThat(log.text()).doesNotContain("is up to date").contains("written");
    } else if (goal.equals("check")) {
      defaults.execute();
      assertThatThrownBy(changed::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("out of date");
    } else {
      changed.execute();
      assertThat(log.text()).containsPattern("sqlagen: \\S+: [1-9][0-9]* written");
      AbstractSqlagenMojo check = (AbstractSqlagenMojo) mojo("check");
      MojoHarness.set(check, parameter, probe.value().apply(dir));
      check.execute();
    }
  }

  private void schemaIsCompiled(String goal) throws Exception {
    AbstractSqlagenMojo other = (AbstractSqlagenMojo) mojo(goal);
    MojoHarness.set(other, "schema", write("other.sqd", OTHER_SCHEMA).toFile());
    if (goal.equals("generate")) {
      other.execute();
      assertThat(Files.readString(output.resolve("models.py"))).contains("class Customer(Base):").doesNotContain("class User");
    } else if (goal.equals("revision")) {
      // The revision from the package's schema to the other one, which adds a model.
      ((AbstractSqlagenMojo) mojo("generate")).execute();
      MojoHarness.set(other, "schema", write("more.sqd", SCHEMA + OTHER_SCHEMA).toFile());
      other.execute();
      assertThat(Files.readString(output.resolve("models.py"))).contains("class User(Base):", "class Customer(Base):");
      assertThat(secondRevision()).contains("op.create_table(\n        \"customers\"").doesNotContain("\"users\"");
    } else {
      ((AbstractSqlagenMojo) mojo("generate")).execute();
      mojo(goal).execute();
      assertThatThrownBy(other::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("out of date");
    }
  }

  private void skipDoesNothing(String goal) throws Exception {
    AbstractSqlagenMojo skipped = (AbstractSqlagenMojo) mojo(goal);
    MojoHarness.set(skipped, "schema", dir.resolve("missing.sqd").toFile());
    MojoHarness.set(skipped, "skip", true);
    skipped.execute();
    assertThat(log.text()).contains("sqlagen: skipped");
    assertThat(output).doesNotExist();
    assertThat(dir.resolve("target")).doesNotExist();

    MojoHarness.set(skipped, "skip", false);
    assertThatThrownBy(skipped::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("no such file");
  }

  private void forceOverwritesEditedFiles(String goal) throws Exception {
    assertThat(goal).isIn("generate", "revision");
    mojo("generate").execute();
    Path models = output.resolve("models.py");
    String generated = Files.readString(models);
    Files.writeString(models, generated + "# edited by hand\n");
    if (goal.equals("revision")) {
      Files.writeString(schemaFile, SCHEMA_WITH_EMAIL);
    }

    assertThatThrownBy(mojo(goal)::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("edited by hand")
        .hasMessageContaining(models.toString())
        .hasMessageContaining("-Dsqlagen.force=true");
    assertThat(Files.readString(models)).endsWith("# edited by hand\n");
    assertThat(revisions()).isEqualTo(FIRST_REVISION);

    AbstractMojo forced = mojo(goal);
    MojoHarness.set(forced, "force", true);
    forced.execute();
    if (goal.equals("generate")) {
      assertThat(Files.readString(models)).isEqualTo(generated);
    } else {
      assertThat(Files.readString(models)).contains("email: Mapped[str | None]").doesNotContain("# edited by hand");
      assertThat(secondRevision()).contains("op.add_column(\"users\"");
    }
  }

  private void messageNamesTheRevision(String goal) throws Exception {
    assertThat(goal).isEqualTo("revision");
    mojo("generate").execute();
    Files.writeString(schemaFile, SCHEMA_WITH_EMAIL);
    AbstractMojo revision = mojo(goal);
    MojoHarness.set(revision, "message", "Add the users' e-mail");
    revision.execute();
    assertThat(revisions()).hasSize(4).filteredOn(name -> name.startsWith("rev_0002_")).allMatch(
        name -> name.matches("rev_0002_[0-9a-f]{8}_add_the_users_e_mail\\.(py|snapshot\\.jsonl)"));
    assertThat(secondRevision()).startsWith("\"\"\"Add the users' e-mail\n");
  }

  private void allowDataLossPlansADestructiveChange(String goal) throws Exception {
    assertThat(goal).isEqualTo("revision");
    mojo("generate").execute();
    Files.writeString(schemaFile, SCHEMA_WITHOUT_NAME);
    assertThatThrownBy(mojo(goal)::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("error[SQD061]: the schema no longer has column users.name");
    assertThat(revisions()).isEqualTo(FIRST_REVISION);

    AbstractMojo allowed = mojo(goal);
    MojoHarness.set(allowed, "allowDataLoss", true);
    allowed.execute();
    assertThat(secondRevision()).contains("op.drop_column(\"users\", \"name\")");
    assertThat(Files.readString(output.resolve("models.py"))).doesNotContain("name:");
  }

  private void buildDirectoryHoldsTheState(String goal) throws Exception {
    assertThat(goal).isEqualTo("generate");
    AbstractMojo mojo = mojo(goal);
    Path elsewhere = dir.resolve("elsewhere");
    MojoHarness.set(mojo, "buildDirectory", new File(elsewhere.toString()));
    mojo.execute();
    try (Stream<Path> files = Files.list(elsewhere.resolve("sqlagen"))) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().startsWith("generate-").endsWith(".state");
    }
    assertThat(dir.resolve("target")).doesNotExist();
  }
}
