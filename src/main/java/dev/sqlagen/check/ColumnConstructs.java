package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.ColumnDefault;
import dev.sqlagen.resolved.ColumnOptions;
import dev.sqlagen.resolved.ColumnOptions.IdentityKind;
import dev.sqlagen.resolved.ColumnType;
import dev.sqlagen.resolved.ColumnType.Kind;
import java.util.Optional;

/**
 * Checks a column's {@code @check("sql")}, {@code @onupdate(value)}, {@code @identity} and
 * {@code @computed("sql")} against its type, key and default.
 */
final class ColumnConstructs {
  private final Diagnostics diagnostics;
  private final DefaultResolver defaults;

  ColumnConstructs(Diagnostics diagnostics, DefaultResolver defaults) {
    this.diagnostics = diagnostics;
    this.defaults = defaults;
  }

  /** The SQL of {@code @check("sql")}, if given and well formed. */
  Optional<String> check(FieldAttributes attributes) {
    return attributes.attribute("check").flatMap(attribute -> sqlArgument(attribute, Code.BAD_CHECK, "write @check(\"qty > 0\")"));
  }

  ColumnOptions options(Field field, FieldAttributes attributes, ColumnType type, boolean soleKey) {
    Optional<String> computed = attributes.attribute("computed").flatMap(a -> computed(a, field, attributes));
    Optional<IdentityKind> identity = attributes.attribute("identity").flatMap(a -> identity(a, field, attributes, type, soleKey));
    Optional<ColumnDefault> onUpdate = attributes.attribute("onupdate").flatMap(a -> onUpdate(a, type));
    Optional<Boolean> autoincrement = attributes.attribute("autoincrement")
        .flatMap(a -> autoincrement(a, field, attributes, type, soleKey, identity.isPresent()));
    if (computed.isPresent() && (identity.isPresent() || onUpdate.isPresent())) {
      Attribute other = attributes.attribute(identity.isPresent() ? "identity" : "onupdate").orElseThrow();
      diagnostics.report(
          Diagnostic.of(
              Code.BAD_COMPUTED,
              other.span(),
              "a computed column cannot also have '@" + other.name().text() + "'",
              "the database computes its value from the expression alone; remove one of them"));
      return new ColumnOptions(Optional.empty(), Optional.empty(), computed);
    }
    return new ColumnOptions(onUpdate, identity, computed, autoincrement);
  }

  /**
   * {@code @autoincrement(false)}: the single integer key that would be numbered is not (no SERIAL).
   * {@code @autoincrement} on a column of a composite key is reported as not supported yet. Empty
   * where the attribute changes nothing (reported) or is wrong (reported).
   */
  private Optional<Boolean> autoincrement(
      Attribute attribute, Field field, FieldAttributes attributes, ColumnType type, boolean soleKey, boolean identity) {
    Optional<Boolean> flag = attribute.args().isEmpty() ? Optional.of(true) : FieldAttributes.flag(attribute);
    if (flag.isEmpty()) {
      return flag; // reported by FieldAttributes
    }
    String written = flag.get() ? "'@autoincrement'" : "'@autoincrement(false)'";
    if (!attributes.primaryKey() || !type.isInteger()) {
      return fail(Code.BAD_AUTOINCREMENT, attribute.span(), written + " is for an integer primary-key column"
              + (attributes.primaryKey() ? ", not " + field.type().name().text() : ""),
          "only an int, bigint or smallint column of the primary key can be numbered by the database");
    }
    if (identity) {
      return fail(Code.BAD_AUTOINCREMENT, attribute.span(), written + " on an identity column",
          "@identity numbers the column already; remove one of them");
    }
    if (flag.get() && soleKey) {
      diagnostics.report(Diagnostic.of(Code.REDUNDANT_ATTRIBUTE, attribute.span(),
          "'@autoincrement' has no effect on a single integer primary key", "it auto-increments already; remove '@autoincrement'"));
      return Optional.empty();
    }
    if (!flag.get() && !soleKey) {
      diagnostics.report(Diagnostic.of(Code.REDUNDANT_ATTRIBUTE, attribute.span(),
          "'@autoincrement(false)' has no effect on a column of a composite primary key",
          "no column of a composite key auto-increments; remove '@autoincrement(false)'"));
      return Optional.empty();
    }
    if (flag.get()) {
      // SQLAlchemy's SQLite compiler refuses it: "SQLite does not support autoincrement for composite primary keys".
      return fail(Code.BAD_AUTOINCREMENT, attribute.span(), "'@autoincrement' on a column of a composite primary key is not supported yet",
          "SQLite cannot number a column of a composite key (SQLAlchemy refuses the CREATE TABLE); give its values in the application");
    }
    return flag;
  }

