package dev.sqlagen.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;

/**
 * How long the Maven plugin's generate goal takes when the package is already up to date: the
 * mojo built as Maven builds it (MojoHarness, from the generated plugin descriptor), run once to
 * generate, then timed on reruns in the same JVM: the first rerun cold (new classes, interpreted
 * code, as in a fresh Maven build), then warmed up. Outside the real Maven runtime, so Maven's
 * own start-up and project model are not in these figures.
 *
 * <p>Usage (bench/run.sh compiles it against target/classes and target/test-classes):
 * {@code java -cp ... dev.sqlagen.maven.MojoUpToDateTiming SCHEMA.sqd WORK_DIR [RERUNS]}
 */
public final class MojoUpToDateTiming {
  private MojoUpToDateTiming() {}

  public static void main(String[] args) throws Exception {
    Path schema = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]).toAbsolutePath();
    int reruns = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    Files.createDirectories(work);
    MojoHarness.CapturingLog log = new MojoHarness.CapturingLog();
    long start = System.nanoTime();
    run(schema, work, log);
    double generate = (System.nanoTime() - start) / 1e6;
    if (!log.text().contains("written")) {
      throw new IllegalStateException("the first run did not generate:\n" + log.text());
    }
    double[] times = new double[reruns];
    for (int i = 0; i < reruns; i++) {
      log.clear();
      long t = System.nanoTime();
      run(schema, work, log);
      times[i] = (System.nanoTime() - t) / 1e6;
      if (!log.text().contains("is up to date")) {
        throw new IllegalStateException("a rerun was not up to date:\n" + log.text());
      }
    }
    double[] warm = java.util.Arrays.copyOfRange(times, reruns / 2, reruns);
    java.util.Arrays.sort(warm);
    System.out.printf("%s: generate %.1f ms; first up-to-date rerun %.1f ms; warmed-up rerun median %.2f ms (of the last %d)%n",
        schema.getFileName(), generate, times[0], warm[warm.length / 2], warm.length);
  }

  private static void run(Path schema, Path work, MojoHarness.CapturingLog log) throws Exception {
    AbstractMojo mojo = MojoHarness.create("generate", work.resolve("target"), log);
    MojoHarness.set(mojo, "schema", schema.toFile());
    MojoHarness.set(mojo, "outputDirectory", work.resolve("app").toFile());
    mojo.execute();
  }
}
