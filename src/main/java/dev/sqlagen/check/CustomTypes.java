package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Schema;
import dev.sqlagen.model.Value;
import dev.sqlagen.naming.PythonNames;
import dev.sqlagen.resolved.CustomType;
import dev.sqlagen.source.Span;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema's {@code @@type(Name, sql: "...", sqlalchemy: "module.Class(args)", python: "...",
 * sqlite: "module.Class")} declarations: the escape hatch for a type the language has no word for.
 */
final class CustomTypes {
  private static final String IDENT = "[A-Za-z_][A-Za-z0-9_]*";
  /** A literal argument: a number, a string, True, False or None, optionally as keyword=literal. */
  private static final String LITERAL = "(?:-?[0-9]+(?:\\.[0-9]+)?|\"[^\"\\\\]*\"|'[^'\\\\]*'|True|False|None)";
  private static final String ARG = "\\s*(?:" + IDENT + "\\s*=\\s*)?" + LITERAL + "\\s*";
  /** A dotted path to a class, and optionally a call of it with literal arguments. */
  private static final Pattern SQLALCHEMY = Pattern.compile(
      "(" + IDENT + "(?:\\." + IDENT + ")*)\\.(" + IDENT + ")(?:\\((" + "(?:" + ARG + "(?:," + ARG + ")*)?" + ")\\))?");
  /** A builtin annotation, possibly generic: {@code str}, {@code list[float]}, {@code dict[str, int]}. */
  private static final Pattern BUILTIN = Pattern.compile("(int|float|str|bool|bytes|list|dict|set|frozenset|tuple|object)(\\[[a-z\\[\\], ]+\\])?");
  private static final Set<String> BUILTIN_NAMES = Set.of("int", "float", "str", "bool", "bytes", "list", "dict", "set", "frozenset",
      "tuple", "object");
  private static final Pattern DOTTED = Pattern.compile(IDENT + "(?:\\." + IDENT + ")+");
  /** Names a revision binds itself: a type class imported there must not take one. */
  private static final Set<String> REVISION_NAMES = Set.of("sa", "op", "postgresql", "Sequence", "CreateSchema", "DropSchema",
      "revision", "down_revision", "branch_labels", "depends_on", "upgrade", "downgrade", "per_database");

  private CustomTypes() {}

  /** Every well-formed {@code @@type}, by name (declaration clashes are reported by {@link Declarations}). */
  static Map<String, Declared> read(Schema schema, Diagnostics diagnostics) {
    Map<String, Declared> types = new LinkedHashMap<>();
    Map<String, String> classes = new HashMap<>();
    for (Attribute attribute : schema.attributes()) {
      if (!attribute.name().text().equals("type")) {
        continue;
      }
      read(attribute, diagnostics).ifPresent(declared -> {
        String name = declared.type().name();
        Declared earlier = types.get(name);
        if (earlier != null) {
          diagnostics.report(Diagnostic.of(Code.DUPLICATE_DECLARATION, declared.span(),
              "'" + name + "' is already declared at " + earlier.span().location(), "rename one of them"));
          return;
        }
        if (!sameClass(declared.type().sqlalchemy(), classes, attribute, diagnostics)
            || declared.type().sqlite().map(s -> !sameClass(s, classes, attribute, diagnostics)).orElse(false)) {
          return;
        }
        types.put(name, declared);
      });
    }
    return types;
  }

  /** A declared type and where its name is written. */
  record Declared(CustomType type, Span span) {}

