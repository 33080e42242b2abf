package dev.sqlagen.bench;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.render.TemplateRenderer;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.write.WritePlanner;
import dev.sqlagen.write.WriteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code sqlagen SCHEMA -o DIR} does, without the command-line library: read, compile,
 * write, one line of report. Timed beside the real CLI, it gives the start-up cost of picocli
 * (docs/performance.md). Usage: {@code java -cp benchmarks.jar:sqlagen.jar
 * dev.sqlagen.bench.PlainMain SCHEMA DIR}.
 */
public final class PlainMain {
  private PlainMain() {}

  public static void main(String[] args) throws Exception {
    TemplateRenderer.warmUpInBackground(); // as dev.sqlagen.cli.Main does
    Path schema = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String text = Files.readString(schema, StandardCharsets.UTF_8);
    String packageName = output.toAbsolutePath().normalize().getFileName().toString();
    Generator.Result result = Generator.compile(new SourceFile(schema.toString(), text), GeneratorConfig.defaults(packageName));
    result.diagnostics().stream().map(DiagnosticPrinter::format).forEach(System.err::print);
    if (!result.succeeded()) {
      System.exit(3);
    }
    WriteResult written = WritePlanner.plan(result.output().orElseThrow(), output).apply(false);
    System.out.println("sqlagen: " + output + ": " + written.writtenPaths().size() + " written");
  }
}
