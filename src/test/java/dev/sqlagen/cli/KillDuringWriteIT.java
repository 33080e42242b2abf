package dev.sqlagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar killed (SIGKILL) at random moments while it rewrites a large package: afterwards
 * the package is the old version or the new one (temporary files aside, which the next run
 * removes), or a journal is left that the next run undoes; the next run then writes the new
 * version whole, and its manifest agrees with the files.
 */
class KillDuringWriteIT {
  private static final int MODELS = 1_000;
  private static final int KILLS = 6;

  @TempDir Path dir;

  private static String schema(boolean second) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < MODELS; i++) {
      out.append("model M").append(i).append(" { id int @pk  name string(40)")
          .append(second ? "  note text?" : "").append(" }\n");
    }
    return out.toString();
  }

  private Process start(String schema, String output) throws IOException {
    return new ProcessBuilder("java", "-jar", Project.dir().resolve("target/sqlagen.jar").toString(), schema, "-o", output)
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
  }

  private int run(String schema, String output) throws Exception {
    return Processes.run(List.of("java", "-jar", Project.dir().resolve("target/sqlagen.jar").toString(), schema, "-o", output),
        dir, Map.of(), Duration.ofMinutes(2)).exitCode();
  }

  /** Every file of the tree but the lock, and (when asked) our temporary files. */
  private static Map<String, String> tree(Path root, boolean withTemporaries) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String name = path.getFileName().toString();
        boolean temporary = name.endsWith(".sqlagen-tmp") || name.endsWith(".sqlagen-bak");
        if (!name.equals(".sqlagen-lock") && (withTemporaries || !temporary)) {
          files.put(root.relativize(path).toString(), Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  @Test
  void aKilledWriteLeavesTheOldOrTheNewPackageAndTheNextRunCompletesIt() throws Exception {
    Files.writeString(dir.resolve("v1.sqd"), schema(false));
    Files.writeString(dir.resolve("v2.sqd"), schema(true));
    // The references have the package's name: it is written into the files.
    assertThat(run("v1.sqd", "ref1/app")).isZero();
    // The new version as a user gets it: regenerated over the old one (whose first revision stays).
    assertThat(run("v1.sqd", "ref2/app")).isZero();
    assertThat(run("v2.sqd", "ref2/app")).isZero();
    Map<String, String> v1 = tree(dir.resolve("ref1/app"), true);
    Map<String, String> v2 = tree(dir.resolve("ref2/app"), true);
    Random random = new Random(20261203);
    List<String> outcomes = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      assertThat(run("v1.sqd", "app")).isZero();
      Process process = start("v2.sqd", "app");
      Thread.sleep(300 + random.nextInt(2_500));
      process.destroyForcibly().waitFor();
      Map<String, String> after = tree(dir.resolve("app"), false);
      if (Files.exists(dir.resolve("app/.sqlagen-journal"))) {
        outcomes.add("journal");
      } else {
        assertThat(after.equals(v1) || after.equals(v2)).as("kill %d: neither the old nor the new package", kill).isTrue();
        outcomes.add(after.equals(v1) ? "old" : "new");
      }
      assertThat(run("v2.sqd", "app")).isZero();
      assertThat(tree(dir.resolve("app"), true)).as("kill %d: the next run completes the new package", kill).isEqualTo(v2);
    }
    System.out.println("KillDuringWriteIT outcomes: " + outcomes);
  }
}
