package dev.sqlagen.property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of VALID .sqd schemas, and of what the generated Python must hold.
 *
 * <p>The same seed always gives the same schema (java.util.Random is specified bit for bit).
 * Coverage: every scalar type, nullable fields, Python-side and server-side defaults valid for the
 * type, enums and enum defaults, {@code @unique} {@code @index} (with a method or a condition now
 * and then) {@code @column} {@code @@table},
 * exact names ({@code name:} on {@code @unique @index @fk}, {@code @@pk(k2, k1, name:)}, a key in
 * an order of its own),
 * references (required to earlier models only, so every cycle goes through a nullable reference;
 * self-references; several references to one model with {@code @inverse} on either side; references
 * to composite keys; {@code @ondelete}, {@code @load} and {@code @index(false)}), {@code @autoincrement(false)}
 * on integer keys, one-to-many collections, one-to-one
 * references with their scalar side, many-to-many pairs (with and without {@code @through}), doc comments with hostile text, and hostile names (Python keywords and soft
 * keywords, builtins and the generated module's imports, Declarative's reserved names, SQL reserved
 * words, names differing only in case) and hostile strings (quotes, triple quotes, backslashes,
 * newlines, NUL, U+2028, tabs, non-ASCII, astral characters).
 *
 * <p>{@link #expectations()} lists, as JSON lines, the values the generated package must evaluate
 * back to (defaults, comments, server defaults, docstrings, column names) and its structure.
 */
public final class RandomSchema {
  /** Field names; each one is legal (keywords get a trailing underscore in Python). */
  static final List<String> FIELD_NAMES = List.of(
      "name", "title", "count", "amount", "note", "flag", "value", "created", "label", "code",
      "class", "from", "import", "lambda", "True", "None", "def", "return", "async", "await", "global",
      "match", "case", "type", "_",
      "date", "datetime", "time", "uuid", "Decimal", "Any", "String", "Mapped", "mapped_column",
      "relationship", "sa", "orm", "dt", "func", "text", "enum", "Enum", "Integer", "ForeignKey",
      "annotations", "os", "id_", "Optional", "float_", "bool_",
      "metadata", "registry",
      "select", "order", "user", "group", "table", "where", "key", "index", "default", "check",
      "Value", "VALUE", "Label", "mixedCase", "HTTPStatus", "x1", "a_b_c");

  /**
   * KNOWN BUG (reported): a field named after a builtin that annotations use ({@code str},
   * {@code int}, {@code float}, {@code bool}, {@code bytes}, {@code list}, {@code dict}) shadows it
   * in the class body, so SQLAlchemy resolves the other annotations of that class wrong. Not
   * generated until fixed; add these to FIELD_NAMES to reproduce.
   */
  static final List<String> BUILTIN_SHADOWING_NAMES = List.of("str", "int", "float", "bool", "bytes", "list", "dict");

  static final List<String> MODEL_NAMES = List.of(
      "User", "Order", "Group", "Select", "Table", "Text", "Mapped", "Session", "Column", "Item",
      "Post", "Category", "Person", "Box", "Data", "HTTPRequest", "Node", "Thing", "Address",
      "Tag", "Entry", "Account", "item", "node", "Relationship", "ForeignKey", "Query");

  static final List<String> ENUM_NAMES = List.of(
      "Level", "Status", "Color", "Kind", "Enum", "Mode", "Phase", "Priority");

  /** The value an enum member stores where it is not its name, by "Enum.member". */
  private final Map<String, String> enumValues = new java.util.HashMap<>();

  static final List<String> MEMBERS = List.of(
      "low", "high", "draft", "inReview", "published", "True", "None", "class", "match", "x1",
      "HTTPCode", "a_b", "value", "name");

  static final List<String> TABLE_NAMES = List.of(
      // A double quote in a table or column name breaks SQLite's reflection (SAWarning for a
      // foreign key, a phantom unique constraint in alembic check): upstream, so none here.
      "user", "order", "group", "select", "My Table", "table", "from", "Weird 'Name'",
      "it's", "tbl_ü");

  static final List<String> COLUMN_NAMES = List.of(
      "Full Name", "select", "order", "it's", "a'b", "back\\slash", "ü_col", "from", "user",
      "with space", "CamelCol", "x-y");

  enum Scalar {
    INT("int"), BIGINT("bigint"), SMALLINT("smallint"), STRING("string"), TEXT("text"), BOOL("bool"),
    FLOAT("float"), DECIMAL("decimal"), DATE("date"), DATETIME("datetime"), DATETIME_TZ("datetime(tz)"),
    TIME("time"), INTERVAL("interval"), UUID("uuid"), JSON("json"), BYTES("bytes"),
    REAL("real"), CHAR("char"), VARCHAR("varchar"), JSONB("jsonb"), INET("inet"), CIDR("cidr"), TSVECTOR("tsvector"),
    CITEXT("citext"), ARRAY("[]");

    final String sqd;

    Scalar(String sqd) {
      this.sqd = sqd;
    }
  }

  private final long seed;
  private final Random rng;
  /**
   * Draws the switches of implied DDL ({@code @index(false)}, {@code @autoincrement(false)},
   * {@code @comment(false)}) from a stream of their own, so that the schemas drawn before them stay
   * the same for a seed.
   */
  private final Random implied;
  private final StringBuilder out = new StringBuilder();
  private final List<String> expectations = new ArrayList<>();

  private record ModelPlan(String name, boolean referencable, String pkType) {}

  /**
   * A reference; {@code collection} mirrors it (or null), {@code side}: where @inverse is written.
   * A {@code unique} one (one-to-one) is mirrored by a scalar field instead of a collection.
   */
  private record Ref(String owner, String field, String target, boolean nullable, String collection, Side side,
      boolean unique, String onDelete, String load) {}

  /** A many-to-many pair: a collection in each model, each naming the other with @inverse. */
  private record ManyToMany(String a, String b, String inA, String inB, String through) {}

  private enum Side { NONE, COLLECTION, REFERENCE }

  private RandomSchema(long seed) {
    this.seed = seed;
    this.rng = new Random(seed);
    this.implied = new Random(seed ^ 0x5EEDL);
  }

  /** The schema for {@code seed}. */
  public static RandomSchema generate(long seed) {
    RandomSchema schema = new RandomSchema(seed);
    schema.build();
    return schema;
  }

  public long seed() {
    return seed;
  }

  public String text() {
    return out.toString();
  }

  /** JSON lines: what the generated package must hold. */
  public List<String> expectations() {
    return expectations;
  }

  private void build() {
    out.append("// random schema, seed ").append(seed).append('\n');
    // Enums.
    List<String> enumPool = shuffled(ENUM_NAMES);
    int enumCount = rng.nextInt(4);
    Map<String, List<String>> enums = new LinkedHashMap<>();
    Map<String, String> enumTexts = new LinkedHashMap<>();
    Map<String, Integer> enumExpectations = new LinkedHashMap<>();
    for (int i = 0; i < enumCount; i++) {
      String name = enumPool.get(i);
      List<String> members = shuffled(MEMBERS).subList(0, 1 + rng.nextInt(4));
      enums.put(name, members);
      int mark = out.length();
      int expectMark = expectations.size();
      doc("enum", name, null);
      out.append("enum ").append(name).append(" {");
      for (String m : members) {
        // Some members store a value that is no identifier, as existing databases have.
        if (rng.nextInt(4) == 0) {
          enumValues.put(name + "." + m, m + "-" + m.length() + " v");
          out.append(' ').append(m).append(" = ").append(quote(enumValues.get(name + "." + m)));
        } else {
          out.append(' ').append(m);
        }
      }
      out.append(" }\n\n");
      // Written after the models (declaration order is free), and only if a field uses it.
      enumTexts.put(name, out.substring(mark));
      out.setLength(mark);
      if (expectations.size() > expectMark) {
        enumExpectations.put(name, expectMark);
      }
    }
    // Models: names unique; a pair differing only in case gets its own @@table.
    List<String> modelPool = shuffled(MODEL_NAMES);
    int modelCount = 1 + rng.nextInt(6);
    List<ModelPlan> models = new ArrayList<>();
    Set<String> globalNames = new HashSet<>(enums.keySet());
    for (int i = 0; i < modelCount; i++) {
      String name = modelPool.get(i);
      int kind = rng.nextInt(10);
      String pkType = kind < 5 ? "int" : kind == 5 ? "bigint" : kind == 6 ? "smallint" : kind == 7 ? "uuid"
          : kind == 8 ? "string(" + (8 + rng.nextInt(30)) + ")" : rng.nextBoolean() ? "composite" : "composite_reversed";
      models.add(new ModelPlan(name, true, pkType));
      globalNames.add(name);
    }
    // References, planned first so the collections can be placed in their targets.
    List<Ref> refs = new ArrayList<>();
    Map<String, List<String>> fieldNames = new LinkedHashMap<>();
    models.forEach(m -> fieldNames.put(m.name, new ArrayList<>()));
    for (int i = 0; i < models.size(); i++) {
      int refCount = rng.nextInt(3);
      for (int r = 0; r < refCount; r++) {
        int j = rng.nextInt(models.size());
        ModelPlan target = models.get(j);
        if (!target.referencable) {
          continue;
        }
        // A required reference only to an earlier model: cycles go through nullable references.
        boolean nullable = j >= i || rng.nextBoolean();
        // One-to-one: unique, to another model with a one-column key.
        boolean unique = j != i && !target.pkType.startsWith("composite") && rng.nextInt(5) == 0;
        int action = rng.nextInt(6);
        String onDelete = action == 0 ? "cascade" : action == 1 ? "restrict" : action == 2 && nullable ? "set_null" : null;
        String load = rng.nextInt(4) == 0 ? (rng.nextBoolean() ? "selectin" : "joined") : null;
        refs.add(new Ref(models.get(i).name, "ref" + refs.size() + "_" + target.name.toLowerCase(Locale.ROOT), target.name, nullable,
            null, Side.NONE, unique, onDelete, load));
      }
    }
    // Pairing: a mirrored reference gets a collection in its target; where the owner has several
    // references to that target, every mirrored one says @inverse on one side or the other.
    for (int k = 0; k < refs.size(); k++) {
      Ref ref = refs.get(k);
      if (rng.nextInt(3) == 0) {
        continue;
      }
      long backs = refs.stream().filter(r -> r.owner.equals(ref.owner) && r.target.equals(ref.target)).count();
      int pick = rng.nextInt(3);
      Side side = pick == 0 && backs == 1 ? Side.NONE : pick == 2 ? Side.REFERENCE : Side.COLLECTION;
      if (ref.unique) {
        side = Side.COLLECTION; // the scalar side names its reference: that is what makes it one
      }
      String mirror = (ref.unique ? "one" : "coll") + k + "_" + ref.owner.toLowerCase(Locale.ROOT);
      refs.set(k, new Ref(ref.owner, ref.field, ref.target, ref.nullable, mirror, side, ref.unique, ref.onDelete, ref.load));
    }
    // Many-to-many pairs between two different models.
    int pairCount = models.size() < 2 ? 0 : rng.nextInt(3);
    for (int k = 0; k < pairCount; k++) {
      int i = rng.nextInt(models.size());
      int j = rng.nextInt(models.size());
      if (i != j) {
        String a = models.get(i).name;
        String b = models.get(j).name;
        // A second pair between the same models needs a link table name of its own.
        boolean again = manyToMany.stream().anyMatch(m -> Set.of(m.a, m.b).equals(Set.of(a, b)));
        manyToMany.add(new ManyToMany(a, b, "mm" + k + "_" + b.toLowerCase(Locale.ROOT), "mm" + k + "_" + a.toLowerCase(Locale.ROOT),
            again || rng.nextBoolean() ? "link_" + k : null));
      }
    }
    Set<String> tables = new HashSet<>();
    Set<String> enumTypeNames = new HashSet<>();
    enums.keySet().forEach(e -> enumTypeNames.add(snake(e)));
    List<String> enumDocs = new ArrayList<>(expectations);
    for (ModelPlan model : models) {
      model(model, models, refs, enums, globalNames, tables, enumTypeNames);
    }
    for (Map.Entry<String, String> e : enumTexts.entrySet()) {
      if (usedEnums.contains(e.getKey())) {
        out.append(e.getValue());
      } else if (enumExpectations.containsKey(e.getKey())) {
        expectations.remove(enumDocs.get(enumExpectations.get(e.getKey())));
      }
    }
  }

  private final Set<String> usedEnums = new HashSet<>();
  private final List<ManyToMany> manyToMany = new ArrayList<>();

  private void model(ModelPlan model, List<ModelPlan> models, List<Ref> refs, Map<String, List<String>> enums,
      Set<String> globalNames, Set<String> tables, Set<String> enumTypeNames) {
    doc("model", model.name, null);
    out.append("model ").append(model.name).append(" {\n");
    String table = snakePlural(model.name);
    boolean clash = tables.contains(table.toLowerCase(Locale.ROOT)) || enumTypeNames.contains(table.toLowerCase(Locale.ROOT));
    if (clash || rng.nextInt(5) == 0) {
      List<String> candidates = new ArrayList<>(TABLE_NAMES);
      candidates.add("t_" + model.name.toLowerCase(Locale.ROOT) + "_" + tables.size());
      String chosen = null;
      for (String c : shuffled(candidates)) {
        if (!tables.contains(c.toLowerCase(Locale.ROOT)) && !enumTypeNames.contains(c.toLowerCase(Locale.ROOT))) {
          chosen = c;
          break;
        }
      }
      table = chosen;
      out.append("  @@table(").append(quote(table)).append(")\n");
    }
    tables.add(table.toLowerCase(Locale.ROOT));
    expect("table", model.name, null, "name", table);

    Set<String> pyNames = new HashSet<>(); // Python attribute names, as written
    Set<String> columns = new HashSet<>(); // database column names, lower-cased
    List<String> attributes = new ArrayList<>();
    // Primary key(s).
    if (model.pkType.equals("composite")) {
      field("k1", "int @pk", pyNames, columns, attributes, model.name);
      field("k2", "string(10) @pk", pyNames, columns, attributes, model.name);
    } else if (model.pkType.equals("composite_reversed")) {
      // A key in an order of its own, named exactly.
      field("k1", "int", pyNames, columns, attributes, model.name);
      field("k2", "string(10)", pyNames, columns, attributes, model.name);
      out.append("  @@pk(k2, k1, name: ").append(quote(exactName("pk"))).append(")\n");
    } else {
      String suffix = model.pkType.equals("uuid") && rng.nextBoolean() ? " @pk = uuid4()" : " @pk";
      if (model.pkType.equals("int") && implied.nextInt(5) == 0) {
        suffix += " @autoincrement(false)";
      }
      field("id", model.pkType + suffix, pyNames, columns, attributes, model.name);
    }
    // Scalar columns, with references mixed in.
    List<Ref> mine = refs.stream().filter(r -> r.owner.equals(model.name)).toList();
    int scalarCount = rng.nextInt(9);
    List<Object> items = new ArrayList<>();
    for (int i = 0; i < scalarCount; i++) {
      items.add(i);
    }
    items.addAll(mine);
    java.util.Collections.shuffle(items, rng);
    List<String> fieldPool = shuffled(FIELD_NAMES);
    int next = 0;
    for (Object item : items) {
      if (item instanceof Ref ref) {
        reference(ref, refs, models, pyNames, columns, attributes);
        continue;
      }
      while (next < fieldPool.size()) {
        String name = fieldPool.get(next++);
        String pyName = pyName(name);
        String column = name;
        if (globalNames.contains(name) || name.equals("id") || pyNames.contains(pyName) || pyNames.contains(name)) {
          continue;
        }
        scalar(model.name, name, enums, pyNames, columns, attributes);
        break;
      }
    }
    // Collections: the mirrors of references that point at this model.
    for (Ref ref : refs) {
      if (!ref.target.equals(model.name) || ref.collection == null) {
        continue;
      }
      doc("field", model.name, ref.collection);
      out.append("  ").append(ref.collection).append(' ').append(ref.owner).append(ref.unique ? "?" : "[]");
      if (ref.side == Side.COLLECTION) {
        out.append(" @inverse(").append(ref.field).append(')');
      }
      out.append('\n');
      attributes.add(ref.collection);
      expect(ref.unique ? "scalar_side" : "collection", model.name, ref.collection, "back_populates", ref.field);
    }
    for (ManyToMany pair : manyToMany) {
      boolean inA = pair.a.equals(model.name);
      if (!inA && !pair.b.equals(model.name)) {
        continue;
      }
      String field = inA ? pair.inA : pair.inB;
      String other = inA ? pair.inB : pair.inA;
      doc("field", model.name, field);
      out.append("  ").append(field).append(' ').append(inA ? pair.b : pair.a).append("[] @inverse(").append(other).append(')');
      if (inA && pair.through != null) {
        out.append(" @through(").append(quote(pair.through)).append(')');
      }
      out.append('\n');
      attributes.add(field);
      expect("many_to_many", model.name, field, "back_populates", other);
    }
    out.append("}\n\n");
    expect("attributes", model.name, null, "names", String.join(",", attributes));
  }

  private void reference(Ref ref, List<Ref> refs, List<ModelPlan> models, Set<String> pyNames, Set<String> columns,
      List<String> attributes) {
    ModelPlan target = models.stream().filter(m -> m.name.equals(ref.target)).findFirst().orElseThrow();
    List<String> keys = target.pkType.equals("composite") ? List.of("k1", "k2")
        : target.pkType.equals("composite_reversed") ? List.of("k2", "k1") : List.of("id");
    boolean customFk = rng.nextInt(4) == 0;
    boolean namedFk = rng.nextInt(4) == 0;
    List<String> fks = keys.stream().map(k -> customFk ? "fk_" + ref.field + (keys.size() > 1 ? "_" + k : "") : ref.field + "_" + k).toList();
    doc("field", ref.owner, ref.field);
    out.append("  ").append(ref.field).append(' ').append(ref.target).append(ref.nullable ? "?" : "");
    if (customFk || namedFk) {
      out.append(" @fk(").append(String.join(", ", fks));
      if (namedFk) {
        out.append(", name: ").append(quote(exactName("fk")));
      }
      out.append(')');
    }
    if (ref.side == Side.REFERENCE) {
      out.append(" @inverse(").append(ref.collection).append(')');
    }
    if (ref.unique) {
      out.append(" @unique");
      if (rng.nextInt(4) == 0) {
        out.append("(name: ").append(quote(exactName("uq"))).append(')');
      }
    }
    // The index of its foreign-key column (its first, for a composite key), named exactly.
    boolean namedIndex = !ref.unique && rng.nextInt(6) == 0;
    if (namedIndex) {
      out.append(" @index(name: ").append(quote(exactName("ix"))).append(')');
    }
    if (ref.onDelete != null) {
      out.append(" @ondelete(").append(ref.onDelete).append(')');
    }
    // Drawn either way, so that the implied stream stays the same; a named index has its index.
    if (!ref.unique && implied.nextInt(4) == 0 && !namedIndex) {
      out.append(" @index(false)");
    }
    if (ref.load != null) {
      out.append(" @load(").append(ref.load).append(')');
    }
    out.append('\n');
    pyNames.add(ref.field);
    for (String fk : fks) {
      pyNames.add(fk);
      columns.add(fk.toLowerCase(Locale.ROOT));
      attributes.add(fk);
    }
    attributes.add(ref.field);
    expect("reference", ref.owner, ref.field, "nullable", Boolean.toString(ref.nullable));
    expect("reference", ref.owner, ref.field, "fk", String.join(",", fks));
    expect("reference", ref.owner, ref.field, "ondelete", ref.onDelete == null ? "" : ref.onDelete.toUpperCase(Locale.ROOT).replace('_', ' '));
    expect("reference", ref.owner, ref.field, "lazy", ref.load == null ? "select" : ref.load);
    expect("reference", ref.owner, ref.field, "back_populates", ref.collection == null ? "" : ref.collection);
  }

  private void field(String name, String rest, Set<String> pyNames, Set<String> columns, List<String> attributes, String model) {
    out.append("  ").append(name).append(' ').append(rest).append('\n');
    pyNames.add(name);
    columns.add(name.toLowerCase(Locale.ROOT));
    attributes.add(name);
  }

  private void scalar(String model, String name, Map<String, List<String>> enums, Set<String> pyNames,
      Set<String> columns, List<String> attributes) {
    boolean useEnum = !enums.isEmpty() && rng.nextInt(5) == 0;
    Scalar scalar = Scalar.values()[rng.nextInt(Scalar.values().length)];
    String enumName = useEnum ? new ArrayList<>(enums.keySet()).get(rng.nextInt(enums.size())) : null;
    if (useEnum) {
      usedEnums.add(enumName);
    }
    StringBuilder type = new StringBuilder();
    int length = 0;
    int precision = 0;
    int scale = 0;
    if (useEnum) {
      type.append(enumName);
    } else if (scalar == Scalar.STRING || scalar == Scalar.CHAR) {
      length = 1 + rng.nextInt(rng.nextBoolean() ? 10 : 300);
      type.append(scalar == Scalar.CHAR ? "char(" : "string(").append(length).append(')');
    } else if (scalar == Scalar.ARRAY) {
      List<String> elements = List.of("int", "bigint", "smallint", "text", "varchar", "string(12)", "char(3)", "float", "real",
          "bool", "inet", "cidr");
      type.append(elements.get(rng.nextInt(elements.size()))).append("[]");
    } else if (scalar == Scalar.DECIMAL) {
      precision = 1 + rng.nextInt(18);
      // SQLite stores NUMERIC as a double: the proof's round trip of Numeric(p, s) holds for
      // scales up to about 8 only (test_generated.py's values have 12 significant digits).
      scale = rng.nextInt(Math.min(precision, 8) + 1);
      boolean writeScale = scale > 0 || rng.nextBoolean();
      if (precision >= 17) {
        // decimal alone, Numeric(): unconstrained. Its defaults and values stay within 10 + 2
        // digits (SQLite keeps NUMERIC as a double). The same draws as decimal(p, s) make.
        precision = 12;
        scale = 2;
        type.append("decimal");
      } else {
        type.append("decimal(").append(precision);
        if (writeScale) {
          type.append(", ").append(scale);
        }
        type.append(')');
      }
    } else {
      type.append(scalar.sqd);
    }
    boolean nullable = rng.nextInt(3) == 0;
    if (nullable) {
      type.append('?');
    }
    // The database column name: the field name, or a hostile @column name.
    String column = name;
    String columnAttr = null;
    if (rng.nextInt(4) == 0) {
      for (String c : shuffled(COLUMN_NAMES)) {
        if (!columns.contains(c.toLowerCase(Locale.ROOT))) {
          column = c;
          columnAttr = quote(c);
          break;
        }
      }
    }
    if (columns.contains(column.toLowerCase(Locale.ROOT))) {
      column = "c" + columns.size() + "_" + name.toLowerCase(Locale.ROOT);
      columnAttr = quote(column);
    }
    columns.add(column.toLowerCase(Locale.ROOT));
    String pyName = pyName(name);
    pyNames.add(name);
    pyNames.add(pyName);
    attributes.add(pyName);

    List<String> suffixes = new ArrayList<>();
    boolean uniqueOk = !useEnum && scalar != Scalar.BOOL && scalar != Scalar.JSON && scalar != Scalar.BYTES
        && scalar != Scalar.JSONB && scalar != Scalar.ARRAY && scalar != Scalar.TSVECTOR
        && !(scalar == Scalar.DECIMAL && precision - scale < 3) && !((scalar == Scalar.STRING || scalar == Scalar.CHAR) && length < 2);
    boolean unique = uniqueOk && rng.nextInt(6) == 0;
    boolean index = scalar != Scalar.JSON && scalar != Scalar.JSONB && scalar != Scalar.ARRAY && rng.nextInt(6) == 0;
    boolean named = (unique || index) && rng.nextInt(3) == 0;
    if (unique) {
      suffixes.add(named && !index ? "@unique(name: " + quote(exactName("uq")) + ")" : "@unique");
    }
    if (index) {
      // Now and then a method or a condition: every scalar here but json has a hash operator
      // class; a hash index cannot be unique.
      int kind = rng.nextInt(4);
      String ixName = named ? "name: " + quote(exactName("ix")) : null;
      if (kind == 0 && !unique) {
        suffixes.add("@index(using: hash" + (ixName == null ? "" : ", " + ixName) + ")");
      } else if (kind == 1) {
        suffixes.add("@index(where: " + quote("\"" + column.replace("\"", "\"\"") + "\" IS NOT NULL") + (ixName == null ? "" : ", " + ixName) + ")");
      } else {
        suffixes.add(ixName == null ? "@index" : "@index(" + ixName + ")");
      }
    }
    if (columnAttr != null) {
      suffixes.add("@column(" + columnAttr + ")");
    }
    String dflt = rng.nextInt(5) < 2 ? defaultFor(model, pyName, useEnum ? enumName : null, enums, scalar, length, precision, scale, unique) : null;
    if (dflt != null) {
      suffixes.add("= " + dflt);
    }
    java.util.Collections.shuffle(suffixes, rng);
    doc("field", model, pyName);
    out.append("  ").append(name).append(' ').append(type);
    suffixes.forEach(s -> out.append(' ').append(s));
    out.append('\n');
    expect("column", model, pyName, "name", column);
    expect("column", model, pyName, "nullable", Boolean.toString(nullable));
  }

  private String defaultFor(String model, String column, String enumName, Map<String, List<String>> enums,
      Scalar scalar, int length, int precision, int scale, boolean unique) {
    if (enumName != null) {
      List<String> members = enums.get(enumName);
      String member = members.get(rng.nextInt(members.size()));
      expect("default_enum", model, column, "value", enumValues.getOrDefault(enumName + "." + member, member));
      return member;
    }
    // A server default on a unique column: the proof's minimal round trip (test_generated.py)
    // leaves such a nullable column out and then expects NULL back, so none are generated.
    boolean server = rng.nextInt(4) == 0 && !unique;
    switch (scalar) {
      case INT, BIGINT, SMALLINT -> {
        int v = rng.nextInt(2001) - 1000;
        if (server) {
          expect("server_default", model, column, "value", Integer.toString(v));
          return "sql(" + quote(Integer.toString(v)) + ")";
        }
        // One in seven a Python-side default only (drawn from v: the draws stay as they were).
        if (Math.floorMod(v, 7) == 0) {
          expect("default_python_int", model, column, "value", Integer.toString(v));
          return "python(" + v + ")";
        }
        expect("default_int", model, column, "value", Integer.toString(v));
        return Integer.toString(v);
      }
      case FLOAT, REAL -> {
        String v = rng.nextBoolean() ? Integer.toString(rng.nextInt(200) - 100) : (rng.nextInt(200) - 100) + "." + rng.nextInt(100);
        if (v.startsWith("-0.") || v.equals("-0")) {
          v = v.substring(1);
        }
        expect("default_float", model, column, "value", v);
        return v;
      }
      case DECIMAL -> {
        int integerDigits = Math.min(precision - scale, 9);
        StringBuilder v = new StringBuilder();
        v.append(integerDigits == 0 ? "0" : Long.toString(Math.abs(rng.nextLong()) % pow10(integerDigits)));
        int fraction = Math.min(scale, 6);
        if (fraction > 0 && (integerDigits == 0 || rng.nextBoolean())) {
          v.append('.');
          for (int i = 0; i < fraction; i++) {
            // KNOWN BUG (reported, in check/DefaultResolver): a zero default (0, 0.0) is rejected
            // for decimal(p, p); so with no integer digits the fraction starts non-zero.
            v.append(i == 0 && integerDigits == 0 ? 1 + rng.nextInt(9) : rng.nextInt(10));
          }
        }
        String text = (rng.nextBoolean() ? "-" : "") + v;
        if (unique) {
          return null;
        }
        expect("default_decimal", model, column, "value", text);
        return text;
      }
      case STRING, TEXT, VARCHAR, CITEXT -> {
        int max = scalar == Scalar.STRING ? length : 40;
        // A default is the database's too: NUL, which none stores, is an error (SQD018).
        String value = hostileString(max).replace("\0", "");
        if (server) {
          String sql = "'" + value.replace("\0", "").replace("'", "''") + "'";
          // One in three written per database, the same SQL for both (drawn from the value).
          if (value.length() % 3 == 0) {
            expect("server_default_per_database", model, column, "value", sql);
            return "sql(postgresql: " + quote(sql) + ", sqlite: " + quote(sql) + ")";
          }
          expect("server_default", model, column, "value", sql);
          return "sql(" + quote(sql) + ")";
        }
        expect("default_str", model, column, "value", value);
        return quote(value);
      }
      case BOOL -> {
        if (server) {
          expect("server_default", model, column, "value", "1");
          return "sql(\"1\")";
        }
        boolean v = rng.nextBoolean();
        expect("default_bool", model, column, "value", Boolean.toString(v));
        return Boolean.toString(v);
      }
      case UUID -> {
        expect("default_callable", model, column, "value", "uuid4");
        return "uuid4()";
      }
      case DATE, DATETIME, DATETIME_TZ, TIME -> {
        if (unique) {
          return null;
        }
        expect("server_default_now", model, column, "value", scalar.sqd);
        return "now()";
      }
      case JSON, JSONB -> {
        expect("server_default", model, column, "value", "'{}'");
        return "sql(\"'{}'\")";
      }
      default -> {
        return null;
      }
    }
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  // ------------------------------------------------------------------ hostile text

  // KNOWN BUG (reported): East Asian wide characters (中文) count 1 column in sqlagen's layout,
  // 2 in ruff's, so lines with them can be laid out differently from ruff format; not generated.
  private static final String[] PIECES = {
    "\"", "'", "\\", "\"\"\"", "'''", "\n", "\t", "\r", "\0", "\u2028", "\u2029", "\u0085", "\u007f", "\u001b",
    "é", "ü", "Ωλ", "\uD83D\uDE00", "{x}", "%s", "%(x)s", "#", " ", "  ", "\\n", "\\x00", "\\N{DASH}", "a", "word",
    "f\"{1}\"", "\u00a0", "\ufeff", "$", "`", "--", ";", "*/", "/*"
  };

  /** A random string of at most {@code max} code points. */
  String hostileString(int max) {
    StringBuilder value = new StringBuilder();
    int pieces = rng.nextInt(8);
    for (int i = 0; i < pieces; i++) {
      String piece = PIECES[rng.nextInt(PIECES.length)];
      if (value.codePointCount(0, value.length()) + piece.codePointCount(0, piece.length()) > max) {
        break;
      }
      value.append(piece);
    }
    return value.toString();
  }

  /** A .sqd string literal for {@code value}, escaping at random where the language allows a choice. */
  String quote(String value) {
    StringBuilder q = new StringBuilder("\"");
    value.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append(rng.nextBoolean() ? "\\t" : "\t");
        case 0 -> q.append("\\0");
        default -> {
          if ((cp > 0x7e || cp < 0x20) && rng.nextBoolean()) {
            for (char c : Character.toChars(cp)) {
              q.append(String.format("\\u%04X", (int) c));
            }
          } else {
            q.appendCodePoint(cp);
          }
        }
      }
    });
    return q.append('"').toString();
  }

  private static final String[] DOC_PIECES = {
    "\"", "'", "\\", "\"\"\"", "'''", "\t", "\0", "\u2028", "\u2029", "\u0085", "\u000c", "\u001b", "é", "Ωλ",
    "\uD83D\uDE00", "word", "words", "a", "longerwordthatgoeson", " ", "  ", "\\n", "\\\"\"\"", "#", "*/", "r\"", "u'"
  };

  /** Maybe a doc comment; records what the docstring / comment must be. */
  private void doc(String kind, String owner, String field) {
    if (rng.nextInt(3) != 0) {
      return;
    }
    List<String> lines = new ArrayList<>();
    int count = 1 + rng.nextInt(rng.nextInt(4) == 0 ? 6 : 2);
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder();
      int pieces = rng.nextInt(rng.nextInt(4) == 0 ? 40 : 8);
      for (int p = 0; p < pieces; p++) {
        line.append(DOC_PIECES[rng.nextInt(DOC_PIECES.length)]);
      }
      lines.add(line.toString());
      boolean space = line.isEmpty() || line.charAt(0) == ' ' || rng.nextInt(5) != 0;
      out.append("  ".repeat(field == null ? 0 : 1)).append("///").append(space ? " " : "").append(line).append('\n');
    }
    // The documented rules: one space after "///" dropped (already not written), trailing
    // whitespace stripped, blank lines at either end dropped, lines joined with newlines.
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      kept.add(line.stripTrailing());
    }
    while (!kept.isEmpty() && kept.get(0).isBlank()) {
      kept.remove(0);
    }
    while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
      kept.remove(kept.size() - 1);
    }
    if (!kept.isEmpty()) {
      expect("doc_" + kind, owner, field, "value", String.join("\n", kept));
    }
  }

  // The doc line written after "///": when the generator wrote no space, a leading space of the
  // text is the one that gets dropped. Keep the expectation simple: pieces never start a line
  // with a space (see doc()): handled by the stripping rules on both sides.

  // ------------------------------------------------------------------ helpers

  private static final Set<String> KEYWORDS = Set.of(
      "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
      "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
      "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

  static String pyName(String name) {
    return KEYWORDS.contains(name) || name.equals("metadata") || name.equals("registry") ? name + "_" : name;
  }

  static String snake(String name) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        char prev = name.charAt(i - 1);
        boolean afterLower = Character.isLowerCase(prev) || Character.isDigit(prev);
        boolean newWord = Character.isUpperCase(prev) && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
        if (afterLower || newWord) {
          s.append('_');
        }
      }
      s.append(Character.toLowerCase(c));
    }
    return s.toString();
  }

  static String snakePlural(String name) {
    String s = snake(name);
    if (s.matches(".*[^aeiou]y")) {
      return s.substring(0, s.length() - 1) + "ies";
    }
    if (s.matches(".*(s|x|z|ch|sh)")) {
      return s + "es";
    }
    return s + "s";
  }

  private int exactNames;

  /** A name given exactly ({@code name:}): distinct in the schema, as index names must be on PostgreSQL. */
  private String exactName(String kind) {
    // Every third name is one that needs quoting: a dot, a space, a single quote, upper case.
    int n = exactNames++;
    return n % 3 == 2 ? "X" + n + ".o'k " + kind : "x" + n + "_" + kind;
  }

  private List<String> shuffled(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.shuffle(copy, rng);
    return copy;
  }

  private void expect(String kind, String model, String field, String key, String value) {
    expectations.add("{\"kind\":" + json(kind) + ",\"model\":" + json(model) + ",\"field\":"
        + (field == null ? "null" : json(field)) + ",\"" + key + "\":" + json(value) + "}");
  }

  static String json(String value) {
    StringBuilder j = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        j.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        j.append(String.format("\\u%04x", (int) c));
      } else {
        j.append(c);
      }
    }
    return j.append('"').toString();
  }
}
