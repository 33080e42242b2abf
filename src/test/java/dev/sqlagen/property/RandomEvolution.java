package dev.sqlagen.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A seeded random schema evolution: a base schema and {@value #MIN_CHANGES}..{@value #MAX_CHANGES}
 * later versions of it, each a complete .sqd text, for {@code sqlagen revision} to migrate between.
 *
 * <p>The schema is held as a small object model (enums, mixins, models, fields, model attributes)
 * in which every table, column, enum and enum member has a stable id ({@code uid}) from the step
 * it appears in to the step it goes. Each step copies the previous schema and applies one to three
 * random changes drawn from every construct the language has: models and link tables added,
 * dropped, renamed ({@code @@was}); fields added, dropped, renamed ({@code @was}), retyped (widening
 * and narrowing), made nullable or required, given or stripped of defaults (Python and server),
 * {@code @onupdate}, {@code @identity}, {@code @computed}, doc comments; primary keys, references
 * and their {@code @ondelete}/{@code @onupdate} actions, {@code @unique}, {@code @@unique},
 * {@code @@unique_index}, {@code @index}, {@code @@index} with {@code desc()}, {@code @check} and
 * {@code @@check}; enums (types added, dropped, renamed; values added, renamed, removed, reordered);
 * collections, one-to-one sides and many-to-many pairs; mixins (a field of a mixin changes in every
 * table that uses it) and single-table and joined-table subclasses; {@code @@schema}. A rename hint
 * is written for its step only: the next step removes it, as a user would.
 *
 * <p>Each step knows whether its revision loses or needs data ({@link Step#needsFlag()}) and the
 * codes a run without {@code --allow-data-loss} must report ({@link Step#codes()}), and may carry a
 * probe: a variant of the step that must be refused even with the flag (a new required column
 * without a default, SQD064). {@link #manifest()} gives the Python side (check_evolutions.py) what
 * it needs: per step the models and fields with their uids (so that rows are followed through
 * renames), the value domain of every column (values that every later type of the column accepts,
 * enum values never removed later, columns that must hold distinct or non-NULL values because a
 * later step needs that), and the values existing rows must get in a column (a new column's
 * default, or the default that fills NULLs when a column becomes required).
 */
public final class RandomEvolution {
  public static final int MIN_CHANGES = 3;
  public static final int MAX_CHANGES = 8;

  // ------------------------------------------------------------------ the result

  /**
   * One version of the schema and what {@code sqlagen revision} must do with it.
   *
   * @param probe a variant of this step's schema that must be refused with exactly SQD064, with
   *     and without --allow-data-loss (a new required column without a default)
   */
  public record Step(int index, String text, boolean needsFlag, SortedSet<String> codes, List<String> changes,
      Optional<String> probe) {}

  private final long seed;
  private final Random rng;
  private int counter;
  private final List<Sch> states = new ArrayList<>();
  private final List<Step> steps = new ArrayList<>();
  private final List<Map<String, String>> fills = new ArrayList<>();
  private final List<Set<String>> nonNullBefore = new ArrayList<>();

  private RandomEvolution(long seed) {
    this.seed = seed;
    this.rng = new Random(seed);
  }

  public static RandomEvolution generate(long seed) {
    RandomEvolution evolution = new RandomEvolution(seed);
    evolution.build();
    return evolution;
  }

  public long seed() {
    return seed;
  }

  public String packageName() {
    return "ev_" + seed;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Every step's changes, for a report. */
  public String describe() {
    StringBuilder text = new StringBuilder("evolution " + seed + "\n");
    for (Step step : steps) {
      text.append("step ").append(step.index()).append(step.needsFlag() ? " (--allow-data-loss, " + step.codes() + ")" : "")
          .append(step.probe().isPresent() ? " (+ probe SQD064)" : "").append(":\n");
      step.changes().forEach(c -> text.append("  - ").append(c).append('\n'));
    }
    return text.toString();
  }

  // ------------------------------------------------------------------ the schema model

  enum Fam { NUM, STR, DEC, TIME, ENUM, OTHER }

  enum Kind { COL, REF, COLL, SIDE, M2M }

  enum DK { LIT, SQL, NOW, UUID, MEMBER }

  /** A default: a literal (rendered for the column's type), sql("..."), now(), uuid4(), or an enum member's uid. */
  record Dflt(DK kind, String value) {}

  static final class En {
    String uid;
    String name;
    String was;
    String doc;
    List<Mem> members = new ArrayList<>();

    En copy() {
      En e = new En();
      e.uid = uid;
      e.name = name;
      e.was = was;
      e.doc = doc;
      members.forEach(m -> e.members.add(m.copy()));
      return e;
    }
  }

  static final class Mem {
    String uid;
    String name;
    String was;
    boolean anchor;

    Mem copy() {
      Mem m = new Mem();
      m.uid = uid;
      m.name = name;
      m.was = was;
      m.anchor = anchor;
      return m;
    }
  }

  static final class Mx {
    String uid;
    String name;
    String doc;
    List<F> fields = new ArrayList<>();

    Mx copy() {
      Mx x = new Mx();
      x.uid = uid;
      x.name = name;
      x.doc = doc;
      fields.forEach(f -> x.fields.add(f.copy()));
      return x;
    }
  }

  static final class Md {
    String uid;
    String name;
    String was;
    String doc;
    String parent; // model uid
    String strategy; // single | joined, on a root
    String schema;
    String identity; // @@identity, in a hierarchy
    List<String> mixins = new ArrayList<>();
    List<F> fields = new ArrayList<>();
    List<At> attrs = new ArrayList<>();

    Md copy() {
      Md m = new Md();
      m.uid = uid;
      m.name = name;
      m.was = was;
      m.doc = doc;
      m.parent = parent;
      m.strategy = strategy;
      m.schema = schema;
      m.identity = identity;
      m.mixins = new ArrayList<>(mixins);
      fields.forEach(f -> m.fields.add(f.copy()));
      attrs.forEach(a -> m.attrs.add(a.copy()));
      return m;
    }
  }

  static final class F {
    String uid;
    String name;
    String was;
    String doc;
    Kind kind;
    Fam fam;
    String type; // COL: the scalar type, or the enum's uid when fam == ENUM
    boolean nullable;
    boolean pk;
    boolean unique;
    boolean index;
    boolean discriminator;
    String identity; // null, "" or "always"
    Dflt dflt;
    String check; // SQL with {uid} for column names
    String computed; // SQL with {uid}
    String onupdate; // a value: now(), false
    String ondelete; // cascade | set_null | restrict
    String onupdateAction;
    String target; // REF, M2M: the model referred to; COLL, SIDE: the model holding the reference
    String inverse; // COLL, SIDE: the reference's uid; M2M: the other side's uid
    String pair; // M2M: the link table's uid
    boolean fromEnum; // was an enum column: its old rows repeat values
    boolean shared; // the database filled rows with one value (a default): never unique
    boolean hasNulls; // added as nullable to a table with rows: never required without a default
    boolean wasFractional; // was a decimal or float: its text may be "66.00", no integer

    F copy() {
      F f = new F();
      f.uid = uid;
      f.name = name;
      f.was = was;
      f.doc = doc;
      f.kind = kind;
      f.fam = fam;
      f.type = type;
      f.nullable = nullable;
      f.pk = pk;
      f.unique = unique;
      f.index = index;
      f.discriminator = discriminator;
      f.identity = identity;
      f.dflt = dflt;
      f.check = check;
      f.computed = computed;
      f.onupdate = onupdate;
      f.ondelete = ondelete;
      f.onupdateAction = onupdateAction;
      f.target = target;
      f.inverse = inverse;
      f.pair = pair;
      f.fromEnum = fromEnum;
      f.shared = shared;
      f.hasNulls = hasNulls;
      f.wasFractional = wasFractional;
      return f;
    }
  }

  /** A model attribute: index, unique, unique_index or check. */
  static final class At {
    String kind;
    List<String> cols = new ArrayList<>();
    List<Boolean> desc = new ArrayList<>();
    String name;
    String sql;

    At copy() {
      At a = new At();
      a.kind = kind;
      a.cols = new ArrayList<>(cols);
      a.desc = new ArrayList<>(desc);
      a.name = name;
      a.sql = sql;
      return a;
    }
  }

  static final class Sch {
    List<En> enums = new ArrayList<>();
    List<Mx> mixins = new ArrayList<>();
    List<Md> models = new ArrayList<>();

    Sch copy() {
      Sch s = new Sch();
      enums.forEach(e -> s.enums.add(e.copy()));
      mixins.forEach(x -> s.mixins.add(x.copy()));
      models.forEach(m -> s.models.add(m.copy()));
      return s;
    }

    Md model(String uid) {
      return models.stream().filter(m -> m.uid.equals(uid)).findFirst().orElseThrow(() -> new IllegalStateException("no model " + uid));
    }

    Optional<Md> findModel(String uid) {
      return models.stream().filter(m -> m.uid.equals(uid)).findFirst();
    }

    En enumType(String uid) {
      return enums.stream().filter(e -> e.uid.equals(uid)).findFirst().orElseThrow(() -> new IllegalStateException("no enum " + uid));
    }

    Optional<En> findEnum(String uid) {
      return enums.stream().filter(e -> e.uid.equals(uid)).findFirst();
    }

    Mx mixin(String uid) {
      return mixins.stream().filter(x -> x.uid.equals(uid)).findFirst().orElseThrow();
    }

    Md root(Md m) {
      Md r = m;
      while (r.parent != null) {
        r = model(r.parent);
      }
      return r;
    }

    boolean isSti(Md m) {
      return m.parent != null && "single".equals(root(m).strategy);
    }

    /** Has a table of its own: a plain model, a root, a joined-table subclass. */
    boolean ownsTable(Md m) {
      return m.parent == null || "joined".equals(root(m).strategy);
    }

    List<Md> subclasses(Md m) {
      return models.stream().filter(x -> m.uid.equals(x.parent)).toList();
    }

    /** A field of a model, of a model's mixin, by uid. */
    Optional<F> field(String uid) {
      for (Md m : models) {
        for (F f : m.fields) {
          if (f.uid.equals(uid)) {
            return Optional.of(f);
          }
        }
      }
      for (Mx x : mixins) {
        for (F f : x.fields) {
          if (f.uid.equals(uid)) {
            return Optional.of(f);
          }
        }
      }
      return Optional.empty();
    }

    Md ownerOf(F f) {
      return models.stream().filter(m -> m.fields.contains(f)).findFirst().orElse(null);
    }

    List<F> refsTo(Md m) {
      List<F> refs = new ArrayList<>();
      for (Md x : models) {
        for (F f : x.fields) {
          if (f.kind == Kind.REF && f.target.equals(m.uid)) {
            refs.add(f);
          }
        }
      }
      return refs;
    }

    boolean referenced(Md m) {
      return models.stream().flatMap(x -> x.fields.stream())
          .anyMatch(f -> (f.kind == Kind.REF || f.kind == Kind.M2M) && f.target.equals(m.uid));
    }

    List<Md> mixinUsers(Mx x) {
      return models.stream().filter(m -> m.mixins.contains(x.uid)).toList();
    }

    /** The single-column key: true for models keyed by "id" alone. */
    boolean keyedById(Md m) {
      Md r = root(m);
      List<F> keys = r.fields.stream().filter(f -> f.pk).toList();
      return keys.size() == 1 && keys.get(0).kind == Kind.COL && keys.get(0).name.equals("id");
    }
  }

  // ------------------------------------------------------------------ pools

  private static final List<String> MODEL_NAMES = List.of(
      "Org", "Member", "Tag", "Post", "Note", "Item", "Place", "Vehicle", "Animal", "Badge", "Event", "Ticket",
      "Invoice", "Line", "Team", "Project", "Task", "Board", "Card", "Deck", "Room", "Desk", "Lamp", "Book", "Page",
      "Topic", "Forum", "Venue", "Track", "Album", "Song", "Photo", "Story", "Quest", "Skill", "Guild", "Realm", "Zone",
      "Ship", "Port", "Cargo", "Crate", "Kiosk", "Vault", "Robot", "Plant");
  private static final List<String> ENUM_NAMES = List.of("Level", "Mood", "Phase", "Tier", "Hue", "Grade", "Stage", "Rank",
      "Tone", "Shade", "Flavor", "Sort");
  private static final List<String> MEMBERS = List.of("low", "high", "mid", "top", "open", "done", "red", "blue", "green",
      "gold", "alpha", "beta", "gamma", "delta", "north", "south", "east", "west", "one", "two", "three", "four");
  private static final List<String> WORDS = List.of("qty", "title", "note", "score", "code", "label", "size", "rank", "flag",
      "amount", "price", "due", "born", "seen", "body", "slug", "handle", "city", "zip", "memo", "alias", "nick", "rate",
      "weight", "depth", "start", "stop", "hint", "tally");
  private static final List<String> REF_WORDS = List.of("owner", "parent", "buddy", "boss", "home", "host", "peer", "lead");
  private static final List<String> SCHEMAS = List.of("geo", "ops", "arch");

  private static final List<String> NUM_TYPES = List.of("smallint", "int", "bigint", "decimal(12, 2)", "float", "string(24)", "text");
  private static final List<String> STR_TYPES = List.of("string(8)", "string(16)", "string(40)", "text");
  private static final List<String> DEC_TYPES = List.of("decimal(6, 1)", "decimal(8, 2)", "decimal(10, 4)", "decimal(12, 3)");
  private static final List<String> TIME_TYPES = List.of("date", "datetime", "datetime(tz)");
  private static final List<String> OTHER_TYPES = List.of("bool", "uuid", "json", "bytes", "interval", "time", "datetime(tz)");

  private String uid(String prefix) {
    return prefix + (++counter);
  }

  private <T> T pick(List<T> list) {
    return list.get(rng.nextInt(list.size()));
  }

  private boolean chance(int percent) {
    return rng.nextInt(100) < percent;
  }

  private String fieldName(String word) {
    return word + "_" + (++counter);
  }

  private String docText(String what) {
    String[] texts = {"What %s holds.", "The %s, as the team calls it.", "Kept for %s; see the wiki.", "%s: reviewed again.",
        "Notes on %s.\nA second line."};
    return String.format(Locale.ROOT, texts[rng.nextInt(texts.length)], what);
  }

  private String freshModelName(Sch s) {
    Set<String> used = new HashSet<>();
    s.models.forEach(m -> used.add(m.name));
    states.forEach(st -> st.models.forEach(m -> used.add(m.name)));
    List<String> free = MODEL_NAMES.stream().filter(n -> !used.contains(n)).toList();
    return free.isEmpty() ? "Model" + (++counter) : pick(free);
  }

  private String freshEnumName(Sch s) {
    Set<String> used = new HashSet<>();
    s.enums.forEach(e -> used.add(e.name));
    states.forEach(st -> st.enums.forEach(e -> used.add(e.name)));
    List<String> free = ENUM_NAMES.stream().filter(n -> !used.contains(n)).toList();
    return free.isEmpty() ? "Kind" + (++counter) : pick(free);
  }

  private String freshMember(En e) {
    Set<String> used = new HashSet<>();
    e.members.forEach(m -> used.add(m.name));
    e.members.forEach(m -> {
      if (m.was != null) {
        used.add(m.was);
      }
    });
    List<String> free = MEMBERS.stream().filter(n -> !used.contains(n)).toList();
    return free.isEmpty() ? "m" + (++counter) : pick(free);
  }

  // ------------------------------------------------------------------ building blocks

  private En newEnum(Sch s) {
    En e = new En();
    e.uid = uid("E");
    e.name = freshEnumName(s);
    if (chance(30)) {
      e.doc = docText("the enum");
    }
    int count = 2 + rng.nextInt(3);
    for (int i = 0; i < count; i++) {
      Mem m = new Mem();
      m.uid = uid("V");
      m.name = freshMember(e);
      m.anchor = i == 0;
      e.members.add(m);
    }
    s.enums.add(e);
    return e;
  }

  private F idField() {
    F f = new F();
    f.uid = uid("F");
    f.name = "id";
    f.kind = Kind.COL;
    f.fam = Fam.NUM;
    f.type = "int";
    f.pk = true;
    return f;
  }

  private Md newModel(Sch s) {
    Md m = new Md();
    m.uid = uid("M");
    m.name = freshModelName(s);
    if (chance(40)) {
      m.doc = docText("a " + m.name.toLowerCase(Locale.ROOT));
    }
    m.fields.add(idField());
    if (chance(25)) {
      m.fields.get(0).identity = chance(50) ? "" : "always";
    }
    s.models.add(m);
    return m;
  }

  private static String typeKind(String type) {
    int paren = type.indexOf('(');
    return paren < 0 ? type : type.substring(0, paren);
  }

  private static boolean isStringType(String type) {
    return type.startsWith("string") || type.equals("text");
  }

  private static boolean isIntegerType(String type) {
    return type.equals("int") || type.equals("smallint") || type.equals("bigint");
  }

  /** A new column of a random family; {@code forSti}: nullable, as a single-table subclass needs. */
  private F newColumn(Sch s, boolean required, boolean forSti) {
    F f = new F();
    f.uid = uid("F");
    f.kind = Kind.COL;
    int pick = rng.nextInt(100);
    f.fam = pick < 30 ? Fam.NUM : pick < 50 ? Fam.STR : pick < 60 ? Fam.DEC : pick < 70 ? Fam.TIME : pick < 85 ? Fam.ENUM : Fam.OTHER;
    switch (f.fam) {
      case NUM -> f.type = pick(List.of("int", "int", "smallint", "bigint", "decimal(12, 2)", "float", "string(24)"));
      case STR -> f.type = pick(STR_TYPES);
      case DEC -> f.type = pick(DEC_TYPES);
      case TIME -> f.type = pick(TIME_TYPES);
      case ENUM -> {
        List<En> usable = s.enums;
        f.type = usable.isEmpty() || chance(30) ? newEnum(s).uid : pick(usable).uid;
      }
      default -> f.type = pick(OTHER_TYPES);
    }
    f.name = fieldName(pick(WORDS));
    f.wasFractional = f.type.startsWith("decimal") || f.type.equals("float");
    f.nullable = forSti || (!required && chance(40));
    if (chance(25)) {
      f.doc = docText(f.name);
    }
    if (chance(forSti ? 25 : 45) || (!f.nullable && !required && !forSti)) {
      f.dflt = defaultFor(s, f);
    }
    if (f.fam == Fam.OTHER && chance(20)) {
      f.onupdate = f.type.equals("datetime(tz)") ? "now()" : f.type.equals("bool") ? "false" : null;
    }
    if (f.fam != Fam.OTHER && !f.type.equals("text") && !f.type.equals("float") && chance(12)) {
      f.index = true;
    }
    return f;
  }

  /** A default that fits the column's family (and every type of it). */
  private Dflt defaultFor(Sch s, F f) {
    return switch (f.fam) {
      case NUM -> new Dflt(DK.LIT, Integer.toString(1 + rng.nextInt(90)));
      case STR -> new Dflt(DK.LIT, pick(List.of("ab", "x", "n/a", "zz")));
      case DEC -> new Dflt(DK.LIT, pick(List.of("1.5", "2.5", "10.1", "0.5")));
      case TIME -> null;
      case ENUM -> new Dflt(DK.MEMBER, pick(s.enumType(f.type).members).uid);
      default -> switch (f.type) {
        case "bool" -> new Dflt(DK.LIT, chance(50) ? "false" : "true");
        case "uuid" -> new Dflt(DK.UUID, "");
        case "json" -> new Dflt(DK.SQL, "'{}'");
        case "datetime(tz)", "time" -> new Dflt(DK.NOW, "");
        default -> null;
      };
    };
  }

  private F newRef(Sch s, Md target, boolean nullable) {
    F f = new F();
    f.uid = uid("F");
    f.kind = Kind.REF;
    f.fam = Fam.NUM;
    f.name = fieldName(pick(REF_WORDS));
    f.target = target.uid;
    f.nullable = nullable;
    int action = rng.nextInt(5);
    f.ondelete = action == 0 ? "cascade" : action == 1 ? "restrict" : action == 2 && nullable ? "set_null" : null;
    if (chance(10)) {
      f.onupdateAction = "cascade";
    }
    if (chance(20)) {
      f.doc = docText(f.name);
    }
    return f;
  }

  /** The collection mirroring {@code ref} (declared in {@code owner}), placed in the reference's target. */
  private F mirror(Sch s, Md owner, F ref, boolean side) {
    F c = new F();
    c.uid = uid("F");
    c.kind = side ? Kind.SIDE : Kind.COLL;
    c.name = fieldName(side ? "one" : "many");
    c.target = owner.uid;
    c.inverse = ref.uid;
    s.model(ref.target).fields.add(c);
    return c;
  }

  private void addPair(Sch s, Md a, Md b) {
    String pair = uid("P");
    F fa = new F();
    fa.uid = uid("F");
    fa.kind = Kind.M2M;
    fa.name = fieldName("links");
    fa.target = b.uid;
    fa.pair = pair;
    F fb = new F();
    fb.uid = uid("F");
    fb.kind = Kind.M2M;
    fb.name = fieldName("links");
    fb.target = a.uid;
    fb.pair = pair;
    fa.inverse = fb.uid;
    fb.inverse = fa.uid;
    a.fields.add(fa);
    b.fields.add(fb);
  }

  private void addSubclass(Sch s, Md root, boolean single) {
    Md sub = new Md();
    sub.uid = uid("M");
    sub.name = freshModelName(s);
    sub.parent = root.uid;
    sub.identity = "i" + (++counter);
    int cols = single ? rng.nextInt(3) : 1 + rng.nextInt(2);
    for (int i = 0; i < cols; i++) {
      sub.fields.add(newColumn(s, false, single));
    }
    s.models.add(s.models.indexOf(root) + 1 + s.subclasses(root).size(), sub);
  }

  private Md newHierarchy(Sch s, boolean single) {
    Md root = newModel(s);
    root.strategy = single ? "single" : "joined";
    root.identity = "i" + (++counter);
    F kind = new F();
    kind.uid = uid("F");
    kind.kind = Kind.COL;
    kind.fam = Fam.STR;
    kind.type = "string(20)";
    kind.name = fieldName("kind");
    kind.discriminator = true;
    root.fields.add(kind);
    if (chance(70)) {
      root.fields.add(newColumn(s, false, false));
    }
    addSubclass(s, root, single);
    if (chance(50)) {
      addSubclass(s, root, single);
    }
    return root;
  }

  // ------------------------------------------------------------------ the base schema

  private Sch base() {
    Sch s = new Sch();
    int enumCount = 1 + rng.nextInt(2);
    for (int i = 0; i < enumCount; i++) {
      newEnum(s);
    }
    if (chance(60)) {
      Mx x = new Mx();
      x.uid = uid("X");
      x.name = "Audit" + (++counter);
      F stamp = newColumn(s, false, false);
      stamp.fam = Fam.OTHER;
      stamp.type = "datetime(tz)";
      stamp.nullable = false;
      stamp.dflt = new Dflt(DK.NOW, "");
      stamp.index = false;
      stamp.onupdate = chance(40) ? "now()" : null;
      x.fields.add(stamp);
      if (chance(60)) {
        x.fields.add(newColumn(s, false, false));
      }
      s.mixins.add(x);
    }
    // The cascade pair: a parent and its children, ON DELETE CASCADE (SQLite rebuilds must keep them).
    Md parent = newModel(s);
    Md child = newModel(s);
    for (Md m : List.of(parent, child)) {
      int cols = 1 + rng.nextInt(3);
      for (int i = 0; i < cols; i++) {
        m.fields.add(newColumn(s, false, false));
      }
    }
    F ref = newRef(s, parent, false);
    ref.ondelete = "cascade";
    child.fields.add(1, ref);
    if (chance(70)) {
      mirror(s, child, ref, false);
    }
    if (!s.mixins.isEmpty()) {
      parent.mixins.add(s.mixins.get(0).uid);
      if (chance(50)) {
        child.mixins.add(s.mixins.get(0).uid);
      }
    }
    if (chance(40)) {
      F self = newRef(s, child, true);
      self.ondelete = chance(50) ? "set_null" : null;
      child.fields.add(self);
      if (chance(50)) {
        mirror(s, child, self, false);
      }
    }
    if (chance(50)) {
      Md tag = newModel(s);
      tag.fields.add(newColumn(s, false, false));
      addPair(s, child, tag);
      if (chance(30)) {
        tag.schema = pick(SCHEMAS);
      }
    }
    if (chance(45)) {
      newHierarchy(s, true);
    }
    if (chance(45)) {
      newHierarchy(s, false);
    }
    if (chance(30)) {
      Md placed = newModel(s);
      placed.schema = pick(SCHEMAS);
      placed.fields.add(newColumn(s, false, false));
      if (chance(50)) {
        F r = newRef(s, parent, true);
        placed.fields.add(r);
      }
    }
    if (chance(30)) {
      // An association object: two references that make its key.
      Md assoc = newModel(s);
      assoc.fields.clear();
      F a = newRef(s, parent, false);
      a.pk = true;
      a.ondelete = "cascade";
      F b = newRef(s, child, false);
      b.pk = true;
      b.ondelete = chance(50) ? "cascade" : null;
      assoc.fields.add(a);
      assoc.fields.add(b);
      assoc.fields.add(newColumn(s, false, false));
      if (chance(50)) {
        mirror(s, assoc, a, false);
      }
    }
    if (chance(30)) {
      // A one-to-one: a unique reference and its scalar side.
      Md profile = newModel(s);
      F owner = newRef(s, parent, false);
      owner.unique = true;
      owner.ondelete = "cascade";
      profile.fields.add(owner);
      profile.fields.add(newColumn(s, false, false));
      if (chance(70)) {
        mirror(s, profile, owner, true);
      }
    }
    // Decorations, through the same changes the steps make.
    Step0 ctx = new Step0(s);
    int decorations = 2 + rng.nextInt(4);
    for (int i = 0; i < decorations; i++) {
      switch (rng.nextInt(8)) {
        case 0 -> addCheck(ctx);
        case 1 -> addComputed(ctx);
        case 2 -> addIndexAttr(ctx);
        case 3 -> addUniqueAttr(ctx);
        case 4 -> toggleIdentity(ctx);
        case 5 -> addUniqueColumn(ctx);
        case 6 -> changeOnupdate(ctx);
        default -> addModelCheck(ctx);
      }
    }
    prune(s);
    return s;
  }

  /** The base schema's decorations run the step changes without a step. */
  private final class Step0 extends Ctx {
    Step0(Sch s) {
      super(s, s);
    }
  }

  // ------------------------------------------------------------------ steps

  /** What one step is building: the schema, what it touched, the codes and fills it expects. */
  private class Ctx {
    final Sch s;
    final Sch prev;
    final Set<String> touched = new HashSet<>();
    final SortedSet<String> codes = new TreeSet<>();
    final List<String> changes = new ArrayList<>();

    Ctx(Sch s, Sch prev) {
      this.s = s;
      this.prev = prev;
    }

    boolean free(String... uids) {
      for (String u : uids) {
        if (touched.contains(u)) {
          return false;
        }
      }
      return true;
    }

    void touch(String... uids) {
      touched.addAll(List.of(uids));
    }

    void code(String code) {
      codes.add(code);
    }

    void say(String change) {
      changes.add(change);
    }
  }

  private interface Change {
    boolean apply(Ctx c);
  }

  private final List<Change> changes = List.of(
      this::addModel, this::dropModel, this::renameModel, this::addPairChange, this::dropPair, this::addColumn,
      this::addColumn, this::dropColumn, this::renameColumn, this::renameColumn, this::retype, this::retype, this::retype,
      this::nullability, this::nullability, this::changeDefault, this::changeDefault, this::changeOnupdate,
      this::toggleIdentity, this::computedChange, this::addComputed, this::comment, this::comment, this::primaryKey,
      this::fkAction, this::addUniqueColumn, this::dropUnique, this::addUniqueAttr, this::dropAttr, this::addIndexColumn,
      this::addIndexAttr, this::addCheck, this::addModelCheck, this::dropCheck, this::addEnumValue, this::renameEnumValue,
      this::removeEnumValue, this::reorderEnum, this::renameEnum, this::dropEnum, this::collection, this::oneToOne,
      this::mixinChange, this::subclassChange, this::moveSchema, this::dropRef, this::addRef, this::renameRef);

  private void build() {
    Sch s0 = base();
    states.add(s0);
    steps.add(new Step(0, render(s0, 0), false, new TreeSet<>(), List.of("the base schema"), Optional.empty()));
    fills.add(Map.of());
    int count = MIN_CHANGES + rng.nextInt(MAX_CHANGES - MIN_CHANGES + 1);
    for (int i = 1; i <= count; i++) {
      Sch prev = states.get(i - 1);
      Sch next = prev.copy();
      clearHints(next);
      Ctx c = new Ctx(next, prev);
      int wanted = 1 + rng.nextInt(3);
      int tries = 0;
      while (c.changes.size() < wanted && tries++ < 200) {
        pick(changes).apply(c);
      }
      prune(next);
      states.add(next);
      Optional<String> probe = Optional.empty();
      if (chance(15)) {
        probe = probe(next, i);
      }
      String text;
      try {
        text = render(next, i);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(e.getMessage() + " after " + describe() + "step " + i + ": " + c.changes, e);
      }
      steps.add(new Step(i, text, !c.codes.isEmpty(), c.codes, List.copyOf(c.changes), probe));
    }
    for (int i = 1; i < states.size(); i++) {
      fills.add(computeFills(states.get(i - 1), states.get(i)));
    }
  }

  private static void clearHints(Sch s) {
    s.enums.forEach(e -> {
      e.was = null;
      e.members.forEach(m -> m.was = null);
    });
    s.models.forEach(m -> {
      m.was = null;
      m.fields.forEach(f -> f.was = null);
    });
    s.mixins.forEach(x -> x.fields.forEach(f -> f.was = null));
  }

  /** Unused enums and mixins go, as a user would remove them (they would be warnings). */
  private static void prune(Sch s) {
    Set<String> usedEnums = new HashSet<>();
    Set<String> usedMixins = new HashSet<>();
    s.models.forEach(m -> usedMixins.addAll(m.mixins));
    s.models.forEach(m -> m.fields.stream().filter(f -> f.kind == Kind.COL && f.fam == Fam.ENUM).forEach(f -> usedEnums.add(f.type)));
    s.mixins.stream().filter(x -> usedMixins.contains(x.uid))
        .forEach(x -> x.fields.stream().filter(f -> f.fam == Fam.ENUM).forEach(f -> usedEnums.add(f.type)));
    s.enums.removeIf(e -> !usedEnums.contains(e.uid));
    s.mixins.removeIf(x -> !usedMixins.contains(x.uid));
  }

  /** The step with a new required column without a default in some table: refused, flag or not. */
  private Optional<String> probe(Sch s, int index) {
    List<Md> owners = s.models.stream().filter(s::ownsTable).filter(m -> prevHasTable(index, m)).toList();
    if (owners.isEmpty()) {
      return Optional.empty();
    }
    Sch copy = s.copy();
    Md m = copy.model(pick(owners).uid);
    F f = new F();
    f.uid = "probe";
    f.kind = Kind.COL;
    f.fam = Fam.NUM;
    f.type = "int";
    f.name = "probe_" + (++counter);
    m.fields.add(f);
    return Optional.of(render(copy, index));
  }

  private boolean prevHasTable(int index, Md m) {
    return states.get(index - 1).findModel(m.uid).map(x -> states.get(index - 1).ownsTable(x)).orElse(false);
  }

  // ------------------------------------------------------------------ candidates

  /** Every column field in the schema with the model it is in (for a mixin's field: null). */
  private record Col(Md model, Mx mixin, F f) {
    List<Md> tables(Sch s) {
      return model != null ? List.of(model) : s.mixinUsers(mixin);
    }

    String where() {
      return (model != null ? model.name : "mixin " + mixin.name) + "." + f.name;
    }
  }

  private List<Col> columns(Sch s) {
    List<Col> cols = new ArrayList<>();
    for (Md m : s.models) {
      for (F f : m.fields) {
        if (f.kind == Kind.COL) {
          cols.add(new Col(m, null, f));
        }
      }
    }
    for (Mx x : s.mixins) {
      for (F f : x.fields) {
        cols.add(new Col(null, x, f));
      }
    }
    return cols;
  }

  /** Named by a check or computed column of another field, or a model's @@check. */
  private static boolean namedByOthers(Sch s, Col col) {
    return pinned(s, new Col(col.model, col.mixin, withoutCheck(col.f)));
  }

  private static F withoutCheck(F f) {
    F copy = f.copy();
    copy.check = null;
    return copy;
  }

  /** Named by a check, a computed column, or a model's @@check, or checked itself: its type and nullability stay. */
  private static boolean pinned(Sch s, Col col) {
    String token = "{" + col.f.uid + "}";
    for (Md m : s.models) {
      for (F f : m.fields) {
        if (!f.uid.equals(col.f.uid) && ((f.computed != null && f.computed.contains(token)) || (f.check != null && f.check.contains(token)))) {
          return true;
        }
      }
      for (At a : m.attrs) {
        if (a.sql != null && a.sql.contains(token)) {
          return true;
        }
      }
    }
    return col.f.check != null;
  }

  private static boolean inAttr(Md m, F f) {
    return m != null && m.attrs.stream().anyMatch(a -> a.cols.contains(f.uid));
  }

  /** A column that is plain data: not a key, discriminator, computed or identity. */
  private static boolean plain(Col col) {
    F f = col.f;
    return !f.pk && !f.discriminator && f.computed == null && f.identity == null;
  }

  private boolean canChangeCol(Ctx c, Col col) {
    for (Md m : col.tables(c.s)) {
      if (!c.free(m.uid)) {
        return false;
      }
    }
    return c.free(col.f.uid) && (col.mixin == null || c.free(col.mixin.uid));
  }

  private <T> Optional<T> any(List<T> list, Predicate<T> ok) {
    List<T> matching = list.stream().filter(ok).toList();
    return matching.isEmpty() ? Optional.empty() : Optional.of(pick(matching));
  }

  /** Marks the column's tables touched too (so no other change in this step rebuilds them differently). */
  private void touchCol(Ctx c, Col col) {
    c.touch(col.f.uid);
    if (col.mixin != null) {
      c.touch(col.mixin.uid);
    }
    col.tables(c.s).forEach(m -> c.touch(m.uid));
  }

  // ------------------------------------------------------------------ changes: models and link tables

  private boolean addModel(Ctx c) {
    Md m = newModel(c.s);
    int cols = 1 + rng.nextInt(3);
    for (int i = 0; i < cols; i++) {
      m.fields.add(newColumn(c.s, chance(30), false));
    }
    if (chance(20)) {
      m.schema = pick(SCHEMAS);
    }
    List<Md> targets = c.s.models.stream().filter(x -> x != m && c.s.keyedById(x) && c.free(x.uid)).toList();
    if (!targets.isEmpty() && chance(70)) {
      Md target = pick(targets);
      F ref = newRef(c.s, target, chance(50));
      m.fields.add(1, ref);
      if (chance(50) && !c.s.isSti(target)) {
        mirror(c.s, m, ref, false);
      }
      c.touch(target.uid);
    }
    if (chance(15)) {
      Md root = newHierarchy(c.s, chance(50));
      c.touch(root.uid);
      c.s.subclasses(root).forEach(x -> c.touch(x.uid));
      c.say("add hierarchy " + root.name + " (" + root.strategy + ")");
    }
    c.touch(m.uid);
    c.say("add model " + m.name + (m.schema != null ? " in schema " + m.schema : ""));
    return true;
  }

  /** Models that can go: no subclasses, no key reference to them, not in a changed schema table. */
  private boolean droppable(Ctx c, Md m) {
    if (!c.s.subclasses(m).isEmpty() || !c.free(m.uid)) {
      return false;
    }
    for (Md x : c.s.models) {
      for (F f : x.fields) {
        if (f.kind == Kind.REF && f.target.equals(m.uid) && x != m) {
          if (f.pk || !c.free(x.uid, f.uid) || inAttr(x, f)) {
            return false;
          }
        }
        if (f.kind == Kind.M2M && f.target.equals(m.uid) && !c.free(x.uid)) {
          return false;
        }
      }
    }
    return c.s.models.size() > 2;
  }

  private boolean dropModel(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> droppable(c, m));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    Sch s = c.s;
    List<String> enums = m.fields.stream().filter(f -> f.kind == Kind.COL && f.fam == Fam.ENUM).map(f -> f.type).toList();
    if (!c.free(enums.toArray(String[]::new))) {
      return false;
    }
    enums.forEach(c::touch);
    if (s.ownsTable(m)) {
      c.code("SQD060");
    } else if (m.fields.stream().anyMatch(f -> f.kind == Kind.COL || f.kind == Kind.REF)) {
      c.code("SQD061"); // a single-table subclass: its columns leave the root's table
      c.touch(s.root(m).uid);
    }
    for (Md x : s.models) {
      if (x == m) {
        continue;
      }
      List<F> gone = new ArrayList<>();
      for (F f : new ArrayList<>(x.fields)) {
        if (f.kind == Kind.REF && f.target.equals(m.uid)) {
          c.code("SQD061");
          gone.add(f);
        } else if (f.kind == Kind.M2M && f.target.equals(m.uid)) {
          c.code("SQD060");
          gone.add(f);
        } else if ((f.kind == Kind.COLL || f.kind == Kind.SIDE) && f.target.equals(m.uid)) {
          gone.add(f);
        }
      }
      if (!gone.isEmpty()) {
        c.touch(x.uid);
        x.fields.removeAll(gone);
        gone.forEach(f -> removeMirrors(s, f));
      }
    }
    // Its references' mirrors in other models go with it.
    for (F f : new ArrayList<>(m.fields)) {
      if (f.kind == Kind.REF) {
        removeMirrors(s, f);
      }
    }
    s.models.remove(m);
    c.touch(m.uid);
    c.say("drop model " + m.name);
    return true;
  }

  private static void removeMirrors(Sch s, F ref) {
    for (Md x : s.models) {
      x.fields.removeIf(f -> (f.kind == Kind.COLL || f.kind == Kind.SIDE) && ref.uid.equals(f.inverse));
    }
  }

  private boolean renameModel(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> c.s.ownsTable(m) && c.free(m.uid) && !linkTouched(c, m));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    String old = m.name;
    m.was = old;
    m.name = freshModelName(c.s);
    c.touch(m.uid);
    touchLinks(c, m);
    c.say("rename model " + old + " to " + m.name + " (@@was)");
    return true;
  }

  /** A model's link tables are named after it: their other model must not be in another change. */
  private boolean linkTouched(Ctx c, Md m) {
    return m.fields.stream().anyMatch(f -> f.kind == Kind.M2M && !c.free(f.target));
  }

  private void touchLinks(Ctx c, Md m) {
    m.fields.stream().filter(f -> f.kind == Kind.M2M).forEach(f -> c.touch(f.target, f.pair));
  }

  private boolean addPairChange(Ctx c) {
    List<Md> ok = c.s.models.stream()
        .filter(m -> m.parent == null && c.s.keyedById(m) && c.free(m.uid)).toList();
    if (ok.size() < 2) {
      return false;
    }
    Md a = pick(ok);
    Md b = pick(ok);
    if (a == b || a.fields.stream().anyMatch(f -> f.kind == Kind.M2M && f.target.equals(b.uid))) {
      return false;
    }
    // The link table is named after the model declared first; keep declaration order as is.
    addPair(c.s, a, b);
    c.touch(a.uid, b.uid);
    c.say("add many-to-many " + a.name + " <-> " + b.name);
    return true;
  }

  private boolean dropPair(Ctx c) {
    List<F> pairs = new ArrayList<>();
    c.s.models.forEach(m -> m.fields.stream().filter(f -> f.kind == Kind.M2M && c.free(m.uid, f.target)).forEach(pairs::add));
    if (pairs.isEmpty()) {
      return false;
    }
    F f = pick(pairs);
    Md a = c.s.ownerOf(f);
    Md b = c.s.model(f.target);
    a.fields.removeIf(x -> f.pair.equals(x.pair));
    b.fields.removeIf(x -> f.pair.equals(x.pair));
    c.code("SQD060");
    c.touch(a.uid, b.uid, f.pair);
    c.say("drop many-to-many " + a.name + " <-> " + b.name);
    return true;
  }

  // ------------------------------------------------------------------ changes: columns

  private boolean addColumn(Ctx c) {
    boolean toMixin = !c.s.mixins.isEmpty() && chance(25);
    if (toMixin) {
      Mx x = pick(c.s.mixins);
      List<Md> users = c.s.mixinUsers(x);
      if (!c.free(x.uid) || users.stream().anyMatch(m -> !c.free(m.uid))) {
        return false;
      }
      F f = newColumn(c.s, false, false);
      f.index = false; // a mixin's index would be named per table: fine, but keep mixins simple
      ensureFilled(c.s, f);
      markFilled(f);
      x.fields.add(f);
      c.touch(x.uid);
      users.forEach(m -> c.touch(m.uid));
      c.say("add column " + f.name + " " + describeType(c.s, f) + " to mixin " + x.name + " (used by " + users.size() + " models)");
      return true;
    }
    Optional<Md> pick = any(c.s.models, m -> c.free(m.uid) && (!c.s.isSti(m) || c.free(c.s.root(m).uid)));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    boolean sti = c.s.isSti(m);
    F f = newColumn(c.s, false, sti);
    if (!sti) {
      ensureFilled(c.s, f);
    }
    markFilled(f);
    m.fields.add(f);
    c.touch(m.uid);
    if (sti) {
      c.touch(c.s.root(m).uid);
    }
    c.say("add column " + m.name + "." + f.name + " " + describeType(c.s, f));
    return true;
  }

  /** A column added to a table with rows: the rows share its default, or hold NULL. */
  private static void markFilled(F f) {
    f.shared |= f.dflt != null || f.computed != null;
    f.hasNulls |= f.nullable && (f.dflt == null || f.dflt.kind == DK.UUID);
  }

  /** A column added to a table with rows: nullable, or a default the database gives them. */
  private void ensureFilled(Sch s, F f) {
    if (!f.nullable && (f.dflt == null || f.dflt.kind == DK.UUID)) {
      Dflt d = defaultFor(s, f);
      if (d == null || d.kind == DK.UUID) {
        f.nullable = true;
      } else {
        f.dflt = d;
      }
    }
  }

  private String describeType(Sch s, F f) {
    String type = f.fam == Fam.ENUM ? s.findEnum(f.type).map(e -> e.name).orElse(f.type) : f.type;
    return type + (f.nullable ? "?" : "") + (f.dflt != null ? " = " + dfltText(s, f) : "");
  }

  private boolean dropColumn(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> !col.f.pk && !col.f.discriminator && col.f.identity == null
        && canChangeCol(c, col) && !namedByOthers(c.s, col) && (col.mixin == null || col.mixin.fields.size() > 1));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    if (col.f.fam == Fam.ENUM) {
      if (!c.free(col.f.type)) {
        return false;
      }
      c.touch(col.f.type);
    }
    if (col.model != null) {
      col.model.fields.remove(col.f);
      col.model.attrs.removeIf(a -> a.cols.contains(col.f.uid));
    } else {
      col.mixin.fields.remove(col.f);
    }
    if (!col.tables(c.s).isEmpty()) {
      c.code("SQD061");
    }
    touchCol(c, col);
    c.say("drop column " + col.where());
    return true;
  }

  private boolean renameColumn(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> canChangeCol(c, col) && !col.f.name.equals("id") && col.f.computed == null);
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    String old = col.f.name;
    col.f.was = old;
    col.f.name = fieldName(pick(WORDS));
    touchCol(c, col);
    c.say("rename column " + col.where().replace("." + col.f.name, "." + old) + " to " + col.f.name + " (@was)");
    return true;
  }

  /** Whether every value of {@code from} is one of {@code to} (the oracle of SQD063, written from the brief). */
  static boolean widens(String from, String to, int longestEnumValue) {
    if (from.equals(to)) {
      return true;
    }
    int fromRank = List.of("smallint", "int", "bigint").indexOf(from);
    int toRank = List.of("smallint", "int", "bigint").indexOf(to);
    if (fromRank >= 0 && toRank >= 0) {
      return fromRank <= toRank;
    }
    int[] fromDec = decimal(from);
    int[] toDec = decimal(to);
    if (fromRank >= 0 && toDec != null) {
      return toDec[0] - toDec[1] >= new int[] {5, 10, 19}[fromRank];
    }
    if (fromRank >= 0 && fromRank <= 1 && to.equals("float")) {
      return true;
    }
    if (fromDec != null && toDec != null) {
      return toDec[1] >= fromDec[1] && toDec[0] - toDec[1] >= fromDec[0] - fromDec[1];
    }
    if (to.equals("text")) {
      return !from.equals("bytes") && !from.equals("json") && !from.equals("interval");
    }
    if (to.startsWith("string(")) {
      int length = Integer.parseInt(to.substring(7, to.length() - 1));
      Integer needed = from.startsWith("string(") ? Integer.valueOf(from.substring(7, from.length() - 1))
          : switch (typeKind(from)) {
            case "smallint" -> 6;
            case "int" -> 11;
            case "bigint" -> 20;
            case "decimal" -> fromDec[0] + 2;
            case "enum" -> longestEnumValue;
            default -> null;
          };
      return needed != null && needed <= length;
    }
    if (from.equals("datetime") && to.equals("datetime(tz)")) {
      return true;
    }
    return from.equals("date") && to.startsWith("datetime");
  }

  private static int[] decimal(String type) {
    Matcher m = Pattern.compile("decimal\\((\\d+)(?:, *(\\d+))?\\)").matcher(type);
    return m.matches() ? new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2))} : null;
  }

  private boolean retype(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> plain(col) && canChangeCol(c, col) && !pinned(c.s, col)
        && col.f.fam != Fam.OTHER && !col.f.pk);
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    F f = col.f;
    String from = f.fam == Fam.ENUM ? "enum" : f.type;
    String to;
    int longest = 0;
    if (f.fam == Fam.ENUM) {
      En e = c.s.enumType(f.type);
      if (!c.free(e.uid)) {
        return false;
      }
      c.touch(e.uid);
      longest = e.members.stream().mapToInt(m -> m.name.length()).max().orElse(0);
      to = "string(24)";
    } else {
      List<String> family = switch (f.fam) {
        case NUM -> NUM_TYPES;
        case STR -> STR_TYPES;
        case DEC -> DEC_TYPES;
        default -> TIME_TYPES;
      };
      List<String> others = family.stream().filter(t -> !t.equals(f.type))
          .filter(t -> !(f.wasFractional && isStringType(f.type) && isIntegerType(t))).toList();
      if (others.isEmpty()) {
        return false;
      }
      to = pick(others);
      if ((f.unique || f.index || inAttr(col.model, f)) && (to.equals("text") || to.equals("float"))) {
        return false; // keep indexed columns indexable everywhere
      }
    }
    boolean widening = widens(from, to, longest);
    if (!widening) {
      c.code("SQD063");
    }
    String before = describeType(c.s, f);
    if (f.fam == Fam.ENUM) {
      if (f.dflt != null) {
        f.dflt = new Dflt(DK.LIT, c.s.enumType(f.type).members.stream().filter(m -> m.uid.equals(f.dflt.value())).findFirst()
            .orElseThrow().name);
      }
      f.fam = Fam.STR;
      f.fromEnum = true;
    }
    f.type = to;
    f.wasFractional |= to.startsWith("decimal") || to.equals("float");
    touchCol(c, col);
    c.say("retype " + col.where() + " from " + before + " to " + describeType(c.s, f) + (widening ? " (widening)" : " (narrowing)"));
    return true;
  }

  private boolean nullability(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> plain(col) && canChangeCol(c, col) && !pinned(c.s, col)
        && !(col.model != null && c.s.isSti(col.model)) && (col.f.dflt == null || col.f.dflt.kind == DK.LIT
        || col.f.dflt.kind == DK.MEMBER));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    F f = col.f;
    if (f.nullable) {
      boolean distinct = f.unique || col.model != null && col.model.attrs.stream()
          .anyMatch(a -> !a.kind.equals("check") && !a.kind.equals("index") && a.cols.contains(f.uid));
      if (f.dflt == null ? f.hasNulls : distinct) {
        return false; // NULLs that stay, or NULLs that would all become one value
      }
      if (f.dflt != null) {
        f.shared = true;
      }
      f.nullable = false;
      if (f.dflt == null) {
        c.code("SQD064");
        c.say("make " + col.where() + " required, without a default");
      } else {
        c.say("make " + col.where() + " required; its default " + dfltText(c.s, f) + " fills the NULLs");
      }
    } else {
      f.nullable = true;
      c.say("make " + col.where() + " nullable");
    }
    touchCol(c, col);
    return true;
  }

  private boolean changeDefault(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> plain(col) && canChangeCol(c, col) && col.f.fam != Fam.TIME && !col.f.pk);
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    F f = col.f;
    String before = f.dflt == null ? "none" : dfltText(c.s, f);
    if (f.dflt != null && chance(50)) {
      f.dflt = null;
    } else {
      Dflt d = defaultFor(c.s, f);
      if (d == null) {
        return false;
      }
      if (f.fam == Fam.NUM && isIntegerType(f.type) && chance(30)) {
        d = new Dflt(DK.SQL, Integer.toString(1 + rng.nextInt(9))); // a server default only
      }
      f.dflt = d;
    }
    touchCol(c, col);
    c.say("default of " + col.where() + ": " + before + " -> " + (f.dflt == null ? "none" : dfltText(c.s, f)));
    return true;
  }

  private boolean changeOnupdate(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> plain(col) && c.free(col.f.uid) && col.f.fam == Fam.OTHER
        && (col.f.type.equals("datetime(tz)") || col.f.type.equals("bool")));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    F f = col.f;
    f.onupdate = f.onupdate != null ? null : f.type.equals("bool") ? "false" : "now()";
    c.touch(f.uid);
    c.say((f.onupdate == null ? "remove @onupdate from " : "add @onupdate(" + f.onupdate + ") to ") + col.where());
    return true;
  }

  /** @identity on the single int key of a root or plain model: added, switched, removed. */
  private boolean toggleIdentity(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> m.parent == null && c.s.keyedById(m) && c.free(m.uid)
        && m.fields.stream().anyMatch(f -> f.pk && f.type.equals("int") && f.kind == Kind.COL));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    F id = m.fields.stream().filter(f -> f.pk).findFirst().orElseThrow();
    String before = id.identity == null ? "none" : id.identity.isEmpty() ? "@identity" : "@identity(always)";
    if (id.identity == null) {
      id.identity = chance(50) ? "" : "always";
    } else if (chance(30)) {
      id.identity = id.identity.isEmpty() ? "always" : "";
    } else {
      id.identity = null;
    }
    c.touch(m.uid, id.uid);
    c.say("identity of " + m.name + ".id: " + before + " -> "
        + (id.identity == null ? "none" : id.identity.isEmpty() ? "@identity" : "@identity(always)"));
    return true;
  }

  private boolean addComputed(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.model != null && plain(col) && col.f.fam == Fam.NUM
        && isIntegerType(col.f.type) && canChangeCol(c, col) && !c.s.isSti(col.model));
    if (pick.isEmpty()) {
      return false;
    }
    Col src = pick.get();
    F f = new F();
    f.uid = uid("F");
    f.kind = Kind.COL;
    f.fam = Fam.NUM;
    f.type = "bigint";
    f.name = fieldName("calc");
    f.nullable = src.f.nullable;
    f.computed = "{" + src.f.uid + "} * " + (2 + rng.nextInt(5));
    src.model.fields.add(f);
    touchCol(c, src);
    c.say("add computed column " + src.model.name + "." + f.name + " = " + f.computed.replace("{" + src.f.uid + "}", src.f.name));
    return true;
  }

  /** A computed column's expression changes, or it becomes a plain column, or a plain one becomes computed. */
  private boolean computedChange(Ctx c) {
    List<Col> computed = columns(c.s).stream().filter(col -> col.f.computed != null && canChangeCol(c, col)).toList();
    if (!computed.isEmpty() && chance(70)) {
      Col col = pick(computed);
      F f = col.f;
      String src = sourceOf(f.computed);
      Col source = columns(c.s).stream().filter(x -> x.f.uid.equals(src)).findFirst().orElseThrow();
      if (!c.free(src)) {
        return false;
      }
      if (chance(50)) {
        String before = f.computed;
        f.computed = "{" + src + "} * " + (7 + rng.nextInt(5));
        f.uid = uid("F"); // new values: a new column as far as rows go
        c.say("change computed expression of " + col.where() + " from " + before + " to " + f.computed);
      } else {
        f.computed = null;
        c.say("computed column " + col.where() + " becomes a plain column");
      }
      c.touch(src);
      touchCol(c, col);
      touchCol(c, source);
      return true;
    }
    Optional<Col> pick = any(columns(c.s), col -> col.model != null && plain(col) && col.f.fam == Fam.NUM
        && isIntegerType(col.f.type) && canChangeCol(c, col) && !pinned(c.s, col) && !col.f.unique && !col.f.index
        && !inAttr(col.model, col.f) && !c.s.isSti(col.model));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    Optional<Col> source = any(columns(c.s), x -> x.model == col.model && x.f != col.f && plain(x) && x.f.fam == Fam.NUM
        && isIntegerType(x.f.type) && c.free(x.f.uid) && x.f.nullable == col.f.nullable);
    if (source.isEmpty()) {
      return false;
    }
    col.f.computed = "{" + source.get().f.uid + "} * 3";
    col.f.dflt = null;
    col.f.onupdate = null;
    col.f.uid = uid("F"); // its values are replaced
    c.code("SQD061");
    touchCol(c, col);
    touchCol(c, source.get());
    c.say("plain column " + col.where() + " becomes computed from " + source.get().f.name);
    return true;
  }

  private static String sourceOf(String template) {
    Matcher m = Pattern.compile("\\{(F\\d+)\\}").matcher(template);
    return m.find() ? m.group(1) : null;
  }

  private boolean comment(Ctx c) {
    int what = rng.nextInt(3);
    if (what == 0) {
      Optional<Md> pick = any(c.s.models, m -> c.free(m.uid));
      if (pick.isEmpty()) {
        return false;
      }
      Md m = pick.get();
      m.doc = m.doc != null && chance(40) ? null : docText("the " + m.name + " v" + (++counter));
      c.touch(m.uid);
      c.say((m.doc == null ? "remove the doc comment of model " : "doc comment of model ") + m.name);
      return true;
    }
    if (what == 1 && !c.s.enums.isEmpty()) {
      En e = pick(c.s.enums);
      e.doc = e.doc != null && chance(40) ? null : docText("enum v" + (++counter));
      c.say("doc comment of enum " + e.name + " (no database change)");
      return true;
    }
    Optional<Col> pick = any(columns(c.s), col -> canChangeCol(c, col));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    col.f.doc = col.f.doc != null && chance(40) ? null : docText(col.f.name + " v" + (++counter));
    touchCol(c, col);
    c.say((col.f.doc == null ? "remove the doc comment of " : "doc comment of ") + col.where());
    return true;
  }

  /** A leaf model's key gains or loses a second column. */
  private boolean primaryKey(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> m.parent == null && m.strategy == null && !c.s.referenced(m) && c.free(m.uid)
        && m.fields.stream().anyMatch(f -> f.pk && f.name.equals("id")));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    F id = m.fields.stream().filter(f -> f.pk && f.name.equals("id")).findFirst().orElseThrow();
    List<F> keys = m.fields.stream().filter(f -> f.pk).toList();
    if (keys.size() > 1) {
      F second = keys.stream().filter(f -> f != id).findFirst().orElseThrow();
      second.pk = false;
      c.touch(m.uid, second.uid, id.uid);
      c.code("SQD065");
      c.say("primary key of " + m.name + ": (id, " + second.name + ") -> (id)");
      return true;
    }
    Optional<F> second = any(m.fields, f -> f.kind == Kind.COL && plain(new Col(m, null, f)) && !f.nullable
        && (f.fam == Fam.NUM && isIntegerType(f.type) || f.fam == Fam.STR && !f.type.equals("text")) && !f.fromEnum && !f.shared && c.free(f.uid)
        && !pinned(c.s, new Col(m, null, f)));
    if (second.isEmpty() || id.identity != null) {
      return false;
    }
    second.get().pk = true;
    second.get().dflt = null;
    c.touch(m.uid, second.get().uid, id.uid);
    if (!alreadyUnique(c, m, List.of(id.uid, second.get().uid))) {
      c.code("SQD065");
    }
    c.say("primary key of " + m.name + ": (id) -> (id, " + second.get().name + ")");
    return true;
  }

  // ------------------------------------------------------------------ changes: references

  private List<F> refs(Sch s) {
    List<F> refs = new ArrayList<>();
    s.models.forEach(m -> m.fields.stream().filter(f -> f.kind == Kind.REF).forEach(refs::add));
    return refs;
  }

  private boolean refFree(Ctx c, F f) {
    Md owner = c.s.ownerOf(f);
    Md tableOwner = c.s.ownsTable(owner) ? owner : c.s.root(owner);
    return c.free(f.uid, owner.uid, tableOwner.uid, f.target);
  }

  private boolean fkAction(Ctx c) {
    Optional<F> pick = any(refs(c.s), f -> refFree(c, f));
    if (pick.isEmpty()) {
      return false;
    }
    F f = pick.get();
    String before = f.ondelete + "/" + f.onupdateAction;
    if (chance(75)) {
      List<String> actions = new ArrayList<>(List.of("cascade", "restrict", "none"));
      if (f.nullable) {
        actions.add("set_null");
      }
      actions.remove(f.ondelete == null ? "none" : f.ondelete);
      String next = pick(actions);
      f.ondelete = next.equals("none") ? null : next;
    } else {
      f.onupdateAction = f.onupdateAction == null ? "cascade" : null;
    }
    Md owner = c.s.ownerOf(f);
    c.touch(f.uid, owner.uid, c.s.root(owner).uid);
    c.say("actions of " + owner.name + "." + f.name + ": " + before + " -> " + f.ondelete + "/" + f.onupdateAction);
    return true;
  }

  private boolean dropRef(Ctx c) {
    Optional<F> pick = any(refs(c.s), f -> refFree(c, f) && !f.pk && !inAttr(c.s.ownerOf(f), f));
    if (pick.isEmpty()) {
      return false;
    }
    F f = pick.get();
    Md owner = c.s.ownerOf(f);
    owner.fields.remove(f);
    removeMirrors(c.s, f);
    c.code("SQD061");
    c.touch(f.uid, owner.uid, c.s.root(owner).uid, f.target);
    c.say("drop reference " + owner.name + "." + f.name);
    return true;
  }

  private boolean addRef(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> c.free(m.uid) && (!c.s.isSti(m) || c.free(c.s.root(m).uid)));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    Optional<Md> target = any(c.s.models, t -> c.s.keyedById(t) && c.free(t.uid));
    if (target.isEmpty()) {
      return false;
    }
    F ref = newRef(c.s, target.get(), true);
    m.fields.add(ref);
    if (chance(40) && !c.s.isSti(target.get())) {
      mirror(c.s, m, ref, false);
    }
    c.touch(m.uid, c.s.root(m).uid, target.get().uid);
    c.say("add nullable reference " + m.name + "." + ref.name + " -> " + target.get().name);
    return true;
  }

  private boolean renameRef(Ctx c) {
    Optional<F> pick = any(refs(c.s), f -> refFree(c, f));
    if (pick.isEmpty()) {
      return false;
    }
    F f = pick.get();
    Md owner = c.s.ownerOf(f);
    String old = f.name;
    f.was = old;
    f.name = fieldName(pick(REF_WORDS));
    c.touch(f.uid, owner.uid, c.s.root(owner).uid, f.target);
    boolean required = !f.nullable;
    if (!required && chance(30)) {
      c.say("rename reference " + owner.name + "." + old + " to " + f.name + " (@was)");
      return true;
    }
    if (required && chance(40) && !f.pk) {
      f.nullable = true; // a rename and a change in one step
      c.say("rename reference " + owner.name + "." + old + " to " + f.name + " (@was) and make it optional");
      return true;
    }
    c.say("rename reference " + owner.name + "." + old + " to " + f.name + " (@was)");
    return true;
  }

  private boolean collection(Ctx c) {
    List<F> mirrored = new ArrayList<>();
    c.s.models.forEach(m -> m.fields.stream().filter(f -> f.kind == Kind.COLL && c.free(f.uid, f.inverse)).forEach(mirrored::add));
    if (!mirrored.isEmpty() && chance(40)) {
      F coll = pick(mirrored);
      Md m = c.s.ownerOf(coll);
      m.fields.remove(coll);
      c.touch(coll.uid, coll.inverse);
      c.say("drop collection " + m.name + "." + coll.name + " (no database change)");
      return true;
    }
    Optional<F> ref = any(refs(c.s), f -> !f.unique && c.free(f.uid) && !c.s.isSti(c.s.model(f.target))
        && c.s.models.stream().flatMap(m -> m.fields.stream()).noneMatch(x -> f.uid.equals(x.inverse)));
    if (ref.isEmpty()) {
      return false;
    }
    F coll = mirror(c.s, c.s.ownerOf(ref.get()), ref.get(), false);
    c.touch(coll.uid, ref.get().uid);
    c.say("add collection " + c.s.model(ref.get().target).name + "." + coll.name + " (no database change)");
    return true;
  }

  /** A reference becomes one-to-one (@unique, SQD065) or stops being one. */
  private boolean oneToOne(Ctx c) {
    Optional<F> pick = any(refs(c.s), f -> refFree(c, f) && !f.pk && !c.s.isSti(c.s.model(f.target))
        && !c.s.isSti(c.s.ownerOf(f)) && c.s.keyedById(c.s.model(f.target)));
    if (pick.isEmpty()) {
      return false;
    }
    F f = pick.get();
    Md owner = c.s.ownerOf(f);
    boolean hadMirror = c.s.models.stream().flatMap(m -> m.fields.stream()).anyMatch(x -> f.uid.equals(x.inverse));
    removeMirrors(c.s, f);
    f.unique = !f.unique;
    if (hadMirror || chance(40)) {
      mirror(c.s, owner, f, f.unique);
    }
    if (f.unique) {
      c.code("SQD065");
    }
    c.touch(f.uid, owner.uid, c.s.root(owner).uid, f.target);
    c.say((f.unique ? "make " : "stop making ") + owner.name + "." + f.name + " one-to-one (@unique)");
    return true;
  }

  // ------------------------------------------------------------------ changes: unique, index, check

  /**
   * Whether the rows were distinct over these columns before the step already: the previous
   * version had a primary key, @unique field or unique attribute over some of them (sqlagen then
   * asks for no --allow-data-loss).
   */
  private static boolean alreadyUnique(Ctx c, Md m, List<String> uids) {
    Optional<Md> before = c.prev.findModel(m.uid);
    if (before.isEmpty()) {
      return false;
    }
    List<String> key = before.get().fields.stream().filter(f -> f.pk).map(f -> f.uid).toList();
    return !key.isEmpty() && uids.containsAll(key)
        || before.get().fields.stream().anyMatch(f -> f.unique && uids.contains(f.uid))
        || before.get().attrs.stream().anyMatch(a -> (a.kind.equals("unique") || a.kind.equals("unique_index"))
            && uids.containsAll(a.cols));
  }

  private static boolean distinctCapable(F f) {
    return !f.fromEnum && !f.shared && (f.fam == Fam.NUM || f.fam == Fam.STR || f.fam == Fam.DEC || f.fam == Fam.TIME) && !f.type.equals("text")
        && !f.type.equals("float") && f.computed == null;
  }

  private boolean addUniqueColumn(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.model != null && plain(col) && !col.f.unique && distinctCapable(col.f)
        && canChangeCol(c, col) && !c.s.isSti(col.model));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    col.f.unique = true;
    if (!alreadyUnique(c, col.model, List.of(col.f.uid))) {
      c.code("SQD065");
    }
    touchCol(c, col);
    c.say("add @unique to " + col.where());
    return true;
  }

  private boolean dropUnique(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.f.unique && canChangeCol(c, col));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    col.f.unique = false;
    touchCol(c, col);
    c.say("remove @unique from " + col.where());
    return true;
  }

  private boolean addIndexColumn(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.model != null && plain(col) && !col.f.type.equals("json")
        && canChangeCol(c, col));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    col.f.index = !col.f.index;
    touchCol(c, col);
    c.say((col.f.index ? "add @index to " : "remove @index from ") + col.where());
    return true;
  }

  /** Fields of a model an attribute may name: its own columns (not json, bytes) and references. */
  private static List<F> attrFields(Sch s, Md m) {
    return m.fields.stream().filter(f -> (f.kind == Kind.COL && !f.type.equals("json") && !f.type.equals("bytes")
        && !f.type.equals("text") && f.computed == null && !f.discriminator) || (f.kind == Kind.REF)).toList();
  }

  private boolean addIndexAttr(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> c.s.ownsTable(m) && c.free(m.uid) && attrFields(c.s, m).size() >= 2);
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    List<F> fields = new ArrayList<>(attrFields(c.s, m));
    Collections.shuffle(fields, rng);
    At a = new At();
    a.kind = "index";
    a.cols = List.of(fields.get(0).uid, fields.get(1).uid);
    a.desc = List.of(false, chance(60));
    if (m.attrs.stream().anyMatch(x -> !x.kind.equals("check") && new HashSet<>(x.cols).equals(new HashSet<>(a.cols)))) {
      return false;
    }
    m.attrs.add(a);
    c.touch(m.uid, fields.get(0).uid, fields.get(1).uid);
    c.say("add @@index(" + fields.get(0).name + ", " + (a.desc.get(1) ? "desc(" + fields.get(1).name + ")" : fields.get(1).name)
        + ") to " + m.name);
    return true;
  }

  private boolean addUniqueAttr(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> c.s.ownsTable(m) && c.free(m.uid)
        && attrFields(c.s, m).stream().anyMatch(f -> f.kind == Kind.COL && distinctCapable(f)) && attrFields(c.s, m).size() >= 2);
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    F first = pick(attrFields(c.s, m).stream().filter(f -> f.kind == Kind.COL && distinctCapable(f)).toList());
    List<F> rest = attrFields(c.s, m).stream().filter(f -> f != first).toList();
    F second = pick(rest);
    At a = new At();
    a.kind = chance(40) ? "unique_index" : "unique";
    a.cols = List.of(first.uid, second.uid);
    a.desc = List.of(false, false);
    if (m.attrs.stream().anyMatch(x -> !x.kind.equals("check") && new HashSet<>(x.cols).equals(new HashSet<>(a.cols)))) {
      return false;
    }
    m.attrs.add(a);
    c.touch(m.uid, first.uid, second.uid);
    if (!alreadyUnique(c, m, a.cols)) {
      c.code("SQD065");
    }
    c.say("add @@" + a.kind + "(" + first.name + ", " + second.name + ") to " + m.name);
    return true;
  }

  private boolean dropAttr(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> c.free(m.uid) && m.attrs.stream().anyMatch(a -> !a.kind.equals("check")));
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    At a = pick(m.attrs.stream().filter(x -> !x.kind.equals("check")).toList());
    m.attrs.remove(a);
    c.touch(m.uid);
    a.cols.forEach(c::touch);
    c.say("remove @@" + a.kind + " from " + m.name);
    return true;
  }

  private boolean addCheck(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.model != null && plain(col) && col.f.fam == Fam.NUM && col.f.check == null
        && !isStringType(col.f.type) && canChangeCol(c, col) && !c.s.isSti(col.model));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    col.f.check = "{" + col.f.uid + "} >= 0";
    touchCol(c, col);
    c.say("add @check(\"" + col.f.name + " >= 0\") to " + col.where());
    return true;
  }

  private boolean addModelCheck(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.model != null && plain(col) && col.f.fam == Fam.NUM
        && !isStringType(col.f.type) && canChangeCol(c, col) && !c.s.isSti(col.model));
    if (pick.isEmpty()) {
      return false;
    }
    Col col = pick.get();
    At a = new At();
    a.kind = "check";
    a.name = fieldName("ck");
    a.sql = "{" + col.f.uid + "} < 100000";
    col.model.attrs.add(a);
    touchCol(c, col);
    c.say("add @@check(" + a.name + ", \"" + col.f.name + " < 100000\") to " + col.model.name);
    return true;
  }

  private boolean dropCheck(Ctx c) {
    Optional<Col> pick = any(columns(c.s), col -> col.f.check != null && canChangeCol(c, col));
    if (pick.isPresent() && chance(50)) {
      Col col = pick.get();
      col.f.check = null;
      touchCol(c, col);
      c.say("remove @check from " + col.where());
      return true;
    }
    Optional<Md> model = any(c.s.models, m -> c.free(m.uid) && m.attrs.stream().anyMatch(a -> a.kind.equals("check")));
    if (model.isEmpty()) {
      return false;
    }
    Md m = model.get();
    At a = pick(m.attrs.stream().filter(x -> x.kind.equals("check")).toList());
    m.attrs.remove(a);
    c.touch(m.uid, sourceOf(a.sql));
    c.say("remove @@check(" + a.name + ") from " + m.name);
    return true;
  }

  // ------------------------------------------------------------------ changes: enums

  /** The tables with a column of the enum type. */
  private List<Md> enumTables(Sch s, En e) {
    List<Md> tables = new ArrayList<>();
    for (Col col : columns(s)) {
      if (col.f.fam == Fam.ENUM && col.f.type.equals(e.uid)) {
        for (Md m : col.tables(s)) {
          tables.add(s.ownsTable(m) ? m : s.root(m));
        }
      }
    }
    return tables;
  }

  private boolean enumFree(Ctx c, En e) {
    return c.free(e.uid) && enumTables(c.s, e).stream().allMatch(m -> c.free(m.uid))
        && columns(c.s).stream().filter(col -> col.f.fam == Fam.ENUM && col.f.type.equals(e.uid)).allMatch(col -> c.free(col.f.uid));
  }

  private void touchEnum(Ctx c, En e) {
    c.touch(e.uid);
    enumTables(c.s, e).forEach(m -> c.touch(m.uid));
    columns(c.s).stream().filter(col -> col.f.fam == Fam.ENUM && col.f.type.equals(e.uid)).forEach(col -> c.touch(col.f.uid));
  }

  private boolean addEnumValue(Ctx c) {
    Optional<En> pick = any(c.s.enums, e -> enumFree(c, e));
    if (pick.isEmpty()) {
      return false;
    }
    En e = pick.get();
    Mem m = new Mem();
    m.uid = uid("V");
    m.name = freshMember(e);
    int at = chance(50) ? e.members.size() : rng.nextInt(e.members.size() + 1);
    e.members.add(at, m);
    touchEnum(c, e);
    c.say("add value " + m.name + " to enum " + e.name + " at " + (at == e.members.size() - 1 ? "the end" : "position " + at));
    return true;
  }

  private boolean renameEnumValue(Ctx c) {
    Optional<En> pick = any(c.s.enums, e -> enumFree(c, e));
    if (pick.isEmpty()) {
      return false;
    }
    En e = pick.get();
    Set<String> defaults = new HashSet<>();
    columns(c.s).stream().filter(col -> col.f.dflt != null && col.f.dflt.kind == DK.MEMBER).forEach(col -> defaults.add(col.f.dflt.value()));
    List<Mem> renamable = e.members;
    if (renamable.isEmpty()) {
      return false;
    }
    Mem m = pick(renamable);
    String old = m.name;
    m.name = freshMember(e);
    m.was = old;
    touchEnum(c, e);
    c.say("rename value " + old + " of enum " + e.name + " to " + m.name + " (@was)");
    return true;
  }

  private boolean removeEnumValue(Ctx c) {
    Optional<En> pick = any(c.s.enums, e -> enumFree(c, e) && e.members.size() > 2);
    if (pick.isEmpty()) {
      return false;
    }
    En e = pick.get();
    Set<String> defaults = new HashSet<>();
    columns(c.s).stream().filter(col -> col.f.dflt != null && col.f.dflt.kind == DK.MEMBER).forEach(col -> defaults.add(col.f.dflt.value()));
    Optional<Mem> member = any(e.members, m -> !m.anchor && !defaults.contains(m.uid));
    if (member.isEmpty()) {
      return false;
    }
    e.members.remove(member.get());
    if (!enumTables(c.s, e).isEmpty()) {
      c.code("SQD062");
    }
    touchEnum(c, e);
    c.say("remove value " + member.get().name + " from enum " + e.name);
    return true;
  }

  private boolean reorderEnum(Ctx c) {
    Optional<En> pick = any(c.s.enums, e -> enumFree(c, e) && e.members.size() > 1);
    if (pick.isEmpty()) {
      return false;
    }
    En e = pick.get();
    List<Mem> before = new ArrayList<>(e.members);
    Collections.shuffle(e.members, rng);
    if (before.equals(e.members)) {
      Collections.reverse(e.members);
    }
    touchEnum(c, e);
    c.say("reorder the values of enum " + e.name);
    return true;
  }

  private boolean renameEnum(Ctx c) {
    Optional<En> pick = any(c.s.enums, e -> enumFree(c, e));
    if (pick.isEmpty()) {
      return false;
    }
    En e = pick.get();
    String old = e.name;
    e.was = old;
    e.name = freshEnumName(c.s);
    touchEnum(c, e);
    c.say("rename enum " + old + " to " + e.name + " (@@was)");
    return true;
  }

  /** Every column of the enum goes, and with them the type. */
  private boolean dropEnum(Ctx c) {
    Optional<En> pick = any(c.s.enums, e -> enumFree(c, e) && columns(c.s).stream()
        .filter(col -> col.f.fam == Fam.ENUM && col.f.type.equals(e.uid))
        .allMatch(col -> plain(col) && !pinned(c.s, col) && (col.mixin == null || col.mixin.fields.size() > 1)));
    if (pick.isEmpty()) {
      return false;
    }
    En e = pick.get();
    touchEnum(c, e);
    for (Col col : columns(c.s)) {
      if (col.f.fam == Fam.ENUM && col.f.type.equals(e.uid)) {
        if (col.model != null) {
          col.model.fields.remove(col.f);
          col.model.attrs.removeIf(a -> a.cols.contains(col.f.uid));
        } else {
          col.mixin.fields.remove(col.f);
        }
        if (!col.tables(c.s).isEmpty()) {
          c.code("SQD061");
        }
      }
    }
    c.say("drop enum " + e.name + " and its columns");
    return true;
  }

  // ------------------------------------------------------------------ changes: mixins, hierarchies, schemas

  private boolean mixinChange(Ctx c) {
    List<Md> candidates = c.s.models.stream().filter(m -> m.parent == null && c.free(m.uid)).toList();
    if (candidates.isEmpty()) {
      return false;
    }
    Md m = pick(candidates);
    if (!m.mixins.isEmpty() && chance(40)) {
      Mx x = c.s.mixin(m.mixins.get(0));
      List<String> enums = x.fields.stream().filter(f -> f.fam == Fam.ENUM).map(f -> f.type).toList();
      if (!c.free(x.uid) || !c.free(enums.toArray(String[]::new))) {
        return false;
      }
      enums.forEach(c::touch);
      m.mixins.remove(x.uid);
      c.code("SQD061");
      c.touch(m.uid, x.uid);
      c.say("model " + m.name + " stops using mixin " + x.name);
      return true;
    }
    Optional<Mx> usable = any(c.s.mixins, x -> !m.mixins.contains(x.uid) && c.free(x.uid)
        && x.fields.stream().allMatch(f -> f.nullable || f.dflt != null && f.dflt.kind != DK.UUID));
    Mx x;
    if (usable.isPresent() && chance(60)) {
      x = usable.get();
    } else {
      x = new Mx();
      x.uid = uid("X");
      x.name = "Shared" + (++counter);
      int fields = 1 + rng.nextInt(2);
      for (int i = 0; i < fields; i++) {
        F f = newColumn(c.s, false, false);
        f.index = false;
        ensureFilled(c.s, f);
        x.fields.add(f);
      }
      c.s.mixins.add(x);
    }
    x.fields.forEach(RandomEvolution::markFilled);
    m.mixins.add(x.uid);
    c.touch(m.uid, x.uid);
    c.say("model " + m.name + " uses mixin " + x.name + " (" + x.fields.size() + " columns)");
    return true;
  }

  private boolean subclassChange(Ctx c) {
    List<Md> roots = c.s.models.stream().filter(m -> m.strategy != null && c.free(m.uid)).toList();
    if (roots.isEmpty()) {
      return false;
    }
    Md root = pick(roots);
    boolean single = root.strategy.equals("single");
    addSubclass(c.s, root, single);
    Md sub = c.s.subclasses(root).get(c.s.subclasses(root).size() - 1);
    if (single) {
      sub.fields.forEach(RandomEvolution::markFilled);
    }
    c.touch(root.uid, sub.uid);
    c.say("add " + (single ? "single-table" : "joined-table") + " subclass " + sub.name + " of " + root.name);
    return true;
  }

  private boolean moveSchema(Ctx c) {
    Optional<Md> pick = any(c.s.models, m -> c.s.ownsTable(m) && c.free(m.uid)
        && m.parent == null && m.strategy == null);
    if (pick.isEmpty()) {
      return false;
    }
    Md m = pick.get();
    String before = m.schema;
    List<String> options = new ArrayList<>(SCHEMAS);
    options.add(null);
    options.remove(before);
    m.schema = pick(options);
    c.touch(m.uid);
    c.say("move model " + m.name + " from schema " + (before == null ? "public" : before) + " to " + (m.schema == null ? "public" : m.schema));
    return true;
  }

  // ------------------------------------------------------------------ rendering

  private String render(Sch s, int index) {
    StringBuilder out = new StringBuilder();
    out.append("// random evolution ").append(seed).append(", step ").append(index).append('\n');
    for (En e : s.enums) {
      doc(out, e.doc, "");
      out.append("enum ").append(e.name).append(" {\n");
      if (e.was != null) {
        out.append("  @@was(").append(e.was).append(")\n");
      }
      for (Mem m : e.members) {
        out.append("  ").append(m.name);
        if (m.was != null) {
          out.append(" @was(").append(m.was).append(')');
        }
        out.append('\n');
      }
      out.append("}\n\n");
    }
    for (Mx x : s.mixins) {
      doc(out, x.doc, "");
      out.append("mixin ").append(x.name).append(" {\n");
      for (F f : x.fields) {
        field(out, s, null, f);
      }
      out.append("}\n\n");
    }
    for (Md m : s.models) {
      doc(out, m.doc, "");
      out.append("model ").append(m.name);
      List<String> bases = new ArrayList<>();
      if (m.parent != null) {
        bases.add(s.model(m.parent).name);
      }
      m.mixins.forEach(x -> bases.add(s.mixin(x).name));
      if (!bases.isEmpty()) {
        out.append(" : ").append(String.join(", ", bases));
      }
      out.append(" {\n");
      if (m.was != null) {
        out.append("  @@was(").append(m.was).append(")\n");
      }
      if (m.schema != null) {
        out.append("  @@schema(\"").append(m.schema).append("\")\n");
      }
      if (m.strategy != null) {
        out.append("  @@inheritance(").append(m.strategy).append(")\n");
      }
      if (m.identity != null) {
        out.append("  @@identity(\"").append(m.identity).append("\")\n");
      }
      for (F f : m.fields) {
        field(out, s, m, f);
      }
      for (At a : m.attrs) {
        out.append("  @@").append(a.kind).append('(');
        if (a.kind.equals("check")) {
          out.append(a.name).append(", \"").append(sql(s, m, a.sql)).append('"');
        } else {
          List<String> cols = new ArrayList<>();
          for (int i = 0; i < a.cols.size(); i++) {
            String name = s.field(a.cols.get(i)).orElseThrow().name;
            cols.add(a.desc.get(i) ? "desc(" + name + ")" : name);
          }
          out.append(String.join(", ", cols));
        }
        out.append(")\n");
      }
      out.append("}\n\n");
    }
    return out.toString();
  }

  private static void doc(StringBuilder out, String doc, String indent) {
    if (doc != null) {
      for (String line : doc.split("\n")) {
        out.append(indent).append("/// ").append(line).append('\n');
      }
    }
  }

  private String sql(Sch s, Md m, String template) {
    Matcher matcher = Pattern.compile("\\{(F\\d+)\\}").matcher(template);
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(sql, s.field(matcher.group(1)).orElseThrow(() -> new IllegalStateException(
          "seed " + seed + ": " + template + " names a field that is gone")).name);
    }
    matcher.appendTail(sql);
    return sql.toString();
  }

  private void field(StringBuilder out, Sch s, Md m, F f) {
    if (f.kind == Kind.COL || f.kind == Kind.REF) {
      doc(out, f.doc, "  ");
    }
    out.append("  ").append(f.name).append(' ');
    switch (f.kind) {
      case COL -> {
        out.append(f.fam == Fam.ENUM ? s.enumType(f.type).name : f.type).append(f.nullable ? "?" : "");
        if (f.pk) {
          out.append(" @pk");
        }
        if (f.identity != null) {
          out.append(f.identity.isEmpty() ? " @identity" : " @identity(always)");
        }
        if (f.unique) {
          out.append(" @unique");
        }
        if (f.index) {
          out.append(" @index");
        }
        if (f.discriminator) {
          out.append(" @discriminator");
        }
        if (f.dflt != null) {
          out.append(" = ").append(dfltText(s, f));
        }
        if (f.check != null) {
          out.append(" @check(\"").append(sql(s, m, f.check)).append("\")");
        }
        if (f.computed != null) {
          out.append(" @computed(\"").append(sql(s, m, f.computed)).append("\")");
        }
        if (f.onupdate != null) {
          out.append(" @onupdate(").append(f.onupdate).append(')');
        }
      }
      case REF -> {
        out.append(s.model(f.target).name).append(f.nullable ? "?" : "");
        if (f.pk) {
          out.append(" @pk");
        }
        if (f.unique) {
          out.append(" @unique");
        }
        if (f.ondelete != null) {
          out.append(" @ondelete(").append(f.ondelete).append(')');
        }
        if (f.onupdateAction != null) {
          out.append(" @onupdate(").append(f.onupdateAction).append(')');
        }
      }
      case COLL -> out.append(s.model(f.target).name).append("[] @inverse(").append(s.field(f.inverse).orElseThrow().name).append(')');
      case SIDE -> out.append(s.model(f.target).name).append("? @inverse(").append(s.field(f.inverse).orElseThrow().name).append(')');
      case M2M -> out.append(s.model(f.target).name).append("[] @inverse(").append(s.field(f.inverse).orElseThrow().name).append(')');
      default -> throw new IllegalStateException();
    }
    if (f.was != null) {
      out.append(" @was(").append(f.was).append(')');
    }
    out.append('\n');
  }

  private String dfltText(Sch s, F f) {
    Dflt d = f.dflt;
    return switch (d.kind()) {
      case LIT -> isStringType(f.type) ? "\"" + d.value() + "\"" : d.value();
      case SQL -> "sql(\"" + d.value() + "\")";
      case NOW -> "now()";
      case UUID -> "uuid4()";
      case MEMBER -> s.enumType(f.type).members.stream().filter(m -> m.uid.equals(d.value())).findFirst().orElseThrow().name;
    };
  }

  // ------------------------------------------------------------------ what the Python side needs

  /** A column of a state, by its uid: a model's own column, or a mixin's as {@code field@model}. */
  private record ColInfo(F f, Md model, String key) {}

  private Map<String, ColInfo> columnInfo(Sch s) {
    Map<String, ColInfo> map = new LinkedHashMap<>();
    for (Md m : s.models) {
      for (F f : m.fields) {
        if (f.kind == Kind.COL) {
          map.put(f.uid, new ColInfo(f, m, f.uid));
        }
      }
      for (String x : m.mixins) {
        for (F f : s.mixin(x).fields) {
          String key = f.uid + "@" + m.uid;
          map.put(key, new ColInfo(f, m, key));
        }
      }
    }
    return map;
  }

  private static boolean distinctIn(ColInfo info) {
    F f = info.f;
    return f.unique || f.pk || info.model.attrs.stream().anyMatch(a -> (a.kind.equals("unique") || a.kind.equals("unique_index"))
        && a.cols.contains(f.uid));
  }

  /** The values existing rows must hold after the step: a new column's default, or NULLs filled. */
  private Map<String, String> computeFills(Sch before, Sch after) {
    Map<String, String> map = new LinkedHashMap<>();
    Map<String, ColInfo> old = columnInfo(before);
    for (ColInfo info : columnInfo(after).values()) {
      F f = info.f;
      Md table = after.ownsTable(info.model) ? info.model : after.root(info.model);
      boolean tableExisted = before.findModel(table.uid).map(before::ownsTable).orElse(false);
      if (!tableExisted || f.computed != null) {
        continue;
      }
      ColInfo was = old.get(info.key);
      if (was == null) {
        if (f.dflt == null && f.nullable) {
          map.put(info.key, null);
        } else if (f.dflt != null && (f.dflt.kind == DK.LIT || f.dflt.kind == DK.MEMBER || f.dflt.kind == DK.SQL && f.fam == Fam.NUM)) {
          map.put(info.key, canonical(after, f));
        }
      } else if (was.f.nullable && !f.nullable && f.dflt != null && (f.dflt.kind == DK.LIT || f.dflt.kind == DK.MEMBER)) {
        map.put(info.key, "NULL->" + canonical(after, f));
      }
    }
    return map;
  }

  private String canonical(Sch s, F f) {
    Dflt d = f.dflt;
    if (d.kind() == DK.MEMBER) {
      return dfltText(s, f);
    }
    return d.value();
  }

  /** JSON for check_evolutions.py: every step's models, domains and fills. */
  public String manifest() {
    StringBuilder j = new StringBuilder();
    j.append("{\"seed\":").append(seed).append(",\"package\":").append(RandomSchema.json(packageName())).append(",\"steps\":[\n");
    for (int i = 0; i < states.size(); i++) {
      Sch s = states.get(i);
      Step step = steps.get(i);
      j.append(i == 0 ? "" : ",\n").append("{\"index\":").append(i).append(",\"flag\":").append(step.needsFlag())
          .append(",\"codes\":").append(jsonList(new ArrayList<>(step.codes()))).append(",\"changes\":").append(jsonList(step.changes()))
          .append(",\"models\":[");
      boolean firstModel = true;
      for (Md m : s.models) {
        j.append(firstModel ? "" : ",").append("{\"uid\":").append(RandomSchema.json(m.uid)).append(",\"class\":")
            .append(RandomSchema.json(m.name)).append(",\"table\":").append(s.ownsTable(m)).append(",\"fields\":[");
        firstModel = false;
        List<String> fields = new ArrayList<>();
        for (F f : m.fields) {
          if (f.kind == Kind.COL || f.kind == Kind.REF || f.kind == Kind.M2M) {
            fields.add("{\"uid\":" + RandomSchema.json(f.uid) + ",\"attr\":" + RandomSchema.json(f.name) + ",\"kind\":"
                + RandomSchema.json(f.kind.name().toLowerCase(Locale.ROOT)) + (f.pair != null ? ",\"pair\":" + RandomSchema.json(f.pair) : "")
                + "}");
          }
        }
        for (String x : m.mixins) {
          for (F f : s.mixin(x).fields) {
            fields.add("{\"uid\":" + RandomSchema.json(f.uid + "@" + m.uid) + ",\"attr\":" + RandomSchema.json(f.name) + ",\"kind\":\"col\"}");
          }
        }
        j.append(String.join(",", fields)).append("]}");
      }
      j.append("],\"domains\":{");
      List<String> domains = new ArrayList<>();
      for (Map.Entry<String, ColInfo> e : columnInfo(s).entrySet()) {
        domains.add(RandomSchema.json(e.getKey()) + ":" + domain(i, e.getKey()));
      }
      j.append(String.join(",", domains)).append("},\"fills\":{");
      List<String> fillList = new ArrayList<>();
      fills.get(i).forEach((k, v) -> fillList.add(RandomSchema.json(k) + ":" + (v == null ? "null" : RandomSchema.json(v))));
      j.append(String.join(",", fillList)).append("},\"values\":{");
      List<String> renamed = new ArrayList<>();
      if (i > 0) {
        valueRenames(states.get(i - 1), s).forEach((k, v) -> {
          List<String> pairs = new ArrayList<>();
          v.forEach((from, to) -> pairs.add(RandomSchema.json(from) + ":" + RandomSchema.json(to)));
          renamed.add(RandomSchema.json(k) + ":{" + String.join(",", pairs) + "}");
        });
      }
      j.append(String.join(",", renamed)).append("}}");
    }
    return j.append("\n]}\n").toString();
  }

  /** Per enum column kept from one state to the next: its values renamed, old name to new. */
  private Map<String, Map<String, String>> valueRenames(Sch before, Sch after) {
    Map<String, Map<String, String>> map = new LinkedHashMap<>();
    Map<String, ColInfo> old = columnInfo(before);
    for (ColInfo info : columnInfo(after).values()) {
      ColInfo was = old.get(info.key);
      if (was == null || was.f.fam != Fam.ENUM || info.f.fam != Fam.ENUM) {
        continue;
      }
      Map<String, String> renames = new LinkedHashMap<>();
      for (Mem m : after.enumType(info.f.type).members) {
        before.enumType(was.f.type).members.stream().filter(p -> p.uid.equals(m.uid) && !p.name.equals(m.name))
            .forEach(p -> renames.put(p.name, m.name));
      }
      if (!renames.isEmpty()) {
        map.put(info.key, renames);
      }
    }
    return map;
  }

  /** What values rows inserted at step {@code i} may hold in a column, given every later step. */
  private String domain(int i, String key) {
    ColInfo now = columnInfo(states.get(i)).get(key);
    Fam fam = now.f.fam;
    int minLength = Integer.MAX_VALUE;
    int minIntDigits = Integer.MAX_VALUE;
    int minScale = Integer.MAX_VALUE;
    boolean distinct = false;
    boolean nonNull = false;
    Set<String> allowed = new HashSet<>();
    if (fam == Fam.ENUM) {
      states.get(i).enumType(now.f.type).members.forEach(m -> allowed.add(m.uid));
    }
    boolean wasNullable = now.f.nullable;
    for (int j = i; j < states.size(); j++) {
      ColInfo info = columnInfo(states.get(j)).get(key);
      if (info == null) {
        break;
      }
      F f = info.f;
      distinct |= distinctIn(info);
      if (wasNullable && !f.nullable && (f.dflt == null || f.dflt.kind != DK.LIT && f.dflt.kind != DK.MEMBER)) {
        nonNull = true;
      }
      wasNullable = f.nullable;
      if (f.fam == Fam.ENUM) {
        Set<String> members = new HashSet<>();
        states.get(j).enumType(f.type).members.forEach(m -> members.add(m.uid));
        allowed.retainAll(members);
      }
      if (f.type.startsWith("string(")) {
        minLength = Math.min(minLength, Integer.parseInt(f.type.substring(7, f.type.length() - 1)));
      }
      int[] dec = decimal(f.type);
      if (dec != null) {
        minIntDigits = Math.min(minIntDigits, dec[0] - dec[1]);
        minScale = Math.min(minScale, dec[1]);
      }
    }
    StringBuilder d = new StringBuilder("{\"fam\":").append(RandomSchema.json(fam.name()));
    if (minLength != Integer.MAX_VALUE) {
      d.append(",\"len\":").append(minLength);
    }
    if (minIntDigits != Integer.MAX_VALUE) {
      d.append(",\"int\":").append(minIntDigits).append(",\"scale\":").append(minScale);
    }
    if (fam == Fam.ENUM) {
      List<String> names = states.get(i).enumType(now.f.type).members.stream().filter(m -> allowed.contains(m.uid)).map(m -> m.name)
          .toList();
      d.append(",\"values\":").append(jsonList(names));
    }
    if (distinct) {
      d.append(",\"distinct\":true");
    }
    if (nonNull) {
      d.append(",\"nonnull\":true");
    }
    return d.append('}').toString();
  }

  private static String jsonList(List<String> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add(RandomSchema.json(v)));
    return "[" + String.join(",", quoted) + "]";
  }

}
