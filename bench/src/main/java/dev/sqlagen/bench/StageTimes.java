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
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One pass through the stages in a fresh JVM, as the CLI makes it, timing each: where a cold run
 * spends its time (class loading, interpreted code, JIT, GC), which JMH's warmed-up figures leave
 * out. Usage: {@code java [JVM flags] -cp benchmarks.jar:sqlagen.jar dev.sqlagen.bench.StageTimes
 * SCHEMA.sqd OUT_DIR}; prints one line of milliseconds.
 */
public final class StageTimes {
  private StageTimes() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
    Path schemaPath = Path.of(args[0]);
    Path out = Path.of(args[1]);
    SourceFile source = new SourceFile(schemaPath.getFileName().toString(), Files.readString(schemaPath, StandardCharsets.UTF_8));
    GeneratorConfig config = GeneratorConfig.defaults(out.toAbsolutePath().normalize().getFileName().toString());
    long t0 = System.nanoTime();
    Diagnostics diagnostics = new Diagnostics();
    Schema schema = SchemaParser.parse(source, diagnostics).orElseThrow();
    long t1 = System.nanoTime();
    ResolvedSchema resolved = SchemaChecker.check(schema, diagnostics).orElseThrow();
    long t2 = System.nanoTime();
    List<PlannedFile> planned = PackagePlanner.plan(resolved, config);
    long t3 = System.nanoTime();
    OutputTree tree = Generator.render(planned);
    long t4 = System.nanoTime();
    WritePlanner.plan(tree, out).apply(false);
    long t5 = System.nanoTime();
    long gc = 0;
    for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, bean.getCollectionTime());
    }
    System.out.printf(
        "jvm-start %d  read %d  parse %d  check %d  plan %d  render %d  write %d  total-in-main %d  gc %d  (ms)%n",
        jvmUptime, ms(start, t0), ms(t0, t1), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5), ms(start, t5), gc);
  }

  private static long ms(long from, long to) {
    return (to - from) / 1_000_000;
  }
}
