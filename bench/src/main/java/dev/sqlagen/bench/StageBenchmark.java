package dev.sqlagen.bench;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.plan.PackagePlanner;
import dev.sqlagen.plan.PlannedFile;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.write.OutputTree;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each stage of {@link Generator#compile} and of the write, measured alone on the output of the
 * stages before it (prepared once per trial, outside the measurement), warmed up: the steady
 * state cost, free of JVM start-up. {@code compile} is the in-memory pipeline as the CLI runs it,
 * {@code upToDate} a regeneration into a directory that already holds the output (nothing is
 * written: what a build plugin's no-change run costs once the JVM is warm).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class StageBenchmark {
  @Param({"blog", "100", "1000", "10000"})
  public String schema;

  private SourceFile source;
  private GeneratorConfig config;
  private Schema parsed;
  private ResolvedSchema resolved;
  private List<PlannedFile> planned;
  private OutputTree tree;
  private Path upToDateDir;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    source = Schemas.source(schema);
    config = GeneratorConfig.defaults(Schemas.packageName(schema));
    Diagnostics diagnostics = new Diagnostics();
    parsed = SchemaParser.parse(source, diagnostics).orElseThrow();
    resolved = SchemaChecker.check(parsed, diagnostics).orElseThrow(() -> new IllegalStateException(diagnostics.sorted().toString()));
    planned = PackagePlanner.plan(resolved, config);
    tree = Generator.render(planned);
    upToDateDir = Files.createTempDirectory("sqlagen-bench-").resolve(config.packageName());
    WritePlanner.plan(tree, upToDateDir).apply(false);
  }

  @TearDown(Level.Trial)
  public void cleanUp() throws IOException {
    delete(upToDateDir.getParent());
  }

  @Benchmark
  public Optional<Schema> parse() {
    return SchemaParser.parse(source, new Diagnostics());
  }

  @Benchmark
  public Optional<ResolvedSchema> check() {
    return SchemaChecker.check(parsed, new Diagnostics());
  }

  @Benchmark
  public List<PlannedFile> plan() {
    return PackagePlanner.plan(resolved, config);
  }

  @Benchmark
  public OutputTree render() {
    return Generator.render(planned);
  }

  @Benchmark
  public WriteResult write(FreshDirectory directory) throws IOException {
    return WritePlanner.plan(tree, directory.path.resolve(config.packageName())).apply(false);
  }

  @Benchmark
  public Generator.Result compile() {
    return Generator.compile(source, config);
  }

  @Benchmark
  public WriteResult upToDate() throws IOException {
    OutputTree output = Generator.compile(source, config).output().orElseThrow();
    return WritePlanner.plan(output, upToDateDir).apply(false);
  }

  /** An empty directory for each call of {@link #write}, made and removed outside the measurement. */
  @State(Scope.Thread)
  public static class FreshDirectory {
    Path path;

    @Setup(Level.Invocation)
    public void create() throws IOException {
      path = Files.createTempDirectory("sqlagen-bench-write-");
    }

    @TearDown(Level.Invocation)
    public void remove() throws IOException {
      delete(path);
    }
  }

  static void delete(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
