package dev.sqlagen.history;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.check.SchemaChecker;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.StateBuilder;
import dev.sqlagen.state.TableState;
import dev.sqlagen.write.GeneratedFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A schema compiled by the current code: its first revision, and the state it describes as a revision can tell it. */
record Revisions(String revision, SchemaState expected) {
  static final String PATH = "migrations/versions/rev_0001_initial.py";
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  static Revisions compile(SourceFile source, String packageName) {
    Generator.Result result = Generator.compile(source, GeneratorConfig.defaults(packageName));
    if (!result.succeeded()) {
      throw new AssertionError(source.name() + " does not compile:\n"
          + result.diagnostics().stream().map(DiagnosticPrinter::format).collect(Collectors.joining()));
    }
    String revision = result.output().orElseThrow().files().stream()
        .filter(f -> f.path().endsWith(PATH))
        .map(GeneratedFile::content)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + PATH + " for " + source.name()));
    return new Revisions(revision, physical(StateBuilder.of(resolve(source))));
  }

  /** The resolved schema, as Generator.compile gets it. */
  static ResolvedSchema resolve(SourceFile source) {
    Diagnostics diagnostics = new Diagnostics();
    Schema schema = SchemaParser.parse(source, diagnostics).orElseThrow();
    return SchemaChecker.check(schema, diagnostics).orElseThrow();
  }

  /**
   * The state without what a revision cannot tell: the models, link sides, fields, references and
   * declared enums that names come from. And one default the file cannot tell apart: a SQL
   * expression that is a plain number ({@code sql("5")}) is written {@code sa.text("5")}, which
   * is how literal numbers will be written as database defaults, so it reads back as a number.
   */
  static SchemaState physical(SchemaState state) {
    List<EnumState> enums = state.enums().stream().map(e -> new EnumState(e.name(), e.values(), Optional.empty())).toList();
    List<TableState> tables = state.tables().stream().map(t -> new TableState(
        t.name(), t.schema(), t.comment(), t.columns().stream().map(Revisions::physical).toList(), t.primaryKey(), t.foreignKeys(),
        t.uniques(), t.checks(), t.indexes(), Optional.empty(), List.of())).toList();
    return new SchemaState(state.schemas(), enums, tables);
  }

  /**
   * The state as the release before snapshots wrote first revisions: literal defaults (numbers,
   * text, booleans, enum members) were not database defaults then.
   */
  static SchemaState asReleased(SchemaState state) {
    List<TableState> tables = state.tables().stream().map(t -> new TableState(
        t.name(), t.schema(), t.comment(), t.columns().stream().map(c -> new ColumnState(c.name(), c.type(), c.nullable(),
            c.autoincrement(), c.serverDefault().filter(ColumnDefault::serverSide), c.identity(), c.computed(), c.comment(),
            c.field(), c.reference())).toList(),
        t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(), t.indexes(), t.model(), t.link())).toList();
    return new SchemaState(state.schemas(), state.enums(), tables);
  }

  private static ColumnState physical(ColumnState column) {
    ColumnState plain = column.physical();
    Optional<ColumnDefault> serverDefault = plain.serverDefault()
        .map(d -> d instanceof ColumnDefault.Sql sql && NUMBER.matcher(sql.expression()).matches() ? new ColumnDefault.Number(sql.expression()) : d);
    // A type of @@type is its SQLAlchemy type (and SQLite's) in a revision: its SQL text is only in the snapshot.
    dev.sqlagen.resolved.ColumnType type = plain.type().custom()
        .map(c -> dev.sqlagen.resolved.ColumnType.custom(dev.sqlagen.resolved.CustomType.readBack(c.sqlalchemy(), c.sqlite())))
        .orElse(plain.type());
    return new ColumnState(plain.name(), type, plain.nullable(), plain.autoincrement(), serverDefault, plain.identity(),
        plain.computed(), plain.comment(), Optional.empty(), Optional.empty());
  }
}
