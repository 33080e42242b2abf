package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.diag.Suggestions;
import dev.sqlagen.model.TypeRef;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.ColumnType.Kind;
import java.util.Locale;
import java.util.Optional;

/** Resolves a written type to a column type or a model, checking its arguments. */
final class TypeResolver {
  /** Longest string length accepted: PostgreSQL's varchar limit. */
  private static final int MAX_LENGTH = 10_485_760;
  /** Largest decimal precision accepted: PostgreSQL's numeric limit. */
  private static final int MAX_PRECISION = 1000;

  private final Declarations declarations;
  private final Diagnostics diagnostics;

  TypeResolver(Declarations declarations, Diagnostics diagnostics) {
    this.declarations = declarations;
    this.diagnostics = diagnostics;
  }

  Optional<FieldType> resolve(TypeRef ref) {
    String name = ref.name().text();
    // Stray arguments are reported, but the type still resolves: no cascade of follow-up errors.
    if (declarations.models().containsKey(name)) {
      noArgs(ref);
      return Optional.of(new FieldType.ModelRef(name));
    }
    if (declarations.enums().containsKey(name)) {
      noArgs(ref);
      return Optional.of(new FieldType.Scalar(ColumnType.enumOf(name)));
    }
    if (declarations.customTypes().containsKey(name)) {
      if (!ref.args().isEmpty()) {
        badArgs(ref, "'" + name + "' is declared by @@type with its arguments: write them in its sqlalchemy: and sql:");
      }
      return Optional.of(new FieldType.Scalar(ColumnType.custom(declarations.customTypes().get(name))));
    }
    if (declarations.mixins().containsKey(name)) {
      diagnostics.report(
          Diagnostic.of(
              Code.UNKNOWN_TYPE,
              ref.name().span(),
              "'" + name + "' is a mixin, not a type",
              "a model uses a mixin's columns by naming it after ':', such as: model Customer : " + name + " { ... }"));
      return Optional.empty();
    }
    Kind kind = ScalarTypes.KINDS.get(name);
    if (kind == null) {
      diagnostics.report(
          Diagnostic.of(
              Code.UNKNOWN_TYPE,
              ref.name().span(),
              "unknown type '" + name + "'",
              suggestion(ref)
                  .orElse("declare 'model " + name + " { ... }' or 'enum " + name + " { ... }', or use a built-in type such as int or string(100)")));
      return Optional.empty();
    }
    return scalar(ref, kind).map(FieldType.Scalar::new);
  }

  /**
   * "did you mean" for an unknown type: a declared or built-in name that differs only in case,
   * then the built-in that a common SQL, Python or Prisma spelling stands for, then a near name.
   */
  private Optional<String> suggestion(TypeRef ref) {
    String name = ref.name().text();
    String lower = name.toLowerCase(Locale.ROOT);
    for (String known : declarations.typeNames()) {
      if (known.toLowerCase(Locale.ROOT).equals(lower)) {
        return Optional.of("did you mean '" + known + "'? type names are case-sensitive");
      }
    }
    ScalarTypes.Alias alias = ScalarTypes.ALIASES.get(lower);
    if (alias != null) {
      String type = alias.type();
      String written = type;
      boolean sized = type.equals("string") || type.equals("decimal") || type.equals("char");
      if (!ref.args().isEmpty() && sized) {
        written = type + "(" + String.join(", ", ref.args().stream().map(TypeResolver::text).toList()) + ")";
      } else if (type.equals("string")) {
        written = "string(255)";
      } else if (type.equals("char")) {
        written = "char(1)";
      }
      return Optional.of("did you mean '" + written + "'? it is " + alias.means());
    }
    return Optional.ofNullable(Suggestions.didYouMean(name, declarations.typeNames()));
  }

  private static String text(Value value) {
    if (value instanceof Value.NumberValue n) {
      return n.text();
    }
    if (value instanceof Value.NameValue n) {
      return n.name();
    }
    return "?";
  }

