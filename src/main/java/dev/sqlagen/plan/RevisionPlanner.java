package dev.sqlagen.plan;

import dev.sqlagen.migrate.Migration;
import dev.sqlagen.migrate.Operation;
import dev.sqlagen.migrate.Step;
import dev.sqlagen.state.ColumnState;
import dev.sqlagen.state.EnumState;
import dev.sqlagen.state.SchemaState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Renders a {@link Migration} as an Alembic revision module, in autogenerate's own style. */
public final class RevisionPlanner {
  private static final String INDENT = OperationRenderer.INDENT;
  private static final Pattern SA = Pattern.compile("(?<![\\w.])sa\\.");
  private static final Pattern POSTGRESQL = Pattern.compile("(?<![\\w.\"])postgresql\\.");
  private static final Pattern PER_DATABASE_CALL = Pattern.compile("(?<![\\w.])" + OperationRenderer.PER_DATABASE + "\\(");

  private RevisionPlanner() {}

  /** The module of a revision with this identity. */
  public static RevisionView plan(Migration migration, String revision, List<String> downRevisions) {
    EnumVariables variables = new EnumVariables();
    variables.collect(migration.upgrade(), migration.after(), migration.before());
    variables.collect(migration.downgrade(), migration.before(), migration.after());
    List<String> upgrade = variables.body(migration.upgrade(), migration.after(), migration.before());
    List<String> downgrade = variables.body(migration.downgrade(), migration.before(), migration.after());

    String down = switch (downRevisions.size()) {
      case 0 -> "None";
      case 1 -> PyLiterals.string(downRevisions.get(0));
      default -> PyExpr.tuple(downRevisions.stream().map(PyExpr::str).toList()).flat();
    };
    List<String> identity = List.of(
        "revision: str = " + PyLiterals.string(revision),
        "down_revision: str | Sequence[str] | None = " + down,
        "branch_labels: str | Sequence[str] | None = None",
        "depends_on: str | Sequence[str] | None = None");
    List<String> docstring = Docstrings.lines("", migration.message() + "\n\nRevision ID: " + revision
        + "\nRevises: " + String.join(", ", downRevisions));
    List<String> enums = new ArrayList<>();
    if (!variables.definitions.isEmpty()) {
      enums.addAll(variables.creates
          ? List.of("# Enum types are created and dropped here, once each: create_type=False keeps every",
              "# op.create_table() that uses one from creating it again (on PostgreSQL).")
          : List.of("# Enum types that columns here use; the revisions create and drop them",
              "# (create_type=False)."));
      variables.definitions.values().forEach(enums::addAll);
    }
    List<String> helpers = Stream.of(upgrade, downgrade).flatMap(List::stream).anyMatch(PER_DATABASE_CALL.asPredicate())
        ? List.of(
            "def " + OperationRenderer.PER_DATABASE + "(**sql: str) -> sa.TextClause:",
            INDENT + "\"\"\"A server default for the database this revision runs on (NULL: none).\"\"\"",
            INDENT + "return sa.text(sql.get(op.get_context().dialect.name, \"NULL\"))")
        : List.of();
    List<String> imports = new ArrayList<>();
    // A revision of op.execute() statements alone has no sa. in it: an unused import fails ruff.
    if (Stream.of(upgrade, downgrade, enums, helpers).flatMap(List::stream).anyMatch(line -> SA.matcher(line).find())) {
      imports.add("import sqlalchemy as sa");
    }
    imports.add("from alembic import op");
    if (!variables.definitions.isEmpty()
        || Stream.of(upgrade, downgrade).flatMap(List::stream).anyMatch(line -> POSTGRESQL.matcher(line).find())) {
      imports.add("from sqlalchemy.dialects import postgresql");
    }
    if (uses(migration, Operation.CreateSchema.class, Operation.DropSchema.class)) {
      imports.add("from sqlalchemy.schema import CreateSchema, DropSchema");
    }
    List<String> custom = customTypeImports(migration, Stream.of(upgrade, downgrade).flatMap(List::stream).toList());
    if (!custom.isEmpty()) {
      // One section of third-party imports, as isort orders it: 'import x' first, then 'from x' by module.
      imports.addAll(custom);
      imports.sort(java.util.Comparator.comparing((String line) -> line.startsWith("from ") ? 1 : 0)
          .thenComparing(line -> line.split(" ")[1]));
    }
    return new RevisionView(docstring, imports, identity, enums, helpers, upgrade, downgrade);
  }

  /**
   * {@code from module import Name} for each class of a {@code @@type} that the revision's code
   * calls, by module in order (the checker saw to it that one class name has one module).
   */
  private static List<String> customTypeImports(Migration migration, List<String> body) {
    Map<String, java.util.TreeSet<String>> byModule = new java.util.TreeMap<>();
    Stream.of(migration.before(), migration.after())
        .flatMap(state -> state.tables().stream())
        .flatMap(table -> table.columns().stream())
        .map(column -> column.type().custom())
        .flatMap(java.util.Optional::stream)
        .flatMap(custom -> Stream.concat(Stream.of(custom.sqlalchemy()), custom.sqlite().stream()))
        .filter(ref -> {
          Pattern call = Pattern.compile("(?<![\\w.])" + Pattern.quote(ref.name()) + "\\(");
          return body.stream().anyMatch(line -> call.matcher(line).find());
        })
        .forEach(ref -> byModule.computeIfAbsent(ref.module(), m -> new java.util.TreeSet<>()).add(ref.name()));
    List<String> lines = new ArrayList<>();
    byModule.forEach((module, names) -> lines.add("from " + module + " import " + String.join(", ", names)));
    return lines;
  }

