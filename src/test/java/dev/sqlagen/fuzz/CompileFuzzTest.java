package dev.sqlagen.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of the whole compiler and of its parse and check stages. In `mvn test` they replay
 * the inputs in src/test/resources/dev/sqlagen/fuzz/CompileFuzzTestInputs/METHOD/; with
 * JAZZER_FUZZ=1 Jazzer fuzzes one of them (docs/fuzzing.md). The input is raw bytes, read as
 * {@link Invariants#text}.
 */
class CompileFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void compile(byte[] data) {
    Invariants.compile(Invariants.text(data));
  }

  @FuzzTest(maxDuration = "5m")
  void parseAndCheck(byte[] data) {
    Invariants.parseAndCheck(Invariants.text(data));
  }
}
