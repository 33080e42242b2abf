package dev.sqlagen.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection into the commit: a rename that fails, or a run killed, at every step of a write
 * that adds, replaces and deletes files. After a failure the directory is exactly as it was;
 * after a kill, the next run finds the old state and completes the new one; no temporary file,
 * backup or journal is ever left behind by a run that finishes.
 */
class CommitTest {
  @TempDir Path dir;

  private static final OutputTree OLD = new OutputTree(List.of(
      new GeneratedFile("__init__.py", "old init\n"),
      new GeneratedFile("models.py", "old models\n"),
      new GeneratedFile("gone.py", "removed by the new version\n"),
      new GeneratedFile("migrations/env.py", "old env\n")));

  private static final OutputTree NEW = new OutputTree(List.of(
      new GeneratedFile("__init__.py", "new init\n"),
      new GeneratedFile("models.py", "new models\n"),
      new GeneratedFile("session.py", "a new file\n"),
      new GeneratedFile("migrations/env.py", "new env\n"),
      new GeneratedFile("migrations/script.py.mako", "also new\n")));

  /** Fails (or kills the run) at the n-th rename, counting from 0. */
  private static Commit.Moves failingAt(int n, boolean kill) {
    AtomicInteger count = new AtomicInteger();
    return (from, to) -> {
      if (count.getAndIncrement() == n) {
        if (kill) {
          throw new Killed();
        }
        throw new IOException("injected failure at rename " + n);
      }
      Commit.ATOMIC.move(from, to);
    };
  }

  /** Stands for SIGKILL: nothing after it runs, no catch block included. */
  private static final class Killed extends Error {}

  private Map<String, String> contents() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String name = dir.relativize(path).toString();
        if (!name.equals(Commit.LOCK)) {
          files.put(name, Files.readString(path, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private Map<String, String> written(OutputTree tree) throws IOException {
    WritePlanner.plan(tree, dir).apply(false);
    return contents();
  }

  @Test
  void aRenameThatFailsAtAnyStepLeavesTheDirectoryAsItWas() throws IOException {
    Map<String, String> before = written(OLD);
    int renames = 0;
    for (int n = 0; ; n++) {
      WritePlan plan = WritePlanner.plan(NEW, dir);
      int step = n;
      try {
        plan.apply(false, failingAt(n, false));
        renames = n;
        break; // n is past the last rename: the write went through
      } catch (IOException e) {
        assertThat(e).hasMessageContaining("injected failure at rename " + step);
        assertThat(contents()).as("after a failure at rename %d", step).isEqualTo(before);
      }
    }
    assertThat(renames).as("the write renames each deleted and each written file").isEqualTo(7);
    assertThat(contents()).isEqualTo(expected(NEW));
  }

  @Test
  void aRunKilledAtAnyStepIsUndoneByTheNextRunWhichThenCompletes() throws IOException {
    for (int n = 0; n < 7; n++) {
      clear();
      Map<String, String> before = written(OLD);
      WritePlan plan = WritePlanner.plan(NEW, dir);
      int step = n;
      assertThatThrownBy(() -> plan.apply(false, failingAt(step, true))).isInstanceOf(Killed.class);
      assertThat(dir.resolve(Commit.JOURNAL)).as("a killed run leaves its journal").exists();

      Commit next = new Commit(dir, Commit.ATOMIC);
      next.recover();
      assertThat(contents()).as("recovered after a kill at rename %d", step).isEqualTo(before);

      assertThat(written(NEW)).isEqualTo(expected(NEW));
    }
  }

  @Test
  void aKilledRunsTemporaryFilesAreRemovedByTheNextRun() throws IOException {
    Map<String, String> before = written(OLD);
    Files.writeString(dir.resolve(".models.py.12345.sqlagen-tmp"), "half written");
    Files.writeString(dir.resolve("migrations/.env.py.sqlagen-bak"), "a backup of a finished run");
    assertThat(written(OLD)).isEqualTo(before);
  }

  @Test
  void aCraftedManifestCannotDeleteARevisionOrAFileOutsideItsPaths() throws IOException {
    written(OLD);
    Path revision = dir.resolve("migrations/versions/rev_0002_mine.py");
    Files.createDirectories(revision.getParent());
    Files.writeString(revision, "# a hand-written data migration\n");
    String hash = Manifest.sha256(Files.readAllBytes(revision));
    Files.writeString(dir.resolve(Manifest.FILE_NAME),
        Files.readString(dir.resolve(Manifest.FILE_NAME)) + hash + " generated migrations/versions/rev_0002_mine.py\n");
    WritePlanner.plan(OLD, dir).apply(false);
    assertThat(revision).hasContent("# a hand-written data migration");

    Files.writeString(dir.resolve(Manifest.FILE_NAME), hash + " generated ../outside.py\n");
    WritePlan plan = WritePlanner.plan(OLD, dir);
    assertThat(plan.refusal()).hasValueSatisfying(why -> assertThat(why)
        .startsWith(".sqlagen-manifest:1: a path with an empty, '.' or '..' part: '../outside.py'"));

    Files.writeString(dir.resolve(Manifest.FILE_NAME), "# sqlagen manifest\nnot a manifest line\n");
    assertThat(WritePlanner.plan(OLD, dir).refusal()).hasValueSatisfying(why -> assertThat(why)
        .startsWith(".sqlagen-manifest:2: not a line sqlagen writes"));
  }

  @Test
  void aDirectoryChangedSincePlanningIsNotWritten() throws IOException {
    written(OLD);
    WritePlan plan = WritePlanner.plan(NEW, dir);
    Files.writeString(dir.resolve("session.py"), "written by someone else meanwhile\n");
    WriteResult result = plan.apply(false);
    assertThat(result.refusal()).hasValueSatisfying(why -> assertThat(why).contains("session.py changed while sqlagen was running"));
    assertThat(dir.resolve("session.py")).hasContent("written by someone else meanwhile");
  }

  @Test
  void concurrentRunsNeverLeaveAManifestThatDisagreesWithTheFiles() throws Exception {
    written(OLD);
    for (int round = 0; round < 20; round++) {
      List<Thread> threads = new ArrayList<>();
      for (OutputTree tree : List.of(OLD, NEW)) {
        threads.add(new Thread(() -> {
          try {
            WritePlanner.plan(tree, dir).apply(false);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      Map<String, String> now = contents();
      assertThat(now).as("round %d", round).satisfiesAnyOf(
          files -> assertThat(files).isEqualTo(expected(OLD)),
          files -> assertThat(files).isEqualTo(expected(NEW)));
    }
  }

  /** The files a write of {@code tree} leaves in a directory that held OLD or NEW: the files and the manifest. */
  private static Map<String, String> expected(OutputTree tree) {
    Map<String, String> files = new TreeMap<>();
    tree.files().forEach(f -> files.put(f.path(), f.content()));
    files.put(Manifest.FILE_NAME, Manifest.of(tree).render());
    return files;
  }

  private void clear() throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!path.equals(dir)) {
          Files.delete(path);
        }
      }
    }
  }
}
