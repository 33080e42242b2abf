package dev.sqlagen.plan;

import dev.sqlagen.resolved.IndexOptions;
import dev.sqlagen.resolved.TableConstraint.IndexColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dialect keyword arguments of an index or unique constraint, written the same way in the
 * models ({@code Index(...)}, {@code UniqueConstraint(...)}) and in a revision
 * ({@code op.create_index(...)}): {@code postgresql_using}, {@code postgresql_ops},
 * {@code postgresql_where} and {@code sqlite_where}, {@code postgresql_nulls_not_distinct}.
 * {@code text} is how the module calls SQLAlchemy's {@code text()}.
 */
final class IndexArguments {
  /** What text() takes for a bind parameter (its own pattern); "::" casts are not. */
  private static final Pattern BIND_PARAMETER = Pattern.compile("(?<![:\\w\\\\]):(\\w+)(?!:)");

  private IndexArguments() {}

  static List<PyExpr> keywords(List<IndexColumn> parts, IndexOptions options, String text) {
    List<PyExpr> args = new ArrayList<>();
    options.using().ifPresent(using -> args.add(PyExpr.keyword("postgresql_using", PyExpr.str(using))));
    List<PyExpr> ops = new ArrayList<>();
    parts.forEach(part -> part.opclass().ifPresent(opclass -> ops.add(PyExpr.entry(part.column(), PyExpr.str(opclass)))));
    if (!ops.isEmpty()) {
      args.add(PyExpr.keyword("postgresql_ops", PyExpr.dict(ops)));
    }
    options.where().ifPresent(where -> {
      args.add(PyExpr.keyword("postgresql_where", sql(text, where)));
      args.add(PyExpr.keyword("sqlite_where", sql(text, where)));
    });
    if (options.nullsNotDistinct()) {
      args.add(PyExpr.keyword("postgresql_nulls_not_distinct", PyExpr.atom("True")));
    }
    return args;
  }

  /** {@code text("sql")}, a ":name" in it escaped so that text() does not take it for a bind parameter. */
  static PyExpr sql(String text, String sql) {
    return PyExpr.call(text, List.of(PyExpr.str(escapeBinds(sql))));
  }

  static String escapeBinds(String sql) {
    return BIND_PARAMETER.matcher(sql).replaceAll("\\\\:$1");
  }
}
