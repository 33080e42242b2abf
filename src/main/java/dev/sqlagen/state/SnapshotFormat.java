package dev.sqlagen.state;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot as text: JSON Lines, one element of the database per line (a schema, an enum type,
 * a table, then each of its columns, keys, constraints and indexes), after a header line with the
 * revision's identity. Deterministic, so that a review shows exactly what a revision changes, and
 * read back strictly: a line that is not understood is a diagnostic pointing at it.
 */
public final class SnapshotFormat {
  /** The format written; a reader refuses others. */
  public static final int VERSION = 1;

  private static final String COMMENT =
      "The database after this revision, recorded by sqlagen to plan the next one. Do not edit.";

  private SnapshotFormat() {}

  public static String write(Snapshot snapshot) {
    StringBuilder out = new StringBuilder();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("sqlagen", "snapshot");
    header.put("format", VERSION);
    header.put("revision", snapshot.revision());
    header.put("down_revisions", snapshot.downRevisions());
    header.put("revision_sha256", snapshot.revisionSha256());
    header.put("comment", COMMENT);
    line(out, header);
    SchemaState state = snapshot.state();
    for (String schema : state.schemas()) {
      line(out, object("schema", schema));
    }
    for (EnumState type : state.enums()) {
      Map<String, Object> line = object("enum", type.name());
      line.put("values", type.values());
      type.declaredAs().ifPresent(d -> line.put("declared_as", d));
      line(out, line);
    }
    for (TableState table : state.tables()) {
      Map<String, Object> line = object("table", table.name());
      table.schema().ifPresent(s -> line.put("schema", s));
      table.model().ifPresent(m -> line.put("model", m));
      if (!table.link().isEmpty()) {
        line.put("link", table.link());
      }
      table.comment().ifPresent(c -> line.put("comment", c));
      line(out, line);
      for (ColumnState column : table.columns()) {
        line(out, column(table, column));
      }
      Map<String, Object> key = member("primary_key", table.primaryKey().name(), table);
      key.put("columns", table.primaryKey().columns());
      line(out, key);
      for (ForeignKeyState fk : table.foreignKeys()) {
        Map<String, Object> fkLine = member("foreign_key", fk.name(), table);
        fkLine.put("columns", fk.columns());
        fkLine.put("referred_table", fk.referredTable());
        fk.referredSchema().ifPresent(s -> fkLine.put("referred_schema", s));
        fkLine.put("referred_columns", fk.referredColumns());
        fk.onDelete().ifPresent(a -> fkLine.put("on_delete", a));
        fk.onUpdate().ifPresent(a -> fkLine.put("on_update", a));
        if (fk.useAlter()) {
          fkLine.put("use_alter", true);
        }
        line(out, fkLine);
      }
      for (UniqueState unique : table.uniques()) {
        Map<String, Object> uqLine = member("unique", unique.name(), table);
        uqLine.put("columns", unique.columns());
        if (unique.nullsNotDistinct()) {
          uqLine.put("nulls_not_distinct", true);
        }
        line(out, uqLine);
      }
      for (CheckState check : table.checks()) {
        Map<String, Object> ckLine = member("check", check.name(), table);
        ckLine.put("sql", check.sql());
        line(out, ckLine);
      }
      for (IndexState index : table.indexes()) {
        Map<String, Object> ixLine = member("index", index.name(), table);
        // An expression part is its SQL text among the columns, and listed again in "expressions".
        ixLine.put("columns", index.columns().stream().map(IndexColumn::column).toList());
        List<String> expressions = index.columns().stream().filter(IndexColumn::expression).map(IndexColumn::column).toList();
        if (!expressions.isEmpty()) {
          ixLine.put("expressions", expressions);
        }
        List<String> descending = index.columns().stream().filter(IndexColumn::descending).map(IndexColumn::column).toList();
        if (!descending.isEmpty()) {
          ixLine.put("descending", descending);
        }
        Map<String, Object> ops = new LinkedHashMap<>();
        index.columns().forEach(c -> c.opclass().ifPresent(o -> ops.put(c.column(), o)));
        if (!ops.isEmpty()) {
          ixLine.put("ops", ops);
        }
        ixLine.put("unique", index.unique());
        index.options().using().ifPresent(u -> ixLine.put("using", u));
        index.options().where().ifPresent(w -> ixLine.put("where", w));
        if (index.options().nullsNotDistinct()) {
          ixLine.put("nulls_not_distinct", true);
        }
        line(out, ixLine);
      }
    }
    return out.toString();
  }

  private static Map<String, Object> column(TableState table, ColumnState column) {
    Map<String, Object> line = member("column", column.name(), table);
    line.put("type", ColumnTypes.spell(column.type()));
    line.put("nullable", column.nullable());
    if (column.autoincrement()) {
      line.put("autoincrement", true);
    }
    column.serverDefault().ifPresent(d -> line.put("default", Defaults.write(d)));
    column.identity().ifPresent(kind -> line.put("identity", kind == IdentityKind.ALWAYS ? "always" : "by_default"));
    column.computed().ifPresent(sql -> line.put("computed", sql));
    column.comment().ifPresent(c -> line.put("comment", c));
    column.field().ifPresent(f -> line.put("field", f));
    column.reference().ifPresent(r -> line.put("reference", r));
    return line;
  }

  private static Map<String, Object> object(String kind, String name) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put(kind, name);
    return line;
  }

  private static Map<String, Object> member(String kind, String name, TableState table) {
    Map<String, Object> line = object(kind, name);
    line.put("table", table.name());
    return line;
  }

  private static void line(StringBuilder out, Map<String, Object> line) {
    Json.write(out, line);
    out.append('\n');
  }

  /**
   * The snapshot in a file with the line of each element, or the diagnostics that say why it
   * cannot be read.
   */
  public record Read(Optional<Snapshot> snapshot, StateSpans spans, List<Diagnostic> problems) {
    public Read {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(spans, "spans");
      problems = List.copyOf(problems);
    }
  }

  public static Read read(SourceFile file) {
    return new SnapshotReader(file).read();
  }

  /** Where a line of the file is, for a diagnostic. */
  static Span lineSpan(SourceFile file, int line, int column) {
    return new Span(file, line, column + 1, Math.max(0, file.line(line).length() - column));
  }

  static Diagnostic problem(SourceFile file, int line, int column, String message) {
    return Diagnostic.of(Code.UNREADABLE_SNAPSHOT, lineSpan(file, line, column), message,
        "a snapshot is written by sqlagen and never edited: restore it from version control");
  }
}
