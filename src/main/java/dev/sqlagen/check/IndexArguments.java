package dev.sqlagen.check;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Attribute;
import dev.sqlagen.model.Field;
import dev.sqlagen.model.NamedArg;
import dev.sqlagen.model.Value;
import dev.sqlagen.resolved.IndexOptions;
import java.util.Optional;
import java.util.Set;

/**
 * The named arguments of indexes and unique constraints: {@code using:} (the index method),
 * {@code where:} (a partial index's condition), {@code nulls_not_distinct:} (a unique index or
 * constraint that counts NULLs as equal), and on a field's {@code @index} also {@code ops:} (its
 * column's operator class). A field whose {@code @index} or {@code @unique} carries one of them
 * is indexed by a table-level {@code Index} or {@code UniqueConstraint} instead of
 * {@code index=True} or {@code unique=True}, which cannot say them.
 */
final class IndexArguments {
  /** What {@code @index} on a field takes. */
  static final Set<String> INDEX_KEYS = Set.of("using", "where", "ops");

  /**
   * What {@code @unique} and {@code @@unique} take: {@code nulls_not_distinct}; {@code using} and
   * {@code where} are there to be refused with a better message than an unknown name's.
   */
  static final Set<String> UNIQUE_KEYS = Set.of("nulls_not_distinct", "using", "where");

  /** PostgreSQL's own index methods; another name is an extension's (such as hnsw), which the database checks. */
  static final Set<String> METHODS = Set.of("btree", "hash", "gin", "gist", "spgist", "brin");

  private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

  private final Diagnostics diagnostics;

  IndexArguments(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * Whether the field's own {@code @index} or {@code @unique} needs a table-level index or
   * constraint: it has an index argument, or {@code nulls_not_distinct:} other than false.
   */
  static boolean tableLevel(Field field) {
    for (Attribute attribute : field.attributes()) {
      String name = attribute.name().text();
      if (name.equals("index") && attribute.named().stream().anyMatch(a -> INDEX_KEYS.contains(a.key().text()))) {
        return true;
      }
      if (name.equals("unique") && attribute.named().stream().anyMatch(a -> UNIQUE_KEYS.contains(a.key().text())
          && !(a.value() instanceof Value.NameValue v && v.name().equals("false")))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The options an index attribute gives ({@code @index}, {@code @@index}, {@code @@unique_index},
   * {@code @unique} and {@code @@unique}, for which {@code constraint} is true), or empty if one
   * is wrong (reported). {@code unique}: the index is unique.
   */
  Optional<IndexOptions> options(Attribute attribute, String what, boolean unique, boolean constraint) {
    boolean ok = true;
    Optional<String> using = Optional.empty();
    Optional<String> where = Optional.empty();
    boolean nullsNotDistinct = false;
    for (NamedArg arg : attribute.named()) {
      Value value = arg.value();
      switch (arg.key().text()) {
        case "using" -> {
          if (constraint) {
            ok = fail(arg, "a unique constraint has no index method", "a unique index has one: @@unique_index(a, b, using: btree)");
          } else if (!(value instanceof Value.NameValue method) || !method.name().matches(IDENTIFIER)) {
            ok = fail(arg, "'using:' takes an index method: btree, hash, gin, gist, spgist, brin, or an extension's such as hnsw",
                "write such as using: gin");
          } else if (unique && METHODS.contains(method.name()) && !method.name().equals("btree")) {
            ok = fail(arg, "a " + method.name() + " index cannot be unique: PostgreSQL makes only btree indexes unique",
                "drop the unique, or the method (btree is the default)");
          } else {
            using = Optional.of(method.name());
          }
        }
        case "where" -> {
          if (constraint) {
            ok = fail(arg, "a unique constraint has no condition: a partial one is a unique index",
                "write @@unique_index(a, b, where: \"...\") (on a field: @unique @index(where: \"...\"))");
          } else if (!(value instanceof Value.StringValue sql) || sql.value().isBlank()) {
            ok = fail(arg, "'where:' takes the partial index's condition as an SQL string", "write such as where: \"deleted_at IS NULL\"");
          } else if (sql.value().contains("\\:")) {
            ok = fail(arg, "a backslash before ':' in an index's condition", "write the condition without '\\:'");
          } else {
            where = Optional.of(sql.value());
          }
        }
        case "nulls_not_distinct" -> {
          if (!(value instanceof Value.NameValue flag) || !(flag.name().equals("true") || flag.name().equals("false"))) {
            ok = fail(arg, "'nulls_not_distinct:' takes true or false", "write nulls_not_distinct: true");
          } else if (!unique && flag.name().equals("true")) {
            ok = fail(arg, "NULLS NOT DISTINCT is for a unique index or constraint", "make it @@unique_index, or remove nulls_not_distinct");
          } else {
            nullsNotDistinct = flag.name().equals("true");
          }
        }
        default -> {
          // name: and ops: are read where the index's name and columns are.
        }
      }
    }
    return ok ? Optional.of(new IndexOptions(using, where, nullsNotDistinct)) : Optional.empty();
  }

  /** An operator class's name, such as text_pattern_ops, or empty (reported). */
  Optional<String> opclass(Value value, String what) {
    if (value instanceof Value.NameValue name && name.name().matches(IDENTIFIER)) {
      return Optional.of(name.name());
    }
    diagnostics.report(Diagnostic.of(Code.BAD_INDEX_OPTION, value.span(), what + " takes an operator class's name",
        "write such as ops(title, text_pattern_ops)"));
    return Optional.empty();
  }

  private boolean fail(NamedArg arg, String message, String help) {
    diagnostics.report(Diagnostic.of(Code.BAD_INDEX_OPTION, arg.span(), message, help));
    return false;
  }
}
