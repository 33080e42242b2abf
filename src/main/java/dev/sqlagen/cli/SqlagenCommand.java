package dev.sqlagen.cli;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.write.TreeWriter;
import dev.sqlagen.write.WriteResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sqlagen SCHEMA -o DIR}: translates options into one generator call, nothing more. */
@Command(
    name = "sqlagen",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Compile a .sqd schema into a typed SQLAlchemy 2.0 Python package.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "2:wrong usage, or the schema file cannot be read",
      "3:the schema has errors; nothing was written",
      "4:refused to write (unsafe output directory, or files sqlagen did not generate)",
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

  @Option(names = "--force", description = "Overwrite existing files that sqlagen did not generate.")
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

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
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
    Path name = output.toAbsolutePath().normalize().getFileName();
    String packageName = name == null ? "" : name.toString();
    if (!GeneratorConfig.isPackageName(packageName)) {
      err.println("sqlagen: the output directory is the Python package, and '" + packageName
          + "' is not a valid package name: use letters, digits and '_', such as app/ or my_app/");
      return ExitCodes.USAGE;
    }
    if (!urlVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      err.println("sqlagen: '" + urlVariable + "' is not a valid environment variable name");
      return ExitCodes.USAGE;
    }
    GeneratorConfig config = new GeneratorConfig(packageName, sessions, dialect, urlVariable);
    Generator.Result result = Generator.compile(new SourceFile(schema.toString(), text), config);
    for (Diagnostic diagnostic : result.diagnostics()) {
      err.print(DiagnosticPrinter.format(diagnostic));
    }
    if (!result.succeeded()) {
      long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
      err.println("sqlagen: " + errors + (errors == 1 ? " error" : " errors") + "; nothing was written.");
      return ExitCodes.SCHEMA_ERROR;
    }
    WriteResult written = TreeWriter.write(result.output().orElseThrow(), output, force);
    if (written.isRefused()) {
      err.println("sqlagen: " + written.refusal());
      written.refused().forEach(path -> err.println("  " + output.resolve(path)));
      err.println("sqlagen: nothing was written.");
      return ExitCodes.REFUSED;
    }
    out.println(
        "sqlagen: " + output + ": " + written.written().size() + " written, " + written.unchanged().size() + " unchanged"
            + (written.kept().isEmpty() ? "" : ", " + written.kept().size() + " kept"));
    for (String path : written.kept()) {
      err.println("sqlagen: kept " + output.resolve(path) + " as it is: migrations are never rewritten;"
          + " after a schema change run: alembic -c " + output.resolve("alembic.ini") + " revision --autogenerate -m \"...\"");
    }
    return ExitCodes.OK;
  }

  /** Accepts sync, async or both, in any case. */
  static final class SessionsConverter implements picocli.CommandLine.ITypeConverter<GeneratorConfig.Sessions> {
    @Override
    public GeneratorConfig.Sessions convert(String value) {
      return GeneratorConfig.Sessions.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** Accepts sqlite or postgresql, in any case. */
  static final class DialectConverter implements picocli.CommandLine.ITypeConverter<GeneratorConfig.Dialect> {
    @Override
    public GeneratorConfig.Dialect convert(String value) {
      return GeneratorConfig.Dialect.valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
  }

  private static String readUtf8(Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(java.nio.ByteBuffer.wrap(bytes))
        .toString();
  }
}
