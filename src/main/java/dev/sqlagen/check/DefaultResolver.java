package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.EnumDecl;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.ColumnType.Kind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Checks a field's {@code = value} against its column type. Literals and enum members become
 * Python-side defaults; {@code uuid4()} a Python factory; {@code now()} and {@code sql("...")}
 * server defaults.
 */
final class DefaultResolver {
  private final Declarations declarations;
  private final Diagnostics diagnostics;

  DefaultResolver(Declarations declarations, Diagnostics diagnostics) {
    this.declarations = declarations;
    this.diagnostics = diagnostics;
  }

  Optional<ColumnDefault> resolve(Value value, ColumnType type) {
    if (type.array() && !(value instanceof Value.CallValue call && call.function().equals("sql"))) {
      return fail(value, "an array's default is a SQL expression", "write = sql(\"...\"), such as = sql(\"'{}'\") on PostgreSQL");
    }
    if (value instanceof Value.NumberValue number) {
      return number(number, type);
    }
    if (value instanceof Value.StringValue string) {
      return string(string, type);
    }
    if (value instanceof Value.NameValue name) {
      return name(name, type);
    }
    return call((Value.CallValue) value, type);
  }

  private Optional<ColumnDefault> number(Value.NumberValue number, ColumnType type) {
    if (type.isInteger()) {
      if (!number.isInteger()) {
        return fail(number, number.text() + " is not a whole number, and " + describe(type) + " holds whole numbers", null);
      }
      java.math.BigInteger value = new java.math.BigInteger(number.text());
      int bits = switch (type.kind()) {
        case SMALLINT -> 16;
        case BIGINT -> 64;
        default -> 32;
      };
      if (value.bitLength() >= bits) {
        return fail(number, "default " + number.text() + " is out of range for " + describe(type) + " (" + bits + "-bit)", null);
      }
      return Optional.of(new ColumnDefault.Number(number.text()));
    }
    if (type.kind() == Kind.FLOAT || type.kind() == Kind.REAL) {
      return Optional.of(new ColumnDefault.Number(number.text()));
    }
    if (type.isUnconstrainedDecimal()) {
      return Optional.of(new ColumnDefault.Number(number.text()));
    }
    if (type.kind() == Kind.DECIMAL) {
      // Trailing zeros add no precision: 12.0 fits decimal(5).
      BigDecimal value = new BigDecimal(number.text()).stripTrailingZeros();
      int scale = Math.max(0, value.scale());
      // Digits before the point; zero (0, 0.0) has none, so it fits decimal(2, 2).
      int integerDigits = value.signum() == 0 ? 0 : Math.max(0, value.precision() - value.scale());
      if (scale > type.scale() || integerDigits > type.precision() - type.scale()) {
        return fail(number, "default " + number.text() + " does not fit decimal(" + type.precision() + ", " + type.scale() + ")", null);
      }
      return Optional.of(new ColumnDefault.Number(number.text()));
    }
    return fail(number, "a number cannot be the default of " + describe(type), hintFor(type));
  }

  private Optional<ColumnDefault> string(Value.StringValue string, ColumnType type) {
    if (type.kind() == Kind.STRING || type.kind() == Kind.TEXT || type.kind() == Kind.CHAR || type.kind() == Kind.VARCHAR
        || type.kind() == Kind.CITEXT) {
      // The default is the database's too: no database stores NUL, nor half a UTF-16 pair.
      if (string.value().indexOf('\0') >= 0) {
        return fail(string, "a default cannot hold a NUL character (\\0): no database stores it", "remove the \\0");
      }
      if (hasUnpairedSurrogate(string.value())) {
        return fail(string, "a default cannot hold half of a surrogate pair: it is no character",
            "write the character itself, or both halves: \\uD83D\\uDE00 is one character");
      }
      int length = string.value().codePointCount(0, string.value().length());
      if ((type.kind() == Kind.STRING || type.kind() == Kind.CHAR) && length > type.length()) {
        return fail(string, "default is " + length + " characters, longer than " + type.spelling(), null);
      }
      return Optional.of(new ColumnDefault.Text(string.value()));
    }
    return fail(string, "a string cannot be the default of " + describe(type), hintFor(type));
  }

  private static boolean hasUnpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private Optional<ColumnDefault> name(Value.NameValue name, ColumnType type) {
    String text = name.name();
    if (type.kind() == Kind.BOOL && (text.equals("true") || text.equals("false"))) {
      return Optional.of(new ColumnDefault.Bool(text.equals("true")));
    }
    if (type.kind() == Kind.ENUM) {
      String enumName = type.enumName().orElseThrow();
      EnumDecl decl = declarations.enums().get(enumName);
      List<String> members = decl.memberNames();
      if (members.contains(text)) {
        return Optional.of(new ColumnDefault.EnumMember(enumName, text));
      }
      diagnostics.report(
          Diagnostic.of(
              Code.UNKNOWN_ENUM_MEMBER,
              name.span(),
              "'" + text + "' is not a member of enum " + enumName,
              Optional.ofNullable(Suggestions.didYouMean(text, members))
                  .orElse("members are: " + String.join(", ", members))));
      return Optional.empty();
    }
    return fail(name, "'" + text + "' cannot be the default of " + describe(type), hintFor(type));
  }

