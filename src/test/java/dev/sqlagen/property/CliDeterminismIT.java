package dev.sqlagen.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Determinism of the real CLI (target/sqlagen.jar in its own JVM): for every example and for a few
 * random schemas full of non-ASCII text ({@link RandomSchema}), the output is byte-identical to a
 * default run when the process runs in another time zone, under a Turkish locale (LANG/LC_ALL
 * tr_TR.UTF-8 and -Duser.language=tr -Duser.country=TR: the dotless-i case mapping), under the C
 * locale (an ASCII default charset), and when the schema has CRLF line ends.
 */
class CliDeterminismIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  private static final long[] RANDOM_SEEDS = {7, 100_003, 100_042};

  private record Variant(String name, Map<String, String> env, List<String> jvmArgs, boolean crlf) {}

  private static final List<Variant> VARIANTS = List.of(
      new Variant("TZ=Pacific/Kiritimati, tr_TR", Map.of("TZ", "Pacific/Kiritimati", "LANG", "tr_TR.UTF-8",
          "LC_ALL", "tr_TR.UTF-8"), List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Kiritimati"), false),
      new Variant("LC_ALL=C (ASCII default charset), TZ=America/St_Johns", Map.of("TZ", "America/St_Johns", "LANG", "C",
          "LC_ALL", "C"), List.of(), false),
      new Variant("CRLF input", Map.of(), List.of(), true));

  @TestFactory
  Stream<DynamicTest> theCliGivesTheSameBytesEverywhere() throws IOException {
    Path work = Project.dir().resolve("target/property-determinism");
    deleteTree(work);
    List<Path> schemas = new ArrayList<>(Project.exampleSchemas());
    for (long seed : RANDOM_SEEDS) {
      Path schema = work.resolve("schemas/rs_" + seed + ".sqd");
      Files.createDirectories(schema.getParent());
      Files.writeString(schema, RandomSchema.generate(seed).text(), StandardCharsets.UTF_8);
      schemas.add(schema);
    }
    return schemas.stream().map(schema -> DynamicTest.dynamicTest(schema.getFileName().toString(), () -> {
      String name = Project.baseName(schema);
      Path reference = work.resolve("default").resolve(name).resolve(name);
      run(schema, reference, Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8", "TZ", "UTC"), List.of());
      Map<String, byte[]> expected = files(reference);
      assertThat(expected).isNotEmpty();
      for (Variant variant : VARIANTS) {
        Path input = schema;
        if (variant.crlf) {
          input = work.resolve("crlf").resolve(name + ".sqd");
          Files.createDirectories(input.getParent());
          String text = Files.readString(schema, StandardCharsets.UTF_8).replace("\r\n", "\n").replace("\n", "\r\n");
          Files.writeString(input, text, StandardCharsets.UTF_8);
        }
        Path out = work.resolve(variant.name.replaceAll("[^A-Za-z0-9]+", "_")).resolve(name).resolve(name);
        run(input, out, variant.env, variant.jvmArgs);
        Map<String, byte[]> actual = files(out);
        assertThat(actual.keySet()).as("%s: files of %s", variant.name, name).isEqualTo(expected.keySet());
        for (String file : expected.keySet()) {
          assertThat(actual.get(file)).as("%s: %s of %s differs from the default run", variant.name, file, name)
              .isEqualTo(expected.get(file));
        }
      }
    }));
  }

  private static void run(Path schema, Path out, Map<String, String> env, List<String> jvmArgs) {
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", Project.dir().resolve("target/sqlagen.jar").toString(), schema.toString(),
        "-o", out.toString()));
    Processes.Result result = Processes.run(command, Project.dir(), env, TIMEOUT);
    assertThat(result.exitCode()).as("%s with %s:%n%s", command, env, result.output()).isZero();
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(path).toString(), Files.readAllBytes(path));
      }
    }
    return files;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
