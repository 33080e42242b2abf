package dev.sqlagen.cli;

import dev.sqlagen.render.TemplateRenderer;
import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code sqlagen} executable: runs {@link SqlagenCommand} and exits with its code. */
public final class Main {
  private static final String FREEMARKER_LOGGER = "org.freemarker.loggerLibrary";

  private Main() {}

  public static void main(String[] args) {
    // FreeMarker would set up java.util.logging (some 10 ms of CPU) for messages sqlagen never
    // shows: template errors are exceptions, reported as internal errors. Only for this process.
    if (System.getProperty(FREEMARKER_LOGGER) == null) {
      System.setProperty(FREEMARKER_LOGGER, "none");
    }
    // FreeMarker's start-up on another core while this thread parses the options and the schema.
    TemplateRenderer.warmUpInBackground();
    System.exit(run(args));
  }

  /** Runs the command line without exiting, for tests and embedding. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), Main.colourTerminal(), args);
  }

  /** Runs the command line with the given output streams. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, false, args);
  }

  /** With {@code colour}, diagnostics are coloured: only for the process's own terminal. */
  private static int run(PrintWriter out, PrintWriter err, boolean colour, String... args) {
    SqlagenCommand command = new SqlagenCommand();
    command.colour = colour;
    CommandLine commandLine = new CommandLine(command);
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

  /**
   * Colour only for a person at a terminal: a console is attached (so standard error is not
   * redirected in the usual case), NO_COLOR is not set, and TERM is not "dumb". Tests, pipes and
   * files never get escape codes.
   */
  static boolean colourTerminal() {
    String term = System.getenv("TERM");
    return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(term);
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