  /** Two type classes of one name from different modules would shadow each other's import. */
  private static boolean sameClass(CustomType.TypeRef ref, Map<String, String> classes, Attribute attribute, Diagnostics diagnostics) {
    String module = classes.putIfAbsent(ref.name(), ref.module());
    if (module != null && !module.equals(ref.module())) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.span(),
          "the type class '" + ref.name() + "' is imported from both " + module + " and " + ref.module(),
          "the generated modules import it by its name: use one of them"));
      return false;
    }
    return true;
  }

  private static Optional<Declared> read(Attribute attribute, Diagnostics diagnostics) {
    if (attribute.args().size() != 1 || !(attribute.args().get(0) instanceof Value.NameValue nameValue)) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT,
          attribute.args().isEmpty() ? attribute.span() : attribute.args().get(0).span(),
          "'@@type' takes the type's name first",
          "write @@type(Vector, sql: \"vector(3)\", sqlalchemy: \"pgvector.sqlalchemy.Vector(3)\", python: \"list[float]\")"));
      return Optional.empty();
    }
    String name = nameValue.name();
    boolean ok = true;
    if (ScalarTypes.NAMES.contains(name) || name.equals(Declarations.BASE_CLASS) || Declarations.HELPERS.contains(name)
        || !PythonNames.isValidClassName(name)) {
      diagnostics.report(Diagnostic.of(Code.RESERVED_NAME, nameValue.span(), "'" + name + "' cannot name a type",
          ScalarTypes.NAMES.contains(name) ? "'" + name + "' is a built-in type; choose another name, such as a PascalCase one"
              : "choose another name"));
      ok = false;
    }
    Optional<String> sql = string(attribute, "sql", true, "the type as PostgreSQL shows it, such as sql: \"vector(3)\"", diagnostics);
    Optional<CustomType.TypeRef> sqlalchemy = typeRef(attribute, "sqlalchemy", true, diagnostics);
    Optional<String> python = string(attribute, "python", true,
        "the Python type of the values, such as python: \"list[float]\" or python: \"ipaddress.IPv4Address\"", diagnostics);
    if (python.isPresent() && !validPython(python.get())) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.named("python").orElseThrow().span(),
          "'" + python.get() + "' is not a Python type sqlagen can write",
          "write a builtin such as str or list[float], or a dotted path such as ipaddress.IPv4Address"));
      python = Optional.empty();
    }
    Optional<CustomType.TypeRef> sqlite = Optional.empty();
    if (attribute.named("sqlite").isPresent()) {
      sqlite = typeRef(attribute, "sqlite", false, diagnostics);
      ok &= sqlite.isPresent();
    }
    if (!ok || sql.isEmpty() || sqlalchemy.isEmpty() || python.isEmpty()) {
      return Optional.empty();
    }
    if (sql.get().isBlank()) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.named("sql").orElseThrow().span(),
          "the SQL type text is empty", "write the type as PostgreSQL shows it, such as sql: \"vector(3)\""));
      return Optional.empty();
    }
    return Optional.of(new Declared(new CustomType(name, sql.get(), sqlalchemy.get(), python.get(), sqlite), nameValue.span()));
  }

  private static boolean validPython(String python) {
    if (BUILTIN.matcher(python).matches()) {
      return Pattern.compile("[a-z]+").matcher(python).results().allMatch(m -> BUILTIN_NAMES.contains(m.group()));
    }
    return DOTTED.matcher(python).matches() && keywordFree(python);
  }

  private static boolean keywordFree(String dotted) {
    for (String part : dotted.split("\\.")) {
      if (!PythonNames.isValidClassName(part)) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> string(Attribute attribute, String key, boolean required, String help, Diagnostics diagnostics) {
    Optional<Value> value = attribute.named(key);
    if (value.isEmpty()) {
      if (required) {
        diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.span(), "'@@type' needs " + key + ":", help));
      }
      return Optional.empty();
    }
    if (!(value.get() instanceof Value.StringValue s)) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, value.get().span(),
          "'" + key + ":' of '@@type' takes a string, not " + value.get().describe(), help));
      return Optional.empty();
    }
    return Optional.of(s.value());
  }

  private static final Pattern ONE_ARG = Pattern.compile("\\s*(?:(" + IDENT + ")\\s*=\\s*)?(" + LITERAL + ")\\s*,?");

  /** The arguments as a revision writes them (and reads them back): {@code 3, "x", k=True}. */
  private static String canonicalArgs(String args) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    Matcher m = ONE_ARG.matcher(args);
    while (m.find() && m.end() > m.start()) {
      String literal = m.group(2);
      if (literal.startsWith("'")) {
        literal = '"' + literal.substring(1, literal.length() - 1).replace("\"", "\\\"") + '"';
      }
      parts.add(m.group(1) == null ? literal : m.group(1) + "=" + literal);
    }
    return String.join(", ", parts);
  }

  private static Optional<CustomType.TypeRef> typeRef(Attribute attribute, String key, boolean required, Diagnostics diagnostics) {
    String help = key.equals("sqlite")
        ? "the SQLAlchemy type used on SQLite, such as sqlite: \"sqlalchemy.String\""
        : "the SQLAlchemy type as a dotted path, or a call of it with literal arguments, such as sqlalchemy: \"pgvector.sqlalchemy.Vector(3)\"";
    Optional<String> text = string(attribute, key, required, help, diagnostics);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = SQLALCHEMY.matcher(text.get().strip());
    if (!m.matches() || !keywordFree(m.group(1) + "." + m.group(2))) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.named(key).orElseThrow().span(),
          "'" + text.get() + "' is not a SQLAlchemy type sqlagen can write", help));
      return Optional.empty();
    }
    if (REVISION_NAMES.contains(m.group(2))) {
      diagnostics.report(Diagnostic.of(Code.BAD_ATTRIBUTE_ARGUMENT, attribute.named(key).orElseThrow().span(),
          "a type class named '" + m.group(2) + "' would shadow a name of the generated revisions", "import another class"));
      return Optional.empty();
    }
    Optional<String> args = Optional.ofNullable(m.group(3)).map(CustomTypes::canonicalArgs).filter(a -> !a.isEmpty());
    return Optional.of(new CustomType.TypeRef(m.group(1), m.group(2), args));
  }
}
