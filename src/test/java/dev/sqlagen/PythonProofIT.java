package dev.sqlagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Examples;
import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof that generated code works: every example, every valid test schema and every evolved
 * test schema (with the revisions of its history) is generated
 * to disk, then real Python runs it on SQLAlchemy 2.0.x and 2.1.x (pinned venvs built from
 * src/test/python/requirements-*.txt): pytest (import, configure_mappers, create_all on SQLite,
 * inserts and selectinload queries), ruff check, ruff format --check and mypy --strict.
 */
class PythonProofIT {
  private static final List<String> LINES = List.of("sa20", "sa21");
  private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(10);

  private static Path pyenv;
  private static List<Path> packageDirs;
  private static List<Path> packages;

  @BeforeAll
  static void buildVenvsAndGenerate() throws IOException {
    Path project = Project.dir();
    pyenv = Path.of(System.getProperty("sqlagen.pyenv", project.resolve("target/pyenv").toString()));
    Processes.Result setup = Processes.run(
        List.of("bash", project.resolve("src/test/python/setup-venvs.sh").toString(), pyenv.toString()),
        project, Map.of(), Duration.ofMinutes(20));
    assertThat(setup.ok()).as("setting up the Python venvs:\n%s", setup.output()).isTrue();

    Path proof = project.resolve("target/proof");
    packageDirs = new ArrayList<>();
    packages = new ArrayList<>();
    List<Path> schemas = new ArrayList<>(Project.exampleSchemas());
    schemas.addAll(Project.validTestSchemas());
    schemas.addAll(Project.evolvedTestSchemas());
    List<GeneratorConfig> configs = new ArrayList<>();
    schemas.forEach(schema -> configs.add(GeneratorConfig.defaults(Project.baseName(schema))));
    // The other session options: async only (env.py's asyncio form) and sync only.
    Path blog = Project.examples().resolve("blog/blog.sqd");
    schemas.add(blog);
    configs.add(new GeneratorConfig("blog_async", GeneratorConfig.Sessions.ASYNC, GeneratorConfig.Dialect.SQLITE, "DATABASE_URL"));
    schemas.add(blog);
    configs.add(new GeneratorConfig("blog_sync", GeneratorConfig.Sessions.SYNC, GeneratorConfig.Dialect.POSTGRESQL, "DATABASE_URL"));
    for (int i = 0; i < schemas.size(); i++) {
      generate(proof, schemas.get(i), configs.get(i));
    }
  }

  private static void generate(Path proof, Path schema, GeneratorConfig config) throws IOException {
    String name = config.packageName();
    Generator.Result result = Generator.compile(new SourceFile(Project.relative(schema), Project.read(schema)), config);
    assertThat(result.succeeded())
        .as("%s does not compile:%n%s", name, result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()))
        .isTrue();
    Path dir = proof.resolve(name);
    Path pkg = dir.resolve(name);
    deleteTree(dir); // a kept migration from an earlier run would no longer match the models
    if (Examples.history(schema).isEmpty() || !name.equals(Project.baseName(schema))) {
      WriteResult written = WritePlanner.plan(result.output().orElseThrow(), pkg).apply(true);
      assertThat(written.refusal()).isEmpty();
    } else {
      // An example that evolved: every revision it went through, as its user has them.
      Examples.build(schema, config, pkg);
    }
    packageDirs.add(dir);
    packages.add(pkg);
  }

  @TestFactory
  Stream<DynamicNode> generatedPackagesRunOnEverySqlAlchemyLine() {
    return LINES.stream().map(line -> DynamicContainer.dynamicContainer(line, Stream.of(
        tool(line, "pytest: import, mappers, create_all, inserts and queries", pytest(line)),
        tool(line, "ruff check", ruff(line, "check")),
        tool(line, "ruff format --check", ruff(line, "format", "--check")),
        tool(line, "mypy --strict", mypy(line)))));
  }

  private static DynamicTest tool(String line, String name, List<String> command) {
    return DynamicTest.dynamicTest(name, () -> {
      Map<String, String> env = Map.of(
          "SQLAGEN_PROOF_DIRS", packageDirs.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
          "PYTHONDONTWRITEBYTECODE", "1",
          "MYPY_CACHE_DIR", Project.dir().resolve("target/mypy-cache-" + line).toString(),
          "RUFF_CACHE_DIR", Project.dir().resolve("target/ruff-cache").toString());
      Processes.Result result = Processes.run(command, Project.dir(), env, TOOL_TIMEOUT);
      System.out.println("[" + line + "] " + name + ":\n" + result.output());
      assertThat(result.exitCode()).as("%s on %s failed:%n%s", name, line, result.output()).isZero();
    });
  }

  private static void deleteTree(Path dir) throws IOException {
    if (java.nio.file.Files.exists(dir)) {
      try (Stream<Path> paths = java.nio.file.Files.walk(dir)) {
        for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.delete(path);
        }
      }
    }
  }

  private static String bin(String line, String tool) {
    return pyenv.resolve(line).resolve("bin").resolve(tool).toString();
  }

  private static List<String> pytest(String line) {
    return List.of(bin(line, "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", "src/test/python");
  }

  private static List<String> ruff(String line, String... args) {
    List<String> command = new ArrayList<>(List.of(bin(line, "ruff")));
    command.addAll(List.of(args));
    command.addAll(List.of("--config", "src/test/python/ruff.toml"));
    // In a user's project the generated package is first-party (env.py imports it): say so here.
    String firstParty = packages.stream().map(p -> "\"" + p.getFileName() + "\"").collect(Collectors.joining(", "));
    command.addAll(List.of("--config", "lint.isort.known-first-party = [" + firstParty + "]"));
    packages.forEach(p -> command.add(p.toString()));
    return command;
  }

  private static List<String> mypy(String line) {
    List<String> command = new ArrayList<>(List.of(bin(line, "mypy"), "--strict", "--python-version", "3.10"));
    packages.forEach(p -> command.add(p.toString()));
    return command;
  }

}