  private Optional<ColumnDefault> call(Value.CallValue call, ColumnType type) {
    String function = call.function();
    switch (function) {
      case "now" -> {
        if (!call.args().isEmpty()) {
          return fail(call, "now() takes no arguments", null);
        }
        if (type.kind() == Kind.DATETIME || type.kind() == Kind.DATE || type.kind() == Kind.TIME) {
          return Optional.of(new ColumnDefault.Now());
        }
        return fail(call, "now() is the default of a date, time or datetime field, not " + describe(type), hintFor(type));
      }
      case "uuid4" -> {
        if (!call.args().isEmpty()) {
          return fail(call, "uuid4() takes no arguments", null);
        }
        if (type.kind() == Kind.UUID) {
          return Optional.of(new ColumnDefault.UuidFactory());
        }
        return fail(call, "uuid4() is the default of a uuid field, not " + describe(type), hintFor(type));
      }
      case "sql" -> {
        if (!call.named().isEmpty()) {
          return perDatabase(call);
        }
        if (call.args().size() == 1 && call.args().get(0) instanceof Value.StringValue sql && !sql.value().isBlank()) {
          return Optional.of(new ColumnDefault.Sql(sql.value()));
        }
        return fail(call, "sql() takes one string of SQL", "for example: = sql(\"CURRENT_DATE\")");
      }
      case "python" -> {
        // A literal that only SQLAlchemy applies: default= without server_default=.
        if (call.args().size() != 1 || call.args().get(0) instanceof Value.CallValue) {
          return fail(call, "python() takes one literal value: a number, a string, true, false or an enum member",
              "for example: = python(0); uuid4() is a Python-side default already");
        }
        return resolve(call.args().get(0), type).map(ColumnDefault.PythonOnly::new);
      }
      default -> {
        return fail(
            call,
            "unknown default function '" + function + "()'",
            Optional.ofNullable(Suggestions.nearest(function, List.of("now", "uuid4", "sql", "python")).map(s -> "did you mean '" + s + "()'?").orElse(null))
                .orElse("defaults may call now(), uuid4(), sql(\"...\") or python(value)"));
      }
    }
  }

  /** {@code sql(postgresql: "...", sqlite: "...")}; NamedArguments reports unknown names. */
  private Optional<ColumnDefault> perDatabase(Value.CallValue call) {
    if (!call.args().isEmpty()) {
      return fail(call.args().get(0), "sql() takes either one string of SQL or one per database, not both",
          "write = sql(\"...\") for every database, or = sql(postgresql: \"...\", sqlite: \"...\")");
    }
    Optional<String> postgresql = sqlText(call, "postgresql");
    Optional<String> sqlite = sqlText(call, "sqlite");
    // An unknown name is NamedArguments' SQD076 already.
    boolean bad = call.named().stream().anyMatch(arg -> !(arg.value() instanceof Value.StringValue s) || s.value().isBlank()
        || !NamedArguments.CALL.get("sql").contains(arg.key().text()));
    if (bad || (postgresql.isEmpty() && sqlite.isEmpty())) {
      return bad ? Optional.empty() : fail(call, "sql() names no database it knows", "write = sql(postgresql: \"...\", sqlite: \"...\")");
    }
    return Optional.of(new ColumnDefault.PerDatabase(postgresql, sqlite));
  }

  private Optional<String> sqlText(Value.CallValue call, String database) {
    Optional<Value> value = call.namedArg(database);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof Value.StringValue sql && !sql.value().isBlank()) {
      return Optional.of(sql.value());
    }
    fail(value.get(), "'" + database + ":' takes one string of SQL", "for example: " + database + ": \"CURRENT_DATE\"");
    return Optional.empty();
  }

  private static String describe(ColumnType type) {
    return type.kind() == Kind.ENUM && !type.array() ? "enum " + type.enumName().orElseThrow() : type.spelling();
  }

  private static String hintFor(ColumnType type) {
    return switch (type.kind()) {
      case STRING, TEXT, CHAR, VARCHAR, CITEXT -> "string defaults are quoted: = \"draft\"";
      case BOOL -> "write = true or = false";
      case INT, BIGINT, SMALLINT, FLOAT, REAL, DECIMAL -> "write a number, such as = 0";
      case ENUM -> "write a member of the enum, such as = " + "pending";
      case DATE, TIME, DATETIME -> "write = now(), or = sql(\"...\") for another SQL expression";
      case UUID -> "write = uuid4()";
      default -> "write = sql(\"...\") for a SQL expression the database evaluates";
    };
  }

  private Optional<ColumnDefault> fail(Value value, String message, String help) {
    diagnostics.report(Diagnostic.of(Code.BAD_DEFAULT, value.span(), message, help));
    return Optional.empty();
  }
}
