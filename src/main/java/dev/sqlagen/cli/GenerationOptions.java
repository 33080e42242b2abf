package dev.sqlagen.cli;

import dev.sqlagen.GeneratorConfig;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every command that generates a package shares: what to compile, where, and how. */
final class GenerationOptions {
  // Checked by require(), not by picocli: the main command's would be demanded before a subcommand.
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCHEMA", description = "The .sqd schema file.")
  Path schema;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "The package directory to generate, e.g. app/ (created if missing).")
  Path output;

  @Option(names = "--dry-run", description = "Write nothing; show what would be written, changed and removed.")
  boolean dryRun;

  @Option(names = "--force", description = "Overwrite files that were edited by hand or not generated (never migrations).")
  boolean force;

  @Option(
      names = "--sessions",
      paramLabel = "KIND",
      defaultValue = "both",
      converter = SessionsConverter.class,
      description = "Session factories in session.py: sync, async or both (default: ${DEFAULT-VALUE}).")
  GeneratorConfig.Sessions sessions;

  @Option(
      names = "--dialect",
      paramLabel = "DB",
      defaultValue = "sqlite",
      converter = DialectConverter.class,
      description = "Database of the default URL: sqlite (an embedded file) or postgresql (default: ${DEFAULT-VALUE}).")
  GeneratorConfig.Dialect dialect;

  @Option(
      names = "--url-variable",
      paramLabel = "NAME",
      defaultValue = GeneratorConfig.DEFAULT_URL_VARIABLE,
      description = "Environment variable that holds the database URL (default: ${DEFAULT-VALUE}).")
  String urlVariable;

  @Option(
      names = "--error-format",
      paramLabel = "FORMAT",
      defaultValue = "human",
      converter = ErrorFormatConverter.class,
      description = "How diagnostics are printed on standard error: human, or json, one object per line (default: ${DEFAULT-VALUE}).")
  ErrorFormat errorFormat;

  /** How diagnostics are printed. */
  enum ErrorFormat {
    HUMAN,
    JSON
  }

  /** Fails as picocli fails on a missing option, naming what is missing. */
  void require(picocli.CommandLine commandLine) {
    java.util.List<String> missing = new java.util.ArrayList<>();
    if (output == null) {
      missing.add("'--output=DIR'");
    }
    if (schema == null) {
      missing.add("'SCHEMA'");
    }
    if (output != null && output.toString().isBlank()) {
      // Path.of("") is the current directory: an empty variable in a script must not write there.
      throw new picocli.CommandLine.ParameterException(commandLine,
          "'--output' is empty: give the package directory, such as -o app/ (or -o . for the current directory)");
    }
    if (schema != null && schema.toString().isBlank()) {
      throw new picocli.CommandLine.ParameterException(commandLine, "'SCHEMA' is empty: give the schema file, such as blog.sqd");
    }
    if (!missing.isEmpty()) {
      throw new picocli.CommandLine.ParameterException(commandLine,
          "Missing required " + (missing.size() == 2 ? "options and parameters: " : missing.get(0).startsWith("'-") ? "option: " : "parameter: ")
              + String.join(", ", missing));
    }
  }

  /** The options that shape the output, as a user would write them again (for suggested commands). */
  String shapingOptions() {
    StringBuilder options = new StringBuilder();
    if (sessions != GeneratorConfig.Sessions.BOTH) {
      options.append(" --sessions ").append(sessions.name().toLowerCase(Locale.ROOT));
    }
    if (dialect != GeneratorConfig.Dialect.SQLITE) {
      options.append(" --dialect ").append(dialect.name().toLowerCase(Locale.ROOT));
    }
    if (!urlVariable.equals(GeneratorConfig.DEFAULT_URL_VARIABLE)) {
      options.append(" --url-variable ").append(urlVariable);
    }
    return options.toString();
  }

  /** Accepts sync, async or both, in any case. */
  static final class SessionsConverter implements ITypeConverter<GeneratorConfig.Sessions> {
    @Override
    public GeneratorConfig.Sessions convert(String value) {
      return GeneratorConfig.Sessions.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** Accepts human or json, in any case. */
  static final class ErrorFormatConverter implements ITypeConverter<ErrorFormat> {
    @Override
    public ErrorFormat convert(String value) {
      return ErrorFormat.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** Accepts sqlite or postgresql, in any case. */
  static final class DialectConverter implements ITypeConverter<GeneratorConfig.Dialect> {
    @Override
    public GeneratorConfig.Dialect convert(String value) {
      return GeneratorConfig.Dialect.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
