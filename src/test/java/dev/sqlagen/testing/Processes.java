package dev.sqlagen.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real program to completion and keeps everything it printed. */
public final class Processes {
  private Processes() {}

  /** Exit code and the combined standard output and error. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  public static Result run(List<String> command, Path workingDir, Map<String, String> env, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      StringBuilder output = new StringBuilder();
      Thread reader = new Thread(() -> output.append(drain(process.getInputStream())));
      reader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        reader.join(5_000);
        return new Result(-1, output + "\n[timed out after " + timeout + ": " + String.join(" ", command) + "]");
      }
      reader.join();
      return new Result(process.exitValue(), output.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Exit code, standard output and standard error, each as the program wrote it. */
  public record Separate(int exitCode, String out, String err) {}

  /** Runs a program with its standard output and error kept apart, as a user's shell sees them. */
  public static Separate runSeparately(List<String> command, Path workingDir, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      Thread outReader = new Thread(() -> out.append(drain(process.getInputStream())));
      Thread errReader = new Thread(() -> err.append(drain(process.getErrorStream())));
      outReader.start();
      errReader.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        outReader.join(5_000);
        errReader.join(5_000);
        return new Separate(-1, out.toString(), err + "\n[timed out after " + timeout + "]");
      }
      outReader.join();
      errReader.join();
      return new Separate(process.exitValue(), out.toString(), err.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String drain(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "[output lost: " + e + "]";
    }
  }
}
