package dev.sqlagen.cli;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.write.WritePlan;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sqlagen SCHEMA -o DIR}: translates options into one generator call, nothing more. */
@Command(
    name = "sqlagen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Compile a .sqd schema into a typed SQLAlchemy 2.0 Python package.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (with --check: the package is up to date)",
      "1:--check: the package is out of date",
      "2:wrong usage, or the schema file cannot be read",
      "3:the schema has errors; nothing was written",
      "4:nothing written: an unsafe output directory, files that were edited or not generated, or an I/O error",
      "5:internal error"
    })
public final class SqlagenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCHEMA", description = "The .sqd schema file.")
  Path schema;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "The package directory to generate, e.g. app/ (created if missing).")
  Path output;

  @Option(names = "--check", description = "Write nothing; exit 1 with a diff if DIR is not what SCHEMA generates.")
  boolean check;

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

  /** Whether diagnostics are coloured; set by {@link Main} for its own terminal only. */
  boolean colour;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    Reports reports = new Reports(spec.commandLine().getOut(), err, output);
    String text;
    try {
      text = readUtf8(schema);
    } catch (NoSuchFileException e) {
      err.println("sqlagen: cannot read schema '" + schema + "': no such file");
      return ExitCodes.USAGE;
    } catch (CharacterCodingException e) {
      err.println("sqlagen: cannot read schema '" + schema + "': it is not UTF-8 text");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("sqlagen: cannot read schema '" + schema + "': " + e.getMessage());
      return ExitCodes.USAGE;
    }
    GeneratorConfig config = config(err);
    if (config == null) {
      return ExitCodes.USAGE;
    }
    Generator.Result result = Generator.compile(new SourceFile(schema.toString(), text), config);
    printDiagnostics(result, err);
    if (!result.succeeded()) {
      if (errorFormat == ErrorFormat.HUMAN) {
        long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = result.diagnostics().size() - errors;
        err.println("sqlagen: " + count(errors, "error") + (warnings == 0 ? "" : ", " + count(warnings, "warning"))
            + "; nothing was written.");
      }
      return ExitCodes.SCHEMA_ERROR;
    }
    WritePlan plan = WritePlanner.plan(result.output().orElseThrow(), output);
    if (check) {
      return reports.check(plan, regenerateCommand()) ? ExitCodes.OK : ExitCodes.STALE;
    }
    if (dryRun) {
      reports.dryRun(plan);
      return plan.refusal().isPresent() ? ExitCodes.REFUSED : ExitCodes.OK;
    }
    WriteResult written;
    try {
      written = plan.apply(force);
    } catch (IOException e) {
      // Nothing was renamed into place: the files that were staged are deleted again.
      err.println("sqlagen: cannot write " + output + ": " + e);
      err.println("sqlagen: nothing was written.");
      return ExitCodes.REFUSED;
    }
    return reports.written(written) ? ExitCodes.OK : ExitCodes.REFUSED;
  }

  private void printDiagnostics(Generator.Result result, PrintWriter err) {
    if (errorFormat == ErrorFormat.JSON) {
      result.diagnostics().forEach(d -> err.println(DiagnosticPrinter.json(d)));
    } else {
      result.diagnostics().forEach(d -> err.print(DiagnosticPrinter.format(d, colour)));
    }
    err.flush();
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

  private static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The configuration, or null after saying why the options cannot make one. */
  private GeneratorConfig config(PrintWriter err) {
    Path name = output.toAbsolutePath().normalize().getFileName();
    String packageName = name == null ? "" : name.toString();
    if (!GeneratorConfig.isPackageName(packageName)) {
      err.println("sqlagen: the output directory is the Python package, and '" + packageName
          + "' is not a valid package name: use letters, digits and '_', such as app/ or my_app/");
      return null;
    }
    try {
      return new GeneratorConfig(packageName, sessions, dialect, urlVariable);
    } catch (IllegalArgumentException e) {
      err.println("sqlagen: " + e.getMessage());
      return null;
    }
  }

  /** The command that brings the directory up to date, with the options of this run. */
  private String regenerateCommand() {
    StringBuilder command = new StringBuilder("sqlagen " + schema + " -o " + output);
    if (sessions != GeneratorConfig.Sessions.BOTH) {
      command.append(" --sessions ").append(sessions.name().toLowerCase(Locale.ROOT));
    }
    if (dialect != GeneratorConfig.Dialect.SQLITE) {
      command.append(" --dialect ").append(dialect.name().toLowerCase(Locale.ROOT));
    }
    if (!urlVariable.equals(GeneratorConfig.DEFAULT_URL_VARIABLE)) {
      command.append(" --url-variable ").append(urlVariable);
    }
    return command.toString();
  }

  private static String readUtf8(Path path) throws IOException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(Files.readAllBytes(path)))
        .toString();
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
