package dev.sqlagen.cli;

/** The exit codes of the command line, documented in the README. */
public final class ExitCodes {
  public static final int OK = 0;
  /** Reserved for check mode: the generated tree is out of date. */
  public static final int STALE = 1;
  /** Wrong options or arguments, or an unreadable schema file (picocli's default is 2 too). */
  public static final int USAGE = 2;
  public static final int SCHEMA_ERROR = 3;
  public static final int REFUSED = 4;
  public static final int INTERNAL_ERROR = 5;

  private ExitCodes() {}
}