  @SafeVarargs
  private static boolean uses(Migration migration, Class<? extends Operation>... kinds) {
    List<Step> all = new ArrayList<>(migration.upgrade());
    all.addAll(migration.downgrade());
    for (Step step : all) {
      for (Operation op : operations(step)) {
        for (Class<? extends Operation> kind : kinds) {
          if (kind.isInstance(op)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<Operation> operations(Step step) {
    if (step instanceof Step.Common common) {
      return common.operations();
    }
    Step.PerDialect split = (Step.PerDialect) step;
    List<Operation> all = new ArrayList<>(split.sqlite());
    all.addAll(split.others());
    return all;
  }

  /**
   * The module-level {@code postgresql.ENUM(..., create_type=False)} variables, one per enum type
   * and list of values a direction uses: {@code post_status_enum}, and {@code post_status_enum_previous}
   * where the downgrade needs the values the upgrade changed.
   */
  private static final class EnumVariables {
    private final Map<String, List<String>> definitions = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private boolean creates;

    private String key(EnumState type) {
      return type.name() + "\0" + String.join("\0", type.values());
    }

    private String variable(EnumState type) {
      String key = key(type);
      String existing = names.get(key);
      if (existing != null) {
        return existing;
      }
      String name = type.name() + "_enum";
      while (names.containsValue(name)) {
        name = name.endsWith("_enum") ? type.name() + "_enum_previous" : name + "_";
      }
      names.put(key, name);
      List<PyExpr> args = new ArrayList<>();
      type.values().forEach(v -> args.add(PyExpr.str(v)));
      args.add(PyExpr.keyword("name", PyExpr.str(type.name())));
      args.add(PyExpr.keyword("create_type", PyExpr.atom("False")));
      definitions.put(key, PyLayout.statement("", name + " = ", PyExpr.call("postgresql.ENUM", args)));
      return name;
    }

    /** The enum type a step of a direction means: in the state it leads to, else the one it leaves. */
    private EnumState resolve(String type, SchemaState state, SchemaState other) {
      return state.enumType(type).or(() -> other.enumType(type)).orElseThrow();
    }

    void collect(List<Step> steps, SchemaState state, SchemaState other) {
      for (Step step : steps) {
        for (Operation op : operations(step)) {
          visit(op, state, other);
        }
      }
    }

    private void visit(Operation op, SchemaState state, SchemaState other) {
      if (op instanceof Operation.CreateEnum create) {
        creates = true;
        variable(create.type());
      } else if (op instanceof Operation.DropEnum drop) {
        creates = true;
        variable(drop.type());
      } else if (op instanceof Operation.Autocommit block) {
        block.operations().forEach(inner -> visit(inner, state, other));
      } else {
        for (ColumnState column : columns(op)) {
          column.enumType().ifPresent(type -> variable(resolve(type, state, other)));
        }
      }
    }

    private static List<ColumnState> columns(Operation op) {
      if (op instanceof Operation.CreateTable create) {
        return create.table().columns();
      }
      if (op instanceof Operation.AddColumn add) {
        return List.of(add.column());
      }
      if (op instanceof Operation.AlterColumn alter) {
        return List.of(alter.from(), alter.to());
      }
      return List.of();
    }

    List<String> body(List<Step> steps, SchemaState state, SchemaState other) {
      OperationRenderer renderer = new OperationRenderer(type -> variable(resolve(type, state, other)));
      List<String> lines = new ArrayList<>();
      for (Step step : steps) {
        if (step instanceof Step.Common common) {
          common(renderer, common.operations(), lines);
        } else {
          perDialect(renderer, (Step.PerDialect) step, lines);
        }
      }
      return lines.isEmpty() ? List.of(INDENT + "pass") : lines;
    }

    private static void common(OperationRenderer renderer, List<Operation> ops, List<String> lines) {
      for (int i = 0; i < ops.size(); i++) {
        if (deferredKey(ops.get(i))) {
          // One guarded block for a run of foreign keys that close cycles.
          lines.add(INDENT + "# Foreign keys that close a cycle of tables. SQLite, which cannot ALTER");
          lines.add(INDENT + "# a constraint in, has them inline in CREATE TABLE instead (use_alter).");
          lines.add(INDENT + "if op.get_context().dialect.supports_alter:");
          while (i < ops.size() && deferredKey(ops.get(i))) {
            lines.addAll(renderer.render(ops.get(i++), INDENT + INDENT));
          }
          i--;
        } else {
          lines.addAll(renderer.render(ops.get(i), INDENT));
        }
      }
    }

    /** A foreign key added or dropped on its own in a step all databases run: one that closes a cycle. */
    private static boolean deferredKey(Operation op) {
      return op instanceof Operation.AddForeignKey
          || op instanceof Operation.DropConstraint drop && drop.kind() == Operation.ConstraintKind.FOREIGN_KEY;
    }

    private static void perDialect(OperationRenderer renderer, Step.PerDialect step, List<String> lines) {
      if (!step.why().isEmpty()) {
        lines.addAll(OperationRenderer.comment(INDENT, String.join(" ", step.why())));
      }
      if (step.sqlite().isEmpty()) {
        lines.add(INDENT + "if op.get_context().dialect.name != \"sqlite\":");
        step.others().forEach(op -> lines.addAll(renderer.render(op, INDENT + INDENT)));
        return;
      }
      lines.add(INDENT + "if op.get_context().dialect.name == \"sqlite\":");
      step.sqlite().forEach(op -> lines.addAll(renderer.render(op, INDENT + INDENT)));
      if (!step.others().isEmpty()) {
        lines.add(INDENT + "else:");
        step.others().forEach(op -> lines.addAll(renderer.render(op, INDENT + INDENT)));
      }
    }
  }
}
