package dev.sqlagen.history;

import dev.sqlagen.state.EnumState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The module-level shape of a first revision as sqlagen writes it: a docstring, imports, the
 * revision identifiers ({@code down_revision = None}), the enum type variables, then
 * {@code def upgrade()} and {@code def downgrade()}, in that order and nothing else.
 *
 * @param imported the names the imports bind ({@code sa}, {@code op}, {@code CreateSchema}, ...)
 * @param enums the enum type variables by variable name, in order
 * @param upgrade the body of {@code upgrade()}
 */
record RevisionModule(Set<String> imported, Map<String, EnumVariable> enums, List<PyStatement> upgrade, Map<String, String> typeClasses) {
  RevisionModule {
    imported = Set.copyOf(imported);
    typeClasses = Map.copyOf(typeClasses);
    enums = Collections.unmodifiableMap(new LinkedHashMap<>(enums));
    upgrade = List.copyOf(upgrade);
  }

  /** {@code role_enum = postgresql.ENUM("owner", "admin", name="role", create_type=False)}. */
  record EnumVariable(String variable, EnumState type, PyStatement.Assign statement) {}

  /** The imports sqlagen writes, each as the statement reads once parsed, and the names it binds. */
  private static final Map<String, List<String>> IMPORTS = Map.of(
      "import sqlalchemy as sa", List.of("sa"),
      "from alembic import op", List.of("op"),
      "from collections.abc import Sequence", List.of("Sequence"),
      "from sqlalchemy.dialects import postgresql", List.of("postgresql"),
      "from sqlalchemy.schema import CreateSchema, DropSchema", List.of("CreateSchema", "DropSchema"));
  private static final List<String> IDENTIFIERS = List.of("revision", "down_revision", "branch_labels", "depends_on");

  /** The helper that server defaults written per database call, as sqlagen writes it. */
  static final String PER_DATABASE = "per_database";
  private static final String PER_DATABASE_RETURNS = "sa.text(sql.get(op.get_context().dialect.name, \"NULL\"))";

  /** Where a statement belongs, in the order sqlagen writes them. */
  private enum Part {
    DOCSTRING("the docstring"), IMPORTS("the imports"), IDENTIFIERS("the revision identifiers"),
    ENUMS("the enum type variables"), HELPER("def " + PER_DATABASE + "()"), UPGRADE("def upgrade()"),
    DOWNGRADE("def downgrade()");

    final String label;

    Part(String label) {
      this.label = label;
    }
  }

