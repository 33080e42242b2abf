package dev.sqlagen.history;

import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.state.EnumState;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one {@code sa.Column(...)} of {@code op.create_table()}: its name, type (an enum type by
 * its variable), identity or computed expression, server default, nullability, comment and, where
 * sqlagen writes it, {@code autoincrement=}.
 */
final class ColumnReader {
  /** A number as the schema language writes one: what a literal default becomes in the database. */
  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private ColumnReader() {}

  /**
   * @param enumType the enum type a variable holds, once created; it reports a variable that is
   *     not one, or not created yet
   */
  static ColumnDraft read(PyNode.Call call, Function<PyNode.Name, EnumState> enumType) {
    return read(call, enumType, Map.of());
  }

  /** @param typeClasses the classes of {@code @@type}s the revision imports ({@code from module import Name}) */
  static ColumnDraft read(PyNode.Call call, Function<PyNode.Name, EnumState> enumType, Map<String, String> typeClasses) {
    Nodes.positional(call, 2, 4);
    Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("nullable", "server_default", "comment", "autoincrement"), "nullable");
    String name = Nodes.string(call.args().get(0), "the column's name");
    PyNode typeNode = call.args().get(1);
    boolean withVariant = typeNode instanceof PyNode.Call typeCall && typeCall.callee() instanceof PyNode.Attribute attribute
        && attribute.name().equals("with_variant");
    // A PostgreSQL type with a portable one on SQLite (jsonb, inet, arrays...), or the SQLite
    // INTEGER of an autoincrementing key: only the latter counts as the key's variant.
    boolean portableCall = withVariant && Nodes.callee(((PyNode.Attribute) ((PyNode.Call) typeNode).callee()).target()).startsWith("postgresql.");
    PyNode typeBase = withVariant ? ((PyNode.Attribute) ((PyNode.Call) typeNode).callee()).target() : typeNode;
    boolean custom = typeBase instanceof PyNode.Call baseCall && baseCall.callee() instanceof PyNode.Name className
        && typeClasses.containsKey(className.id());
    boolean portable = portableCall && !custom;
    boolean variant = withVariant && !portable && !custom;
    Optional<EnumState> enumState = typeNode instanceof PyNode.Name variable ? Optional.of(enumType.apply(variable)) : Optional.empty();
    ColumnType type = enumState.map(e -> ColumnType.enumOf(e.name()))
        .orElseGet(() -> custom ? customType(typeNode, withVariant, typeClasses) : portable ? portableType((PyNode.Call) typeNode) : variant ? variantType((PyNode.Call) typeNode) : type(typeNode));
    Optional<IdentityKind> identity = Optional.empty();
    Optional<String> computed = Optional.empty();
    for (PyNode option : call.args().subList(2, call.args().size())) {
      if (Nodes.isCall(option, "sa.Identity") && identity.isEmpty() && computed.isEmpty()) {
        identity = Optional.of(identity((PyNode.Call) option));
      } else if (Nodes.isCall(option, "sa.Computed") && identity.isEmpty() && computed.isEmpty()) {
        computed = Optional.of(computed((PyNode.Call) option));
      } else {
        throw Unreadable.at(option, Nodes.quote(option) + " as a column's " + (identity.isPresent() || computed.isPresent() ? "second " : "")
            + "value source, which sqlagen does not write");
      }
    }
    Optional<ColumnDefault> serverDefault = Optional.empty();
    if (keywords.containsKey("server_default")) {
      PyNode value = keywords.get("server_default");
      if (identity.isPresent() || computed.isPresent()) {
        throw Unreadable.at(value, "a server default on a column that is " + (identity.isPresent() ? "an identity" : "computed"));
      }
      serverDefault = Optional.of(serverDefault(value, type, enumState));
    }
    return new ColumnDraft(
        name,
        type,
        variant,
        Nodes.bool(keywords.get("nullable"), "nullable"),
        serverDefault,
        identity,
        computed,
        Nodes.keyword(keywords, "comment").map(c -> Nodes.string(c, "the column's comment")),
        Nodes.keyword(keywords, "autoincrement").map(a -> Nodes.bool(a, "autoincrement")),
        call,
        typeNode);
  }

  /** The type as autogenerate writes it: {@code sa.String(length=255)}, or an enum variable. */
  private static ColumnType type(PyNode node) {
    String callee = Nodes.callee(node);
    ColumnType.Kind kind = switch (callee) {
      case "sa.Integer" -> ColumnType.Kind.INT;
      case "sa.BigInteger" -> ColumnType.Kind.BIGINT;
      case "sa.SmallInteger" -> ColumnType.Kind.SMALLINT;
      case "sa.String" -> ColumnType.Kind.STRING;
      case "sa.Text" -> ColumnType.Kind.TEXT;
      case "sa.Boolean" -> ColumnType.Kind.BOOL;
      case "sa.Double" -> ColumnType.Kind.FLOAT;
      case "sa.REAL" -> ColumnType.Kind.REAL;
      case "sa.CHAR" -> ColumnType.Kind.CHAR;
      case "sa.Numeric" -> ColumnType.Kind.DECIMAL;
      case "sa.Date" -> ColumnType.Kind.DATE;
      case "sa.DateTime" -> ColumnType.Kind.DATETIME;
      case "sa.Time" -> ColumnType.Kind.TIME;
      case "sa.Interval" -> ColumnType.Kind.INTERVAL;
      case "sa.Uuid" -> ColumnType.Kind.UUID;
      case "sa.JSON" -> ColumnType.Kind.JSON;
      case "sa.LargeBinary" -> ColumnType.Kind.BYTES;
      default -> throw Unreadable.at(node, Nodes.quote(node) + " as a column type, which sqlagen does not write");
    };
    PyNode.Call call = (PyNode.Call) node;
    Nodes.positional(call, 0, 0);
    return switch (kind) {
      case STRING, CHAR -> {
        Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("length"));
        if (!keywords.containsKey("length") && kind == ColumnType.Kind.STRING) {
          yield ColumnType.of(ColumnType.Kind.VARCHAR);
        }
        PyNode length = Nodes.keywords(call, Set.of("length"), "length").get("length");
        int value = Nodes.integer(length, "the length of " + callee + "()");
        if (value < 1) {
          throw Unreadable.at(length, "a string of length 0");
        }
        yield kind == ColumnType.Kind.CHAR ? ColumnType.chars(value) : ColumnType.string(value);
      }
      case DECIMAL -> {
        if (call.args().isEmpty() && call.keywords().isEmpty()) {
          yield ColumnType.decimal();
        }
        Map<String, PyNode> keywords = Nodes.keywords(call, Set.of("precision", "scale"), "precision", "scale");
        int precision = Nodes.integer(keywords.get("precision"), "the precision of sa.Numeric()");
        int scale = Nodes.integer(keywords.get("scale"), "the scale of sa.Numeric()");
        if (precision < 1 || scale > precision) {
          throw Unreadable.at(call, "sa.Numeric(precision=" + precision + ", scale=" + scale + "), which no decimal column has");
        }
        yield ColumnType.decimal(precision, scale);
      }
      case DATETIME -> ColumnType.datetime(Nodes.keyword(Nodes.keywords(call, Set.of("timezone")), "timezone")
          .map(tz -> Nodes.bool(tz, "timezone")).orElse(false));
      default -> {
        Nodes.keywords(call, Set.of());
        yield ColumnType.of(kind);
      }
    };
  }

  /**
   * A PostgreSQL type with its portable type on SQLite, as sqlagen writes them:
   * {@code postgresql.JSONB().with_variant(sa.JSON(), "sqlite")}, {@code postgresql.INET()} and
   * {@code postgresql.CIDR()} with {@code sa.String()}, {@code postgresql.TSVECTOR()} and
   * {@code postgresql.CITEXT()} with {@code sa.Text()}, {@code postgresql.ARRAY(element)} with
   * {@code sa.JSON()}.
   */
  private static ColumnType portableType(PyNode.Call call) {
    PyNode.Call base = (PyNode.Call) ((PyNode.Attribute) call.callee()).target();
    String callee = Nodes.callee(base);
    Nodes.keywords(base, Set.of());
    ColumnType type;
    String sqliteType;
    if (callee.equals("postgresql.ARRAY")) {
      Nodes.positional(base, 1, 1);
      PyNode element = base.args().get(0);
      ColumnType elementType = Nodes.callee(element).startsWith("postgresql.") ? postgresElement(element) : type(element);
      if (!ColumnType.canBeArrayElement(elementType.kind())) {
        throw Unreadable.at(element, "an array of " + Nodes.quote(element) + ", which sqlagen does not write");
      }
      type = elementType.arrayOf();
      sqliteType = "sa.JSON";
    } else {
      Nodes.positional(base, 0, 0);
      ColumnType.Kind kind = switch (callee) {
        case "postgresql.JSONB" -> ColumnType.Kind.JSONB;
        case "postgresql.INET" -> ColumnType.Kind.INET;
        case "postgresql.CIDR" -> ColumnType.Kind.CIDR;
        case "postgresql.TSVECTOR" -> ColumnType.Kind.TSVECTOR;
        case "postgresql.CITEXT" -> ColumnType.Kind.CITEXT;
        default -> throw Unreadable.at(base, Nodes.quote(base) + " as a column type, which sqlagen does not write");
      };
      type = ColumnType.of(kind);
      sqliteType = switch (kind) {
        case JSONB -> "sa.JSON";
        case INET, CIDR -> "sa.String";
        default -> "sa.Text";
      };
    }
    Nodes.positional(call, 2, 2);
    Nodes.keywords(call, Set.of());
    PyNode.Call portable = Nodes.call(call.args().get(0), sqliteType, "the SQLite variant of " + callee + "()");
    Nodes.positional(portable, 0, 0);
    Nodes.keywords(portable, Set.of());
    if (!Nodes.string(call.args().get(1), "the variant's dialect").equals("sqlite")) {
      throw Unreadable.at(call.args().get(1), "a variant for " + call.args().get(1).canonical() + ", where sqlagen writes one for \"sqlite\"");
    }
    return type;
  }

  /**
   * A type of {@code @@type}: {@code Name(literal, ...)}, with {@code .with_variant(Other(...), "sqlite")}
   * when it has a SQLite type, each class imported from its module.
   */
  private static ColumnType customType(PyNode node, boolean withVariant, Map<String, String> typeClasses) {
    if (!withVariant) {
      return ColumnType.custom(dev.sqlagen.resolved.CustomType.readBack(typeRef(node, typeClasses), Optional.empty()));
    }
    PyNode.Call call = (PyNode.Call) node;
    PyNode base = ((PyNode.Attribute) call.callee()).target();
    Nodes.positional(call, 2, 2);
    Nodes.keywords(call, Set.of());
    if (!Nodes.string(call.args().get(1), "the variant's dialect").equals("sqlite")) {
      throw Unreadable.at(call.args().get(1), "a variant for " + call.args().get(1).canonical() + ", where sqlagen writes one for \"sqlite\"");
    }
    return ColumnType.custom(dev.sqlagen.resolved.CustomType.readBack(typeRef(base, typeClasses),
        Optional.of(typeRef(call.args().get(0), typeClasses))));
  }

  private static dev.sqlagen.resolved.CustomType.TypeRef typeRef(PyNode node, Map<String, String> typeClasses) {
    if (!(node instanceof PyNode.Call call && call.callee() instanceof PyNode.Name name && typeClasses.containsKey(name.id()))) {
      throw Unreadable.at(node, Nodes.quote(node) + " as a custom column type, where sqlagen writes a class the revision imports, called");
    }
    for (PyNode arg : call.args()) {
      literal(arg);
    }
    call.keywords().forEach(k -> literal(k.value()));
    String canonical = call.canonical();
    String args = canonical.substring(name.id().length() + 1, canonical.length() - 1);
    return new dev.sqlagen.resolved.CustomType.TypeRef(typeClasses.get(name.id()), name.id(),
        args.isEmpty() ? Optional.empty() : Optional.of(args));
  }

  private static void literal(PyNode node) {
    boolean literal = node instanceof PyNode.Num || node instanceof PyNode.Str
        || node instanceof PyNode.Name n && (n.id().equals("True") || n.id().equals("False") || n.id().equals("None"));
    if (!literal) {
      throw Unreadable.at(node, Nodes.quote(node) + " as an argument of a custom column type, where sqlagen writes literals");
    }
  }

  /** {@code postgresql.INET()} and the like as an array's element. */
  private static ColumnType postgresElement(PyNode node) {
    PyNode.Call call = (PyNode.Call) node;
    Nodes.positional(call, 0, 0);
    Nodes.keywords(call, Set.of());
    return ColumnType.of(switch (Nodes.callee(node)) {
      case "postgresql.CITEXT" -> ColumnType.Kind.CITEXT;
      case "postgresql.INET" -> ColumnType.Kind.INET;
      case "postgresql.CIDR" -> ColumnType.Kind.CIDR;
      default -> throw Unreadable.at(node, Nodes.quote(node) + " as an array's element type, which sqlagen does not write");
    });
  }

  /** {@code sa.BigInteger().with_variant(sa.Integer(), "sqlite")}: SQLite numbers only an INTEGER key. */
  private static ColumnType variantType(PyNode.Call call) {
    PyNode base = ((PyNode.Attribute) call.callee()).target();
    if (!(Nodes.isCall(base, "sa.BigInteger") || Nodes.isCall(base, "sa.SmallInteger"))) {
      throw Unreadable.at(base, ".with_variant() on " + Nodes.quote(base) + ", where sqlagen writes it on sa.BigInteger() or sa.SmallInteger()");
    }
    Nodes.positional((PyNode.Call) base, 0, 0);
    Nodes.keywords((PyNode.Call) base, Set.of());
    Nodes.positional(call, 2, 2);
    Nodes.keywords(call, Set.of());
    PyNode.Call integer = Nodes.call(call.args().get(0), "sa.Integer", "the variant type");
    Nodes.positional(integer, 0, 0);
    Nodes.keywords(integer, Set.of());
    if (!Nodes.string(call.args().get(1), "the variant's dialect").equals("sqlite")) {
      throw Unreadable.at(call.args().get(1), "a variant for " + call.args().get(1).canonical() + ", where sqlagen writes one for \"sqlite\"");
    }
    return ColumnType.of(Nodes.isCall(base, "sa.BigInteger") ? ColumnType.Kind.BIGINT : ColumnType.Kind.SMALLINT);
  }

  private static IdentityKind identity(PyNode.Call call) {
    Nodes.positional(call, 0, 0);
    PyNode always = Nodes.keywords(call, Set.of("always"), "always").get("always");
    return Nodes.bool(always, "always") ? IdentityKind.ALWAYS : IdentityKind.BY_DEFAULT;
  }

  private static String computed(PyNode.Call call) {
    Nodes.positional(call, 1, 1);
    PyNode persisted = Nodes.keywords(call, Set.of("persisted"), "persisted").get("persisted");
    if (!Nodes.bool(persisted, "persisted")) {
      throw Unreadable.at(persisted, "a computed column that is not persisted, which sqlagen does not write");
    }
    return Nodes.string(call.args().get(0), "the computed column's expression");
  }

  /**
   * A server default: {@code now()} as the column type asks, a SQL expression ({@code sa.text}),
   * and the literal forms that are coming: a number as {@code sa.text("12.50")}, a string (an
   * enum value on an enum column), {@code sa.true()} and {@code sa.false()}.
   */
  private static ColumnDefault serverDefault(PyNode node, ColumnType type, Optional<EnumState> enumState) {
    if (node instanceof PyNode.Str str) {
      if (enumState.isEmpty()) {
        return new ColumnDefault.Text(str.value());
      }
      if (!enumState.get().values().contains(str.value())) {
        throw Unreadable.at(node, "the default " + Nodes.quote(node) + ", which is no value of the enum type " + enumState.get().name());
      }
      return new ColumnDefault.EnumMember(enumState.get().name(), str.value());
    }
    String callee = Nodes.callee(node);
    String now = switch (type.kind()) {
      case DATE -> "sa.func.current_date";
      case TIME -> "sa.func.current_time";
      case DATETIME -> "sa.func.now";
      default -> "";
    };
    boolean isNow = !now.isEmpty() && callee.equals(now);
    if (isNow || callee.equals("sa.true") || callee.equals("sa.false")) {
      Nodes.positional((PyNode.Call) node, 0, 0);
      Nodes.keywords((PyNode.Call) node, Set.of());
      return isNow ? new ColumnDefault.Now() : new ColumnDefault.Bool(callee.equals("sa.true"));
    }
    if (callee.equals(RevisionModule.PER_DATABASE)) {
      PyNode.Call call = (PyNode.Call) node;
      Nodes.positional(call, 0, 0);
      Map<String, PyNode> sql = Nodes.keywords(call, Set.of("postgresql", "sqlite"));
      if (sql.isEmpty()) {
        throw Unreadable.at(node, Nodes.quote(node) + " names no database, where sqlagen writes postgresql= or sqlite=");
      }
      return new ColumnDefault.PerDatabase(
          Optional.ofNullable(sql.get("postgresql")).map(v -> Nodes.string(v, "PostgreSQL's server default")),
          Optional.ofNullable(sql.get("sqlite")).map(v -> Nodes.string(v, "SQLite's server default")));
    }
    if (callee.equals("sa.text")) {
      PyNode.Call call = (PyNode.Call) node;
      Nodes.positional(call, 1, 1);
      Nodes.keywords(call, Set.of());
      String sql = Nodes.string(call.args().get(0), "the server default's SQL");
      return NUMBER.matcher(sql).matches() ? new ColumnDefault.Number(sql) : new ColumnDefault.Sql(sql);
    }
    if (callee.startsWith("sa.func.")) {
      throw Unreadable.at(node, Nodes.quote(node) + " as the server default of a " + type.kind().name().toLowerCase(Locale.ROOT)
          + " column" + (now.isEmpty() ? ", which sqlagen does not write" : ", where sqlagen writes " + now + "()"));
    }
    throw Unreadable.at(node, Nodes.quote(node) + " as a server default, which sqlagen does not write");
  }
}
