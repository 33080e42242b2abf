package dev.sqlagen.write;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void equalTextsHaveNoDiff() {
    assertThat(UnifiedDiff.diff("a.py", "x\n", "x\n")).isEmpty();
  }

  @Test
  void aChangedLineShowsRemovalThenAdditionWithContext() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n";
    String after = "1\n2\n3\n4\nfive\n6\n7\n8\n";
    assertThat(UnifiedDiff.diff("a.py", before, after))
        .isEqualTo("--- a/a.py\n+++ b/a.py\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  }

  @Test
  void distantChangesGetTheirOwnHunks() {
    StringBuilder before = new StringBuilder();
    for (int i = 1; i <= 30; i++) {
      before.append(i).append('\n');
    }
    String after = before.toString().replace("\n3\n", "\nthree\n").replace("\n27\n", "\ntwenty-seven\n");
    String diff = UnifiedDiff.diff("n.txt", before.toString(), after);
    assertThat(diff).contains("@@ -1,6 +1,6 @@", "@@ -24,7 +24,7 @@", "-3\n+three", "-27\n+twenty-seven");
  }

  @Test
  void aNewFileIsAllAdditions() {
    assertThat(UnifiedDiff.diff("new.py", "", "a\nb\n")).isEqualTo("--- a/new.py\n+++ b/new.py\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  }
}