  static RevisionModule of(List<PyStatement> statements, int endOfFile) {
    if (statements.isEmpty()) {
      throw new Unreadable(0, 0, "the file is empty, where a revision starts with its docstring");
    }
    if (!(statements.get(0) instanceof PyStatement.Expr doc && doc.value() instanceof PyNode.Str)) {
      throw new Unreadable(statements.get(0).start(), statements.get(0).end(),
          "the file does not start with a docstring, as a revision sqlagen writes does");
    }
    Set<String> imported = new HashSet<>();
    Map<String, String> typeClasses = new LinkedHashMap<>();
    Map<String, PyNode> identifiers = new LinkedHashMap<>();
    Map<String, EnumVariable> enums = new LinkedHashMap<>();
    Set<String> enumTypes = new HashSet<>();
    List<PyStatement> upgrade = null;
    boolean downgrade = false;
    Part at = Part.DOCSTRING;
    for (PyStatement statement : statements.subList(1, statements.size())) {
      Part part = partOf(statement);
      if (part.ordinal() < at.ordinal() || downgrade) {
        throw new Unreadable(statement.start(), statement.end(),
            describe(statement) + " after " + at.label + ", where sqlagen does not write it");
      }
      if (part.ordinal() > Part.IMPORTS.ordinal()) {
        requireImports(imported, statement);
      }
      if (part.ordinal() > Part.IDENTIFIERS.ordinal()) {
        requireIdentifiers(identifiers, statement.start(), statement.end());
      }
      at = part;
      switch (part) {
        case IMPORTS -> {
          if (IMPORTS.containsKey(importText(statement))) {
            imported.addAll(IMPORTS.get(importText(statement)));
          } else {
            // The class of a type declared by @@type: from module import Name.
            PyStatement.FromImport from = (PyStatement.FromImport) statement;
            for (String name : from.names()) {
              if (imported.contains(name) || typeClasses.putIfAbsent(name, from.module()) != null) {
                throw new Unreadable(statement.start(), statement.end(), "a second import of " + name);
              }
            }
          }
        }
        case IDENTIFIERS -> identifier((PyStatement.Assign) statement, identifiers);
        case ENUMS -> {
          EnumVariable variable = EnumVariables.read((PyStatement.Assign) statement, imported);
          if (enums.containsKey(variable.variable()) || !enumTypes.add(variable.type().name())) {
            throw new Unreadable(statement.start(), statement.end(), "a second enum type variable "
                + (enums.containsKey(variable.variable()) ? variable.variable() : "for the type " + variable.type().name()));
          }
          enums.put(variable.variable(), variable);
        }
        case HELPER -> perDatabase((PyStatement.Def) statement);
        case UPGRADE -> {
          if (upgrade != null) {
            throw new Unreadable(statement.start(), statement.end(), "a second def upgrade()");
          }
          upgrade = ((PyStatement.Def) statement).body();
        }
        case DOWNGRADE -> downgrade = true;
        default -> throw new IllegalStateException("the docstring is read first");
      }
    }
    // Imports and identifiers were required on the way to def upgrade().
    if (upgrade == null || !downgrade) {
      throw new Unreadable(endOfFile, endOfFile, "the file ends before def " + (upgrade == null ? "upgrade" : "downgrade")
          + "(), which a revision sqlagen writes has");
    }
    return new RevisionModule(imported, enums, upgrade, typeClasses);
  }

  private static Part partOf(PyStatement statement) {
    if (statement instanceof PyStatement.Import || statement instanceof PyStatement.FromImport) {
      if (!IMPORTS.containsKey(importText(statement)) && !typeImport(statement)) {
        throw new Unreadable(statement.start(), statement.end(), "the import '" + importText(statement) + "', which sqlagen does not write");
      }
      return Part.IMPORTS;
    }
    if (statement instanceof PyStatement.Assign assign && assign.target() instanceof PyNode.Name name) {
      if (IDENTIFIERS.contains(name.id())) {
        return Part.IDENTIFIERS;
      }
      if (Nodes.isCall(assign.value(), "postgresql.ENUM")) {
        return Part.ENUMS;
      }
    }
    if (statement instanceof PyStatement.Def def && (def.name().equals("upgrade") || def.name().equals("downgrade"))) {
      if (def.keywords().isPresent()) {
        throw new Unreadable(statement.start(), statement.end(), "def " + def.name() + "() with parameters, which sqlagen does not write");
      }
      return def.name().equals("upgrade") ? Part.UPGRADE : Part.DOWNGRADE;
    }
    if (statement instanceof PyStatement.Def def && def.name().equals(PER_DATABASE)) {
      return Part.HELPER;
    }
    throw new Unreadable(statement.start(), statement.end(), describe(statement) + ", which sqlagen does not write in a revision");
  }

  /** {@code from a.b import Name}: the class of a type declared by {@code @@type}. */
  private static boolean typeImport(PyStatement statement) {
    // A SQLAlchemy type class never comes from the standard library (typing, collections...).
    return statement instanceof PyStatement.FromImport from && !dev.sqlagen.naming.PythonModules.isStandard(from.module())
        && !from.module().equals("alembic") && from.names().stream().allMatch(n -> TYPE_CLASS.matcher(n).matches());
  }

