package dev.sqlagen;

import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.plan.PackagePlanner;
import dev.sqlagen.plan.PlannedFile;
import dev.sqlagen.render.TemplateRenderer;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.write.GeneratedFile;
import dev.sqlagen.write.OutputTree;
import java.util.List;
import java.util.Optional;

/**
 * The one generator API that every front-end calls: schema text in, generated files (in memory)
 * or diagnostics out. Stages run in order; a stage with errors stops the ones after it.
 */
public final class Generator {
  private Generator() {}

  /** The outcome of compiling one schema: the output tree when there is no error, and every diagnostic. */
  public record Result(Optional<OutputTree> output, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean succeeded() {
      return output.isPresent();
    }
  }

  public static Result compile(SourceFile source, GeneratorConfig config) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Schema> schema = SchemaParser.parse(source, diagnostics);
    if (schema.isEmpty() || diagnostics.hasErrors()) {
      return new Result(Optional.empty(), diagnostics.sorted());
    }
    Optional<ResolvedSchema> resolved = SchemaChecker.check(schema.get(), diagnostics);
    if (resolved.isEmpty()) {
      return new Result(Optional.empty(), diagnostics.sorted());
    }
    OutputTree output = render(PackagePlanner.plan(resolved.get(), config));
    return new Result(Optional.of(output), diagnostics.sorted());
  }

  /** The render stage: every planned file printed, in the planned order. */
  public static OutputTree render(List<PlannedFile> planned) {
    // models.py and the first revision are most of the rendering: they are printed on two cores.
    return new OutputTree(planned.parallelStream()
        .map(file -> new GeneratedFile(file.path(), TemplateRenderer.render(file), file.keepExisting()))
        .toList());
  }
}
