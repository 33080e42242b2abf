package dev.sqlagen.maven;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Severity;
import dev.sqlagen.history.History;
import dev.sqlagen.source.SchemaFiles;
import dev.sqlagen.source.SourceFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals share: the parameters, their one translation into a {@link GeneratorConfig},
 * reading the schema and the package's revisions, calling the generator, logging its diagnostics
 * in Maven's words, and the commands that regenerate the package or write the next revision. A
 * goal is a thin front-end over the same calls as the command line: {@code Generator.compile} (or
 * {@code Generator.revision}), then {@code WritePlanner.plan}, then {@code apply} (generate,
 * revision) or {@code isUpToDate} (check).
 *
 * <p>Mojos hold no state beyond their injected parameters, so they are thread-safe.
 */
abstract class AbstractSqlagenMojo extends AbstractMojo {
  /** The {@code .sqd} schema to compile. */
  @Parameter(property = "sqlagen.schema", required = true)
  private File schema;

  /**
   * The Python package directory to generate, such as {@code src/main/python/app}: its name is the
   * package name. sqlagen writes nothing outside it, but for the generate goal's state file in the
   * build directory; it is never added as a Java source root.
   */
  @Parameter(property = "sqlagen.outputDirectory", required = true)
  private File outputDirectory;

  /** The session factories in {@code session.py}: {@code sync}, {@code async} or {@code both}. */
  @Parameter(property = "sqlagen.sessions", defaultValue = "both")
  private String sessions;

  /** The database of the default URL: {@code sqlite} (an embedded file) or {@code postgresql}. */
  @Parameter(property = "sqlagen.dialect", defaultValue = "sqlite")
  private String dialect;

  /** The environment variable that holds the database URL. */
  @Parameter(property = "sqlagen.urlVariable", defaultValue = GeneratorConfig.DEFAULT_URL_VARIABLE)
  private String urlVariable;

  /** Skips the goal. */
  @Parameter(property = "sqlagen.skip", defaultValue = "false")
  private boolean skip;

  /** The schema as read: its path, bytes and text. */
  record Schema(Path path, byte[] bytes, String text) {}

  boolean isSkip() {
    return skip;
  }

  /** The package directory, absolute and normalized. */
  Path output() {
    return outputDirectory.toPath().toAbsolutePath().normalize();
  }

  Path schemaPath() {
    return schema.toPath().toAbsolutePath().normalize();
  }

