package dev.sqlagen.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code sqlagen} executable: runs {@link SqlagenCommand} and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line without exiting, for tests and embedding. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line with the given output streams. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new SqlagenCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> internalError(exception, cmd.getErr()));
    try {
      return commandLine.execute(args);
    } catch (Error error) {
      // picocli handles exceptions only; an Error (say, a failed class initialisation) ends here.
      return internalError(error, commandLine.getErr());
    }
  }

  /** Never a stack trace (unless SQLAGEN_DEBUG is set): a failure here is a bug in sqlagen. */
  private static int internalError(Throwable problem, PrintWriter err) {
    err.println("sqlagen: internal error: " + problem);
    err.println("sqlagen: please report this with the schema that caused it.");
    if (System.getenv("SQLAGEN_DEBUG") != null) {
      problem.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }
}