  private Optional<String> computed(Attribute attribute, Field field, FieldAttributes attributes) {
    Optional<String> sql = sqlArgument(attribute, Code.BAD_COMPUTED, "write @computed(\"price * qty\")");
    if (sql.isEmpty()) {
      return sql;
    }
    Optional<Value> stored = attribute.named("stored");
    if (stored.isPresent() && !(stored.get() instanceof Value.NameValue flag && flag.name().matches("true|false"))) {
      return fail(Code.BAD_ATTRIBUTE_ARGUMENT, stored.get().span(), "'stored:' takes true or false",
          "write @computed(\"sql\") (STORED) or @computed(\"sql\", stored: false) (VIRTUAL)");
    }
    if (stored.isPresent() && ((Value.NameValue) stored.get()).name().equals("false")) {
      // PostgreSQL has VIRTUAL generated columns from version 18 only, and SQLAlchemy 2.0 refuses
      // them on PostgreSQL whatever its version (CompileError), 2.1 before PostgreSQL 18.
      return fail(Code.UNSUPPORTED_VIRTUAL_COLUMN, stored.get().span(), "a VIRTUAL computed column is not supported yet",
          "PostgreSQL has VIRTUAL generated columns from version 18 only, and SQLAlchemy 2.0 refuses them on PostgreSQL;"
              + " remove 'stored: false' for a STORED column, which every supported database has");
    }
    if (attributes.primaryKey()) {
      return fail(Code.BAD_COMPUTED, attribute, "a primary key cannot be a computed column",
          "compute another column, and keep a key that is set or generated (@identity)");
    }
    if (!field.defaults().isEmpty()) {
      return fail(Code.BAD_COMPUTED, field.defaults().get(0).span(), "a computed column cannot have a default",
          "the database computes its value; remove the '= value'");
    }
    return sql;
  }

  private Optional<IdentityKind> identity(
      Attribute attribute, Field field, FieldAttributes attributes, ColumnType type, boolean soleKey) {
    IdentityKind kind = IdentityKind.BY_DEFAULT;
    if (attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.NameValue name && name.name().equals("always")) {
      kind = IdentityKind.ALWAYS;
    } else if (!attribute.args().isEmpty()) {
      Value first = attribute.args().get(0);
      return fail(Code.BAD_IDENTITY, first.span(), "'@identity' takes nothing or 'always'",
          "write @identity (values may also be given by hand) or @identity(always) (never by hand)");
    }
    if (!type.isInteger()) {
      return fail(Code.BAD_IDENTITY, attribute.span(), "'@identity' needs an integer column, not " + field.type().name().text(),
          "make it int, bigint or smallint");
    }
    if (!attributes.primaryKey() || !soleKey) {
      // SQLite generates values only for the single INTEGER PRIMARY KEY: anything else would be NULL there.
      return fail(Code.BAD_IDENTITY, attribute.span(), "'@identity' is only for the model's single primary key",
          "SQLite can generate values only for a single integer primary key; use one, such as: id bigint @pk @identity");
    }
    if (!field.defaults().isEmpty()) {
      return fail(Code.BAD_IDENTITY, field.defaults().get(0).span(), "an identity column cannot have a default",
          "the database generates its values; remove the '= value'");
    }
    return Optional.of(kind);
  }

  private Optional<ColumnDefault> onUpdate(Attribute attribute, ColumnType type) {
    if (attribute.args().size() != 1) {
      return fail(Code.BAD_ONUPDATE, attribute.span(), "'@onupdate' takes one value",
          "write @onupdate(now()) or @onupdate(value), such as @onupdate(0)");
    }
    Value value = attribute.args().get(0);
    if (value instanceof Value.CallValue call && call.function().equals("now") && call.args().isEmpty()) {
      if (type.kind() != Kind.DATETIME && type.kind() != Kind.DATE && type.kind() != Kind.TIME) {
        return fail(Code.BAD_ONUPDATE, value.span(), "'@onupdate(now())' needs a date or time column",
            "now() is the current date, time or timestamp; use a datetime(tz), datetime, date or time column");
      }
      return Optional.of(new ColumnDefault.Now());
    }
    return defaults.resolve(value, type);
  }

  private Optional<String> sqlArgument(Attribute attribute, Code code, String example) {
    if (attribute.args().size() == 1 && attribute.args().get(0) instanceof Value.StringValue sql && !sql.value().isBlank()) {
      return Optional.of(sql.value());
    }
    return fail(code, attribute.args().isEmpty() ? attribute.span() : attribute.args().get(0).span(),
        "'@" + attribute.name().text() + "' takes one SQL expression, as a string", example);
  }

  private <T> Optional<T> fail(Code code, Attribute at, String message, String help) {
    return fail(code, at.span(), message, help);
  }

  private <T> Optional<T> fail(Code code, dev.sqlagen.source.Span at, String message, String help) {
    diagnostics.report(Diagnostic.of(code, at, message, help));
    return Optional.empty();
  }
}
