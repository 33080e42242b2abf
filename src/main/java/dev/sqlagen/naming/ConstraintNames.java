package dev.sqlagen.naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The naming convention the generated {@code Base.metadata} carries, and the constraint and index
 * names it makes, computed the way SQLAlchemy's {@code sqlalchemy.sql.naming} does for the tokens
 * sqlagen supports, so that the migration and the models agree. A top-level
 * {@code @@naming(pk: "...", fk: "...", uq: "...", ck: "...", ix: "...")} replaces entries.
 */
public record ConstraintNames(String pk, String fk, String uq, String ck, String ix) {
  /**
   * The default convention. {@code ix} is not {@code %(column_0_label)s}, whose label includes the
   * table's schema: a table moved out of its schema (SQLite) would rename its indexes.
   */
  public static final ConstraintNames DEFAULT = new ConstraintNames(
      "pk_%(table_name)s",
      "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
      "uq_%(table_name)s_%(column_0_N_name)s",
      "ck_%(table_name)s_%(constraint_name)s",
      "ix_%(table_name)s_%(column_0_N_name)s");

  /** The keys of a convention, in the order the generated metadata lists them. */
  public static final List<String> KINDS = List.of("ix", "uq", "ck", "fk", "pk");

  private static final Set<String> COLUMN_TOKENS = Set.of("column_0_name", "column_0_N_name", "column_0N_name");

  public ConstraintNames {
    Objects.requireNonNull(pk, "pk");
    Objects.requireNonNull(fk, "fk");
    Objects.requireNonNull(uq, "uq");
    Objects.requireNonNull(ck, "ck");
    Objects.requireNonNull(ix, "ix");
  }

  /** The template of a kind ({@code "pk"}, {@code "fk"}, ...). */
  public String template(String kind) {
    return switch (kind) {
      case "pk" -> pk;
      case "fk" -> fk;
      case "uq" -> uq;
      case "ck" -> ck;
      case "ix" -> ix;
      default -> throw new IllegalArgumentException("no convention kind " + kind);
    };
  }

  /** This convention with one kind's template replaced. */
  public ConstraintNames with(String kind, String template) {
    Map<String, String> all = asMap();
    if (!all.containsKey(kind)) {
      throw new IllegalArgumentException("no convention kind " + kind);
    }
    all.put(kind, template);
    return new ConstraintNames(all.get("pk"), all.get("fk"), all.get("uq"), all.get("ck"), all.get("ix"));
  }

  /** The entries in {@link #KINDS} order. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String kind : KINDS) {
      map.put(kind, template(kind));
    }
    return map;
  }

  /**
   * What is wrong with a template for a kind, if anything: the tokens sqlagen computes are
   * {@code table_name}, {@code column_0_name}, {@code column_0_N_name}, {@code column_0N_name}
   * (not on {@code ck}, whose SQL has no columns), {@code referred_table_name} and
   * {@code referred_column_0_name} on {@code fk}, and {@code constraint_name} on {@code ck}, the
   * only kind whose objects all have a name of their own.
   */
  public static Optional<String> problem(String kind, String template) {
    if (template.isBlank()) {
      return Optional.of("the template is empty");
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%') {
        if (Character.isISOControl(c)) {
          return Optional.of("the template holds a control character");
        }
        continue;
      }
      if (i + 1 < template.length() && template.charAt(i + 1) == '%') {
        i++;
        continue;
      }
      int close = template.indexOf(")s", i);
      if (i + 1 >= template.length() || template.charAt(i + 1) != '(' || close < 0) {
        return Optional.of("'%' starts a token such as %(table_name)s; write '%%' for a '%' itself");
      }
      tokens.add(template.substring(i + 2, close));
      i = close + 1;
    }
    for (String token : tokens) {
      boolean known = token.equals("table_name")
          || (COLUMN_TOKENS.contains(token) && !kind.equals("ck"))
          || (kind.equals("fk") && (token.equals("referred_table_name") || token.equals("referred_column_0_name")))
          || (kind.equals("ck") && token.equals("constraint_name"));
      if (!known) {
        return Optional.of("the token %(" + token + ")s is not supported in '" + kind + "'" + tokenHint(kind, token));
      }
    }
    if (kind.equals("ck") && !tokens.contains("constraint_name")) {
      return Optional.of("'ck' needs %(constraint_name)s: a table's CHECKs would all get the same name");
    }
    return Optional.empty();
  }

  private static String tokenHint(String kind, String token) {
    if (token.equals("column_0_label") || token.equals("column_0_key")) {
      return " (a label includes the table's schema, a key the Python attribute): use %(table_name)s_%(column_0_name)s";
    }
    if (token.equals("constraint_name")) {
      return ": only a CHECK always has a name of its own; give other objects an exact name with name: instead";
    }
    List<String> allowed = new ArrayList<>(List.of("table_name"));
    if (!kind.equals("ck")) {
      allowed.addAll(List.of("column_0_name", "column_0_N_name", "column_0N_name"));
    }
    if (kind.equals("fk")) {
      allowed.addAll(List.of("referred_table_name", "referred_column_0_name"));
    }
    if (kind.equals("ck")) {
      allowed.add("constraint_name");
    }
    return "; it takes " + String.join(", ", allowed.stream().map(t -> "%(" + t + ")s").toList());
  }

  public String primaryKey(String table, List<String> columns) {
    return format(pk, table, columns, null, List.of(), null);
  }

  public String foreignKey(String table, List<String> columns, String referredTable, List<String> referredColumns) {
    return format(fk, table, columns, referredTable, referredColumns, null);
  }

  public String unique(String table, List<String> columns) {
    return format(uq, table, columns, null, List.of(), null);
  }

  public String check(String table, String name) {
    return format(ck, table, List.of(), null, List.of(), name);
  }

  public String index(String table, List<String> columns) {
    return format(ix, table, columns, null, List.of(), null);
  }

  /** Python's {@code template % ConventionDict(...)}, for a template that {@link #problem} accepts. */
  private static String format(
      String template, String table, List<String> columns, String referredTable, List<String> referredColumns, String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (template.charAt(i + 1) == '%') {
        out.append('%');
        i++;
        continue;
      }
      int close = template.indexOf(")s", i);
      String token = template.substring(i + 2, close);
      out.append(switch (token) {
        case "table_name" -> table;
        case "column_0_name" -> columns.isEmpty() ? "" : columns.get(0);
        case "column_0_N_name" -> String.join("_", columns);
        case "column_0N_name" -> String.join("", columns);
        case "referred_table_name" -> Objects.requireNonNull(referredTable, "referredTable");
        case "referred_column_0_name" -> referredColumns.get(0);
        case "constraint_name" -> Objects.requireNonNull(name, "name");
        default -> throw new IllegalArgumentException("unsupported token " + token);
      });
      i = close + 1;
    }
    return out.toString();
  }
}
