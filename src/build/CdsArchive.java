import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step, not part of sqlagen: writes the class-data-sharing archive that bin/sqlagen passes
 * to java. Run at package time by exec-maven-plugin (pom.xml) with java's source launcher:
 *
 * <pre>java src/build/CdsArchive.java JAR ARCHIVE SCHEMA WORKDIR</pre>
 *
 * <p>Two steps. A training run of the CLI jar on SCHEMA, with the launcher's JVM flags, lists
 * the classes a run loads (WORKDIR/classes.lst); then {@code java -Xshare:dump} writes a static
 * archive of them, the JDK's and sqlagen's together, to ARCHIVE. A static archive rather than
 * the simpler dynamic one ({@code -XX:ArchiveClassesAtExit}) because Java 17 can only put
 * pre-Java-6 class files, which is what picocli ships, into a static one: about 175 classes and
 * 25 ms of every run (docs/performance.md).
 *
 * <p>The archive only makes start-up faster, so this never fails the build: if the JVM cannot
 * dump one (another JVM, a read-only file system) it prints a warning and the launcher runs
 * without it. Each step's output, CDS warnings included, is in WORKDIR.
 */
public final class CdsArchive {
  /** The launcher's flags (bin/sqlagen) that decide what is loaded and how the archive is laid out. */
  private static final List<String> LAUNCHER_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn128m");

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 4) {
      System.err.println("usage: java CdsArchive.java JAR ARCHIVE SCHEMA WORKDIR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path archive = Path.of(args[1]);
    Path schema = Path.of(args[2]);
    Path work = Path.of(args[3]);
    Path classList = work.resolve("classes.lst");
    String problem;
    try {
      // An archive from an earlier build would be older than the new jar, and unused anyway.
      Files.deleteIfExists(archive);
      Files.createDirectories(work);
      problem = run(work.resolve("training.log"), java(
          "-XX:DumpLoadedClassList=" + classList,
          "-jar", jar.toString(), schema.toString(), "-o", work.resolve("blog").toString(), "--force"));
      if (problem == null) {
        problem = run(work.resolve("dump.log"), java(
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + classList,
            "-XX:SharedArchiveFile=" + archive,
            // The class path a run of `java -jar JAR` has: the archive is only used with it.
            "-cp", jar.toString()));
      }
      if (problem == null && !Files.isRegularFile(archive)) {
        problem = "the JVM wrote no archive (see " + work.resolve("dump.log") + ")";
      }
    } catch (IOException e) {
      problem = e.toString();
    }
    if (problem != null) {
      System.err.println("[WARNING] No class-data-sharing archive " + archive + ": " + problem
          + ". bin/sqlagen works without it, only starts more slowly.");
    }
  }

  /** This JVM's java with the launcher's flags and then {@code arguments}. */
  private static List<String> java(String... arguments) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return concat(List.of(java), LAUNCHER_FLAGS, List.of(arguments));
  }

  @SafeVarargs
  private static List<String> concat(List<String>... parts) {
    return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
  }

  /** Runs {@code command} with its output in {@code log}; null, or what went wrong. */
  private static String run(Path log, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int exit = process.waitFor();
    return exit == 0 ? null : "`" + String.join(" ", command) + "` exited with " + exit + " (see " + log + ")";
  }
}