  private Optional<ColumnType> scalar(TypeRef ref, Kind kind) {
    return switch (kind) {
      case STRING, CHAR -> stringType(ref, kind);
      case DECIMAL -> decimalType(ref);
      case DATETIME -> datetimeType(ref);
      default -> {
        noArgs(ref);
        yield Optional.of(ColumnType.of(kind));
      }
    };
  }

  private Optional<ColumnType> stringType(TypeRef ref, Kind kind) {
    String name = kind == Kind.CHAR ? "char" : "string";
    if (ref.args().isEmpty()) {
      diagnostics.report(
          Diagnostic.of(
              Code.MISSING_LENGTH,
              ref.name().span(),
              name + " needs a length",
              kind == Kind.CHAR ? "write char(2) for CHAR(2), a fixed-length string"
                  : "write string(255), varchar for a VARCHAR without a length, or text for unbounded text"));
      return Optional.empty();
    }
    if (ref.args().size() != 1) {
      return badArgs(ref, name + " takes one length, such as " + name + "(" + (kind == Kind.CHAR ? 2 : 255) + ")");
    }
    return positive(ref.args().get(0), MAX_LENGTH, "length").map(kind == Kind.CHAR ? ColumnType::chars : ColumnType::string);
  }

  private Optional<ColumnType> decimalType(TypeRef ref) {
    if (ref.args().isEmpty()) {
      // PostgreSQL's numeric without a precision: any number of digits, kept exactly.
      return Optional.of(ColumnType.decimal());
    }
    if (ref.args().size() > 2) {
      return badArgs(ref, "decimal takes a precision and a scale, such as decimal(12, 2)");
    }
    Optional<Integer> precision = positive(ref.args().get(0), MAX_PRECISION, "precision");
    if (precision.isEmpty()) {
      return Optional.empty();
    }
    int scale = 0;
    if (ref.args().size() == 2) {
      Value arg = ref.args().get(1);
      Optional<Integer> parsed = number(arg).filter(s -> s <= precision.get());
      if (parsed.isEmpty()) {
        report(arg, "scale must be a whole number from 0 to the precision (" + precision.get() + ")", null);
        return Optional.empty();
      }
      scale = parsed.get();
    }
    return Optional.of(ColumnType.decimal(precision.get(), scale));
  }

  private Optional<ColumnType> datetimeType(TypeRef ref) {
    if (ref.args().isEmpty()) {
      return Optional.of(ColumnType.datetime(false));
    }
    Value arg = ref.args().get(0);
    if (ref.args().size() == 1 && arg instanceof Value.NameValue name && name.name().equals("tz")) {
      return Optional.of(ColumnType.datetime(true));
    }
    return badArgs(ref, "write datetime for a naive timestamp, datetime(tz) for a time-zone aware one");
  }

  private boolean noArgs(TypeRef ref) {
    if (ref.args().isEmpty()) {
      return true;
    }
    if (ref.name().text().equals("varchar") && ref.args().size() == 1) {
      badArgs(ref, "varchar is a VARCHAR without a length: write string(" + text(ref.args().get(0)) + ") for VARCHAR("
          + text(ref.args().get(0)) + ")");
      return false;
    }
    badArgs(ref, "'" + ref.name().text() + "' takes no arguments");
    return false;
  }

  private Optional<Integer> positive(Value arg, int max, String what) {
    Optional<Integer> parsed = number(arg).filter(n -> n >= 1 && n <= max);
    if (parsed.isEmpty()) {
      report(arg, what + " must be a whole number from 1 to " + max, null);
    }
    return parsed;
  }

  private static Optional<Integer> number(Value arg) {
    if (arg instanceof Value.NumberValue n && n.isInteger() && n.text().length() <= 9) {
      return Optional.of(Integer.parseInt(n.text()));
    }
    return Optional.empty();
  }

  private <T> Optional<T> badArgs(TypeRef ref, String help) {
    diagnostics.report(
        Diagnostic.of(
            Code.BAD_TYPE_ARGUMENT,
            ref.name().span(),
            "wrong arguments for type '" + ref.name().text() + "'",
            help));
    return Optional.empty();
  }

  private void report(Value arg, String message, String help) {
    diagnostics.report(Diagnostic.of(Code.BAD_TYPE_ARGUMENT, arg.span(), message, help));
  }
}