  /**
   * The one translation of the parameters into a configuration. Both goals, the up-to-date
   * fingerprint and the regenerate command use what it returns, never the fields themselves.
   */
  GeneratorConfig config() throws MojoFailureException {
    Path name = output().getFileName();
    String packageName = name == null ? "" : name.toString();
    if (!GeneratorConfig.isPackageName(packageName)) {
      throw new MojoFailureException("sqlagen: the outputDirectory is the Python package, and '" + packageName
          + "' is not a valid package name: use letters, digits and '_', such as src/main/python/app");
    }
    if (urlVariable == null || !urlVariable.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new MojoFailureException("sqlagen: urlVariable '" + urlVariable + "' is not a valid environment variable name");
    }
    return new GeneratorConfig(
        packageName,
        choice(GeneratorConfig.Sessions.class, "sessions", sessions),
        choice(GeneratorConfig.Dialect.class, "dialect", dialect),
        urlVariable);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String parameter, String value) throws MojoFailureException {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return constant;
      }
    }
    String choices = Arrays.stream(type.getEnumConstants()).map(AbstractSqlagenMojo::lower).collect(Collectors.joining(", "));
    throw new MojoFailureException("sqlagen: " + parameter + " must be one of " + choices + ", not '" + value + "'");
  }

  /** The schema's bytes and text (strict UTF-8, as the command line reads it). */
  Schema readSchema() throws MojoFailureException {
    Path path = schemaPath();
    try {
      SchemaFiles.Contents contents = SchemaFiles.read(path);
      return new Schema(path, contents.bytes(), contents.text());
    } catch (SchemaFiles.UnreadableException e) {
      throw new MojoFailureException("sqlagen: cannot read schema '" + path + "': " + e.getMessage());
    }
  }

  /** A generator call on the schema and the package's revisions. */
  interface Call {
    Generator.Result apply(SourceFile source, History history);
  }

  /**
   * Reads the package's revisions, calls the generator, and logs every diagnostic as the command
   * line prints it ({@code file:line:col: error[CODE]: ...} with the source line), its help in
   * Maven's words; errors fail the build with {@link #failure}.
   */
  Generator.Result run(Schema source, Call call) throws MojoFailureException {
    History history;
    try {
      history = Generator.history(output(), output().toString());
    } catch (IOException e) {
      throw new MojoFailureException("sqlagen: cannot read the revisions in " + output() + ": " + e.getMessage(), e);
    }
    Generator.Result result = call.apply(new SourceFile(source.path().toString(), source.text()), history);
    List<Diagnostic> errors = new ArrayList<>();
    int shown = 0;
    for (Diagnostic diagnostic : result.diagnostics()) {
      boolean show = shown++ < DiagnosticPrinter.MAX_SHOWN;
      String text = show ? stripEnd(DiagnosticPrinter.format(inMavenWords(diagnostic))) : "";
      if (diagnostic.severity() == Severity.ERROR) {
        errors.add(diagnostic);
        if (show) {
          getLog().error(text);
        }
      } else if (show) {
        getLog().warn(text);
      }
    }
    if (shown > DiagnosticPrinter.MAX_SHOWN) {
      getLog().error("sqlagen: " + (shown - DiagnosticPrinter.MAX_SHOWN) + " more diagnostics not shown");
    }
    if (!result.succeeded()) {
      throw new MojoFailureException(failure(result, errors));
    }
    return result;
  }

  /** The message of a build that the diagnostics' errors fail: what failed, and their headlines. */
  String failure(Generator.Result result, List<Diagnostic> errors) {
    return "sqlagen: " + count(errors.size(), "error") + " in the schema; nothing was written:\n" + headlines(errors);
  }

  static String headlines(List<Diagnostic> diagnostics) {
    return diagnostics.stream().map(Diagnostic::headline).collect(Collectors.joining("\n"));
  }

  static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  /**
   * A diagnostic whose help names the command line's way to do something, with Maven's instead:
   * {@code --allow-data-loss} is {@code -Dsqlagen.allowDataLoss=true}, and {@code sqlagen
   * revision} is {@code mvn sqlagen:revision}.
   */
  static Diagnostic inMavenWords(Diagnostic diagnostic) {
    return new Diagnostic(diagnostic.code(), diagnostic.span(), diagnostic.message(), diagnostic.help().map(help -> help
        .replace("sqlagen revision SCHEMA -o DIR -m \"what changed\"", REVISION_COMMAND)
        .replace("sqlagen revision", "mvn sqlagen:revision")
        .replace("--allow-data-loss", ALLOW_DATA_LOSS)));
  }

  /** How a Maven user writes the next revision. */
  static final String REVISION_COMMAND = "mvn sqlagen:revision -Dsqlagen.message=\"what changed\"";

  /** How a Maven user lets a revision lose data. */
  static final String ALLOW_DATA_LOSS = "-Dsqlagen.allowDataLoss=true";

  /** What is wrong with the revisions after a run, and whether writing the next revision mends it. */
  record RevisionsProblem(String what, boolean revisionMendsIt) {}

  /**
   * What the run's diagnostics say about the revisions: empty when they cover the schema and the
   * history is sound ({@link Generator.Result#revisionsCurrent()}).
   */
  Optional<RevisionsProblem> revisionsProblem(Generator.Result result) {
    if (result.revisionsCurrent()) {
      return Optional.empty();
    }
    Set<Code> codes = result.diagnostics().stream().map(Diagnostic::code).collect(Collectors.toSet());
    if (codes.contains(Code.UNPLANNED_CHANGES)) {
      return Optional.of(new RevisionsProblem("no revision covers the changes of the schema " + schemaPath(), true));
    }
    if (codes.contains(Code.SEVERAL_HEADS)) {
      return Optional.of(new RevisionsProblem("the revisions in " + output() + " have several heads", true));
    }
    return Optional.of(new RevisionsProblem("the revisions in " + output() + " need attention (see the warnings above)", false));
  }

  /**
   * Logs what is wrong with the revisions and, when the next revision mends it, the commands that
   * write it, each line at the given level; returns the same as one line, for a failure message.
   */
  String reportRevisions(RevisionsProblem problem, GeneratorConfig config, Consumer<CharSequence> log) {
    if (!problem.revisionMendsIt()) {
      log.accept("sqlagen: " + problem.what());
      return problem.what();
    }
    List<String> commands = revisionCommands(config);
    log.accept("sqlagen: " + problem.what() + "; write the next revision (it regenerates the package too) with:");
    log.accept("  " + commands.get(0));
    commands.stream().skip(1).forEach(command -> log.accept("  or: " + command));
    return problem.what() + "; write the next revision with: " + String.join(", or: ", commands);
  }

  /** The commands that write the next revision, with this configuration: Maven's and the CLI's. */
  List<String> revisionCommands(GeneratorConfig config) {
    String cli = regenerateCommands(config, false).get(1).replaceFirst("^sqlagen ", "sqlagen revision ");
    return List.of(REVISION_COMMAND, cli + " -m \"what changed\"");
  }

  /** The commands that bring the package up to date, with this configuration: Maven's and the CLI's. */
  List<String> regenerateCommands(GeneratorConfig config, boolean force) {
    StringBuilder cli = new StringBuilder("sqlagen " + schemaPath() + " -o " + output());
    if (config.sessions() != GeneratorConfig.Sessions.BOTH) {
      cli.append(" --sessions ").append(lower(config.sessions()));
    }
    if (config.dialect() != GeneratorConfig.Dialect.SQLITE) {
      cli.append(" --dialect ").append(lower(config.dialect()));
    }
    if (!config.urlVariable().equals(GeneratorConfig.DEFAULT_URL_VARIABLE)) {
      cli.append(" --url-variable ").append(config.urlVariable());
    }
    if (force) {
      cli.append(" --force");
    }
    return List.of("mvn sqlagen:generate" + (force ? " -Dsqlagen.force=true" : ""), cli.toString());
  }

  static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  static String stripEnd(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