  private static final java.util.regex.Pattern TYPE_CLASS = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static String importText(PyStatement statement) {
    if (statement instanceof PyStatement.Import i) {
      return "import " + i.module() + i.alias().map(a -> " as " + a).orElse("");
    }
    PyStatement.FromImport from = (PyStatement.FromImport) statement;
    return "from " + from.module() + " import " + String.join(", ", from.names());
  }

  private static String describe(PyStatement statement) {
    if (statement instanceof PyStatement.Import || statement instanceof PyStatement.FromImport) {
      return "the import '" + importText(statement) + "'";
    }
    if (statement instanceof PyStatement.Assign assign) {
      return "the assignment to " + Nodes.quote(assign.target());
    }
    if (statement instanceof PyStatement.Def def) {
      return "def " + def.name() + "()";
    }
    if (statement instanceof PyStatement.If) {
      return "an if statement at module level";
    }
    if (statement instanceof PyStatement.Expr expr) {
      return (expr.value() instanceof PyNode.Str ? "a second docstring" : Nodes.quote(expr.value())) + " at module level";
    }
    return "'pass' at module level";
  }

  private static void identifier(PyStatement.Assign assign, Map<String, PyNode> identifiers) {
    String name = ((PyNode.Name) assign.target()).id();
    if (identifiers.put(name, assign.value()) != null) {
      throw Unreadable.at(assign.target(), "a second assignment to " + name);
    }
    if (name.equals("revision")) {
      Nodes.string(assign.value(), "the revision id");
    } else if (!Nodes.isNone(assign.value())) {
      throw Unreadable.at(assign.value(), name.equals("down_revision")
          ? "down_revision is " + Nodes.quote(assign.value()) + ": this revision follows another, and only a first revision"
              + " (down_revision = None) can be read"
          : name + " is " + Nodes.quote(assign.value()) + ", where sqlagen writes None");
    }
  }

  /**
   * {@code def per_database(**sql: str) -> sa.TextClause:}, a docstring and
   * {@code return sa.text(sql.get(op.get_context().dialect.name, "NULL"))}: nothing else.
   */
  private static void perDatabase(PyStatement.Def def) {
    boolean signature = def.keywords().filter(k -> k.name().equals("sql") && k.annotation().canonical().equals("str")).isPresent()
        && def.returns().filter(r -> r.canonical().equals("sa.TextClause")).isPresent();
    List<PyStatement> body = def.body();
    boolean shape = body.size() == 2 && body.get(0) instanceof PyStatement.Expr doc && doc.value() instanceof PyNode.Str
        && body.get(1) instanceof PyStatement.Return ret && ret.value().canonical().equals(PER_DATABASE_RETURNS);
    if (!signature || !shape) {
      throw new Unreadable(def.start(), def.end(), "def " + PER_DATABASE + "() other than sqlagen writes it: "
          + "def " + PER_DATABASE + "(**sql: str) -> sa.TextClause, returning " + PER_DATABASE_RETURNS);
    }
  }

  /** The upgrade uses {@code sa} and {@code op}: sqlagen imports both. */
  private static void requireImports(Set<String> imported, PyStatement next) {
    if (!imported.contains("sa")) {
      throw new Unreadable(next.start(), next.end(), "the revision lacks 'import sqlalchemy as sa', which sqlagen always writes");
    }
    if (!imported.contains("op")) {
      throw new Unreadable(next.start(), next.end(), "the revision lacks 'from alembic import op', which sqlagen always writes");
    }
  }

  private static void requireIdentifiers(Map<String, PyNode> identifiers, int start, int end) {
    List<String> missing = new ArrayList<>(IDENTIFIERS);
    missing.removeAll(identifiers.keySet());
    if (!missing.isEmpty()) {
      throw new Unreadable(start, end, "the revision identifiers lack " + String.join(", ", missing) + ", which sqlagen always writes");
    }
  }

  /** An enum type variable, by its variable name, if it is one. */
  Optional<EnumVariable> enumVariable(String name) {
    return Optional.ofNullable(enums.get(name));
  }
}
