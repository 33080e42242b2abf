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
 * <p>One training run of the CLI jar on SCHEMA, with the launcher's JVM flags, records the
 * classes a run loads into ARCHIVE when the JVM exits. The archive only makes start-up faster, so
 * this never fails the build: if the JVM cannot dump one (another JVM, no base archive, a
 * read-only file system) it prints a warning and the launcher runs without it. The training
 * run's output, CDS warnings included, is in WORKDIR/training.log.
 */
public final class CdsArchive {
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 4) {
      System.err.println("usage: java CdsArchive.java JAR ARCHIVE SCHEMA WORKDIR");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path archive = Path.of(args[1]);
    Path schema = Path.of(args[2]);
    Path work = Path.of(args[3]);
    Path log = work.resolve("training.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = List.of(
        java,
        "-XX:ArchiveClassesAtExit=" + archive,
        // The launcher's flags (bin/sqlagen), so that the run loads what a real run loads.
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-Xshare:auto",
        "-jar", jar.toString(),
        schema.toString(), "-o", work.resolve("blog").toString(), "--force");
    String problem;
    try {
      // An archive from an earlier build would be older than the new jar, and unused anyway.
      Files.deleteIfExists(archive);
      Files.createDirectories(work);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      int exit = process.waitFor();
      problem = exit != 0 ? "the training run exited with " + exit + " (see " + log + ")"
          : Files.isRegularFile(archive) ? null
          : "the JVM wrote no archive (see " + log + ")";
    } catch (IOException e) {
      problem = e.toString();
    }
    if (problem != null) {
      System.err.println("[WARNING] No class-data-sharing archive " + archive + ": " + problem
          + ". bin/sqlagen works without it, only starts more slowly.");
    }
  }
}
