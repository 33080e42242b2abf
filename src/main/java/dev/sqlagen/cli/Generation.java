package dev.sqlagen.cli;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.history.History;
import dev.sqlagen.source.SchemaFiles;
import dev.sqlagen.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the commands share before they write: read the schema, translate the options into one
 * configuration, read the package's revisions, call the generator, print its diagnostics.
 */
final class Generation {
  private final GenerationOptions options;
  private final PrintWriter err;
  private final boolean colour;

  Generation(GenerationOptions options, PrintWriter err, boolean colour) {
    this.options = options;
    this.err = err;
    this.colour = colour;
  }

  /** A generator result, or the exit code of a run that cannot go on. */
  record Outcome(Optional<Generator.Result> result, int exitCode) {}

  Outcome run(TriFunction call) {
    Path schema = options.schema;
    String text;
    try {
      text = SchemaFiles.read(schema).text();
    } catch (SchemaFiles.UnreadableException e) {
      err.println("sqlagen: cannot read schema '" + schema + "': " + e.getMessage());
      return new Outcome(Optional.empty(), ExitCodes.USAGE);
    }
    GeneratorConfig config = config();
    if (config == null) {
      return new Outcome(Optional.empty(), ExitCodes.USAGE);
    }
    History history;
    try {
      history = Generator.history(options.output, options.output.toString());
    } catch (IOException e) {
      err.println("sqlagen: cannot read the revisions in " + options.output + ": " + e.getMessage());
      return new Outcome(Optional.empty(), ExitCodes.REFUSED);
    }
    Generator.Result result = call.apply(new SourceFile(schema.toString(), text), config, history);
    printDiagnostics(result);
    if (!result.succeeded()) {
      if (options.errorFormat == GenerationOptions.ErrorFormat.HUMAN) {
        long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = result.diagnostics().size() - errors;
        err.println("sqlagen: " + count(errors, "error") + (warnings == 0 ? "" : ", " + count(warnings, "warning"))
            + "; nothing was written.");
      }
      return new Outcome(Optional.empty(), ExitCodes.SCHEMA_ERROR);
    }
    return new Outcome(Optional.of(result), ExitCodes.OK);
  }

  /** A generator call: schema, configuration and history in, a result out. */
  interface TriFunction {
    Generator.Result apply(SourceFile source, GeneratorConfig config, History history);
  }

  private void printDiagnostics(Generator.Result result) {
    if (options.errorFormat == GenerationOptions.ErrorFormat.JSON) {
      result.diagnostics().forEach(d -> err.println(DiagnosticPrinter.json(d)));
    } else {
      // The first ones in file order, then how many more: a file of thousands of errors still
      // prints a screenful a person can act on.
      result.diagnostics().stream().limit(DiagnosticPrinter.MAX_SHOWN).forEach(d -> err.print(DiagnosticPrinter.format(d, colour)));
      int hidden = result.diagnostics().size() - DiagnosticPrinter.MAX_SHOWN;
      if (hidden > 0) {
        err.println("sqlagen: " + hidden + " more diagnostic" + (hidden == 1 ? "" : "s") + " not shown");
      }
    }
    err.flush();
  }

  private static String count(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /** The configuration, or null after saying why the options cannot make one. */
  private GeneratorConfig config() {
    Path name = options.output.toAbsolutePath().normalize().getFileName();
    String packageName = name == null ? "" : name.toString();
    if (!GeneratorConfig.isPackageName(packageName)) {
      err.println("sqlagen: the output directory is the Python package, and '" + packageName
          + "' is not a valid package name: use letters, digits and '_', such as app/ or my_app/");
      return null;
    }
    try {
      return new GeneratorConfig(packageName, options.sessions, options.dialect, options.urlVariable);
    } catch (IllegalArgumentException e) {
      err.println("sqlagen: " + e.getMessage());
      return null;
    }
  }
}
