package dev.sqlagen.property;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Property: every schema {@link RandomSchema} generates compiles without any diagnostic.
 *
 * <p>Runs {@value #DEFAULT_COUNT} seeds from {@value #DEFAULT_FIRST_SEED}. Replay one seed with
 * {@code mvn -B -q test -Dtest=RandomSchemasCompileTest -Dsqlagen.seed=N} (then only that seed
 * runs), or change the range with {@code -Dsqlagen.firstSeed=F -Dsqlagen.seeds=COUNT}. A failure
 * prints the seed and the schema text.
 */
class RandomSchemasCompileTest {
  static final long DEFAULT_FIRST_SEED = 1;
  static final int DEFAULT_COUNT = 600;

  /** The seeds to run: -Dsqlagen.seed=N alone, or a range. */
  static List<Long> seeds(long defaultFirst, int defaultCount) {
    String one = System.getProperty("sqlagen.seed", "");
    if (!one.isBlank()) {
      return List.of(Long.parseLong(one.strip()));
    }
    long first = Long.getLong("sqlagen.firstSeed", defaultFirst);
    int count = Integer.getInteger("sqlagen.seeds", defaultCount);
    List<Long> seeds = new ArrayList<>();
    for (long s = first; s < first + count; s++) {
      seeds.add(s);
    }
    return seeds;
  }

  @Test
  void generatedSchemasCompileWithoutDiagnostics() {
    List<String> failures = new ArrayList<>();
    for (long seed : seeds(DEFAULT_FIRST_SEED, DEFAULT_COUNT)) {
      RandomSchema schema = RandomSchema.generate(seed);
      Generator.Result result = Generator.compile(new SourceFile("random.sqd", schema.text()),
          GeneratorConfig.defaults("rs_" + seed));
      if (!result.succeeded() || !result.diagnostics().isEmpty()) {
        String diagnostics = result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining());
        failures.add("seed " + seed + " (replay: -Dsqlagen.seed=" + seed + "):\n" + diagnostics + "\n--- schema ---\n" + schema.text());
      }
    }
    java.util.Map<String, Long> codes = failures.stream()
        .flatMap(f -> java.util.regex.Pattern.compile("(?:error|warning)\\[(SQ[A-Z]\\d+)\\]").matcher(f).results().map(m -> m.group(1)))
        .collect(Collectors.groupingBy(c -> c, java.util.TreeMap::new, Collectors.counting()));
    assertThat(failures).as("diagnostic codes %s; %d failing seeds; first:%n%s", codes, failures.size(), failures.isEmpty() ? "" : failures.get(0)).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameSchema() {
    assertThat(RandomSchema.generate(42).text()).isEqualTo(RandomSchema.generate(42).text());
    assertThat(RandomSchema.generate(42).text()).isNotEqualTo(RandomSchema.generate(43).text());
  }
}
