package dev.sqlagen.testing;

import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import java.util.stream.Collectors;

/** A schema's text, parsed and checked as the generator does, for tests of the later stages. */
public final class Resolve {
  private Resolve() {}

  /** The resolved schema; fails the test with the diagnostics when the text has errors. */
  public static ResolvedSchema text(String name, String text) {
    Diagnostics diagnostics = new Diagnostics();
    var schema = SchemaParser.parse(new SourceFile(name, text), diagnostics)
        .flatMap(parsed -> diagnostics.hasErrors() ? java.util.Optional.empty() : SchemaChecker.check(parsed, diagnostics));
    if (schema.isEmpty()) {
      throw new AssertionError(name + " does not compile:\n"
          + diagnostics.sorted().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()));
    }
    return schema.get();
  }
}
