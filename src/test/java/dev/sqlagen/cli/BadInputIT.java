package dev.sqlagen.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqlagen.source.SchemaFiles;
import dev.sqlagen.testing.Processes;
import dev.sqlagen.testing.Project;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a schema path should never be, run through the real jar as a user runs it: each gets one
 * line on standard error that says why, exit 2, nothing written and no hang; and a schema with
 * thousands of errors on one long line prints output proportional to it.
 */
class BadInputIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  @TempDir Path dir;

  private Processes.Separate sqlagen(String... args) {
    List<String> command = new ArrayList<>(List.of("java", "-jar", Project.dir().resolve("target/sqlagen.jar").toString()));
    command.addAll(List.of(args));
    return Processes.runSeparately(command, dir, TIMEOUT);
  }

  private void refusedWith(Processes.Separate run, String reason) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains(reason).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(dir.resolve("app")).doesNotExist();
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("schema.sqd").toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    refusedWith(sqlagen("schema.sqd", "-o", "app"), "cannot read schema 'schema.sqd': it is not a regular file");
  }

  @Test
  void aDeviceAndADirectoryAreRefused() throws IOException {
    refusedWith(sqlagen("/dev/zero", "-o", "app"), "cannot read schema '/dev/zero': it is not a regular file");
    Files.createDirectory(dir.resolve("schema.sqd"));
    refusedWith(sqlagen("schema.sqd", "-o", "app"), "cannot read schema 'schema.sqd': it is a directory");
  }

  @Test
  void aMissingFileSaysSo() {
    refusedWith(sqlagen("nowhere.sqd", "-o", "app"), "cannot read schema 'nowhere.sqd': no such file");
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(dir.resolve("huge.sqd").toFile(), "rw")) {
      file.setLength(SchemaFiles.MAX_BYTES + 1L); // sparse: no disk used
    }
    refusedWith(sqlagen("huge.sqd", "-o", "app"), "it is larger than 16 MiB, the limit for a schema file");
  }

  @Test
  void invalidUtf8SaysWhere() throws IOException {
    byte[] head = "model A {\n  id int @pk\n  na".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xff;
    bytes[head.length + 1] = 'x';
    bytes[head.length + 2] = '\n';
    Files.write(dir.resolve("latin.sqd"), bytes);
    refusedWith(sqlagen("latin.sqd", "-o", "app"), "it is not UTF-8 text: byte 0xff at line 3, column 5");
  }

  @Test
  void anUnreadableFileSaysWhy() throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads any file");
    Path schema = Files.writeString(dir.resolve("secret.sqd"), "model A { id int @pk }\n");
    assumeTrue(schema.toFile().setReadable(false, false), "cannot take the read permission away");
    refusedWith(sqlagen("secret.sqd", "-o", "app"), "cannot read schema 'secret.sqd': permission denied");
  }

  @Test
  void anEmptyOutputIsNotTheCurrentDirectory() throws IOException {
    Files.writeString(dir.resolve("schema.sqd"), "model A { id int @pk }\n");
    Processes.Separate run = sqlagen("schema.sqd", "-o", "");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("'--output' is empty");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("schema.sqd");
    }
  }

  @Test
  void thousandsOfErrorsOnOneLongLinePrintAScreenful() throws IOException {
    // 24 KB on one line, one unknown type per field: each error used to print the whole line.
    StringBuilder schema = new StringBuilder("model A { id int @pk ");
    for (int i = 0; schema.length() < 24_000; i++) {
      schema.append("f").append(i).append(" nope ");
    }
    Files.writeString(dir.resolve("long.sqd"), schema.append("}\n"));
    Processes.Separate run = sqlagen("long.sqd", "-o", "app");
    assertThat(run.exitCode()).as(run.err().substring(0, Math.min(2_000, run.err().length()))).isEqualTo(ExitCodes.SCHEMA_ERROR);
    assertThat(run.err()).contains("more diagnostics not shown").contains("…");
    assertThat(run.err().length()).isLessThan(100_000);
    assertThat(dir.resolve("app")).doesNotExist();
  }
}
