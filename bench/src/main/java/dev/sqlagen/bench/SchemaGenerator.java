package dev.sqlagen.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded synthetic .sqd schema of N models, for the benchmark. Only constructs the language
 * supports today (docs/language.md): every scalar type, nullable columns, every kind of default,
 * {@code @pk @unique @index @column}, enums, many-to-one references with and without a mirroring
 * one-to-many collection, {@code @fk}, self-references, two references to one model (paired with
 * {@code @inverse}), references to a later model (cycles, so {@code use_alter}), a hub model many
 * others reference, {@code @@table} and doc comments. The same (N, seed) always gives the same
 * text, and the schema compiles without a diagnostic.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sqlagen.bench.SchemaGenerator N [SEED] [OUT.sqd]}
 */
public final class SchemaGenerator {
  /** The default seed: every figure in docs/performance.md uses it. */
  public static final long DEFAULT_SEED = 42;

  private static final String[] NOUNS = {
    "Account", "Invoice", "Product", "Order", "Shipment", "Category", "Address", "Review",
    "Ticket", "Project", "Task", "Comment", "Payment", "Warehouse", "Supplier", "Employee",
    "Customer", "Contract", "Report", "Event", "Vehicle", "Booking", "Course", "Lesson"
  };
  private static final String[] WORDS = {
    "name", "code", "title", "label", "note", "amount", "total", "count", "rank", "score",
    "level", "price", "weight", "volume", "opened", "closed", "started", "ended", "region", "phase"
  };
  private static final String[] MEMBERS = {
    "draft", "pending", "active", "inReview", "approved", "rejected", "archived", "onHold",
    "shipped", "delivered", "cancelled", "refunded"
  };
  /** The scalar types, cycled through so that every model mix covers all of them. */
  private static final String[] SCALARS = {
    "int", "bigint", "smallint", "string", "text", "bool", "float", "decimal", "decimal1",
    "date", "datetime", "datetimetz", "time", "interval", "uuid", "json", "bytes"
  };

  private final Random random;
  private final int models;
  private final List<ModelSpec> specs = new ArrayList<>();
  private final List<EnumSpec> enums = new ArrayList<>();

  private SchemaGenerator(int models, long seed) {
    if (models < 1) {
      throw new IllegalArgumentException("at least one model");
    }
    this.models = models;
    this.random = new Random(seed);
  }

  /** The schema text of {@code models} models generated from {@code seed}. */
  public static String generate(int models, long seed) {
    return new SchemaGenerator(models, seed).build();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: SchemaGenerator N [SEED] [OUT.sqd]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    String text = generate(n, seed);
    if (args.length > 2) {
      Path out = Path.of(args[2]);
      if (out.getParent() != null) {
        Files.createDirectories(out.getParent());
      }
      Files.writeString(out, text, StandardCharsets.UTF_8);
    } else {
      try (Writer out = new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
        out.write(text);
      }
    }
  }

  // ---- structure first (references add collections to their targets), text last ----

  private record EnumSpec(String name, List<String> members, boolean doc) {}

  private static final class ModelSpec {
    final String name;
    final String snake;
    final List<String> lines = new ArrayList<>();
    final Set<String> targets = new LinkedHashSet<>();
    String table;
    boolean doc;

    ModelSpec(String name) {
      this.name = name;
      this.snake = snake(name);
    }
  }

  private String build() {
    int enumCount = Math.max(1, models / 10);
    for (int e = 0; e < enumCount; e++) {
      String name = NOUNS[e % NOUNS.length] + "Status" + e;
      int size = 3 + random.nextInt(5);
      List<String> members = new ArrayList<>();
      int start = random.nextInt(MEMBERS.length);
      for (int m = 0; m < size; m++) {
        members.add(MEMBERS[(start + m) % MEMBERS.length]);
      }
      enums.add(new EnumSpec(name, members, random.nextInt(3) == 0));
    }
    for (int i = 0; i < models; i++) {
      specs.add(new ModelSpec(NOUNS[i % NOUNS.length] + i));
    }
    for (int i = 0; i < models; i++) {
      ModelSpec model = specs.get(i);
      model.doc = random.nextInt(4) == 0;
      if (random.nextInt(20) == 0) {
        model.table = "t_" + model.snake;
      }
      primaryKey(model);
      scalars(model);
      if (i < enums.size() || random.nextBoolean()) {
        // Every enum is used somewhere (an unused one is worth a warning), then half the models.
        enumField(model, i < enums.size() ? enums.get(i) : enums.get(random.nextInt(enums.size())));
      }
      relationships(i, model);
    }
    StringBuilder out = new StringBuilder();
    out.append("// Synthetic schema for the sqlagen benchmark: ").append(models).append(" models.\n");
    for (EnumSpec e : enums) {
      out.append('\n');
      if (e.doc) {
        out.append("/// The states of ").append(e.name).append(".\n");
      }
      out.append("enum ").append(e.name).append(" { ").append(String.join(" ", e.members)).append(" }\n");
    }
    for (ModelSpec model : specs) {
      out.append('\n');
      if (model.doc) {
        out.append("/// Model ").append(model.name).append(" of the synthetic schema.\n");
        out.append("/// Its second line says \"generated\".\n");
      }
      out.append("model ").append(model.name).append(" {\n");
      if (model.table != null) {
        out.append("  @@table(\"").append(model.table).append("\")\n");
      }
      for (String line : model.lines) {
        out.append("  ").append(line).append('\n');
      }
      out.append("}\n");
    }
    return out.toString();
  }

  private void primaryKey(ModelSpec model) {
    int kind = random.nextInt(20);
    if (kind == 0) {
      model.lines.add("id uuid @pk = uuid4()");
    } else if (kind == 1) {
      model.lines.add("id bigint @pk");
    } else {
      model.lines.add("id int @pk");
    }
  }

  private void scalars(ModelSpec model) {
    int count = 6 + random.nextInt(6);
    int start = random.nextInt(SCALARS.length);
    for (int f = 0; f < count; f++) {
      String kind = SCALARS[(start + f) % SCALARS.length];
      String field = WORDS[random.nextInt(WORDS.length)] + "_" + f;
      boolean nullable = random.nextInt(10) < 3;
      StringBuilder line = new StringBuilder();
      if (random.nextInt(8) == 0) {
        model.lines.add("/// The " + field.replace('_', ' ') + " of this " + model.snake.replace('_', ' ') + ".");
      }
      line.append(field).append(' ').append(type(kind)).append(nullable ? "?" : "");
      int r = random.nextInt(100);
      if (r < 4 && !kind.equals("json") && !kind.equals("bytes") && !kind.equals("text")) {
        line.append(" @unique");
      } else if (r < 14) {
        line.append(" @index");
      } else if (r < 17) {
        line.append(" @column(\"").append(field).append("_col\")");
      }
      if (random.nextInt(10) < 3) {
        String value = defaultFor(kind);
        if (value != null) {
          line.append(" = ").append(value);
        }
      }
      model.lines.add(line.toString());
    }
  }

  private String type(String kind) {
    return switch (kind) {
      case "string" -> "string(" + (20 + random.nextInt(236)) + ")";
      case "decimal" -> "decimal(12, 2)";
      case "decimal1" -> "decimal(8)";
      case "datetimetz" -> "datetime(tz)";
      default -> kind;
    };
  }

  private String defaultFor(String kind) {
    return switch (kind) {
      case "int", "bigint", "smallint" -> Integer.toString(random.nextInt(100) - 10);
      case "float" -> random.nextBoolean() ? "1" : "0.5";
      case "decimal" -> "9.95";
      case "decimal1" -> "0";
      case "string", "text" -> "\"n/a\"";
      case "bool" -> random.nextBoolean() ? "true" : "false";
      case "date", "datetime", "datetimetz", "time" -> "now()";
      case "uuid" -> "uuid4()";
      case "json" -> "sql(\"'{}'\")";
      case "interval" -> "sql(\"'1 day'\")";
      default -> null;
    };
  }

  private void enumField(ModelSpec model, EnumSpec e) {
    String line = "state " + e.name;
    if (random.nextBoolean()) {
      line += " = " + e.members.get(random.nextInt(e.members.size()));
    }
    if (random.nextInt(3) == 0) {
      line += " @index";
    }
    model.lines.add(line);
  }

  private void relationships(int i, ModelSpec model) {
    if (i > 0) {
      // Many-to-one to earlier models; about half mirrored by a collection on the target.
      int refs = 1 + random.nextInt(2);
      for (int r = 0; r < refs; r++) {
        ModelSpec target = specs.get(random.nextInt(i));
        if (!model.targets.add(target.name)) {
          continue;
        }
        boolean nullable = random.nextInt(4) == 0;
        String field = target.snake;
        String fk = random.nextInt(10) == 0 ? " @fk(" + field + "_ref)" : "";
        model.lines.add(field + " " + target.name + (nullable ? "?" : "") + fk);
        if (random.nextBoolean()) {
          target.lines.add(model.snake + "_list " + model.name + "[]");
        }
      }
    }
    if (i > 0 && i % 10 == 3) {
      // Two references to one model: foreign_keys= on both sides, paired by @inverse.
      ModelSpec target = specs.get(random.nextInt(i));
      if (model.targets.add(target.name)) {
        model.lines.add("author " + target.name);
        model.lines.add("reviewer " + target.name + "? @inverse(" + model.snake + "_reviewed)");
        target.lines.add(model.snake + "_written " + model.name + "[]");
        target.lines.add(model.snake + "_reviewed " + model.name + "[]");
      }
    }
    if (i % 7 == 5) {
      // A self-reference (remote_side=) and its collection.
      model.lines.add("parent " + model.name + "?");
      model.lines.add("children " + model.name + "[]");
    }
    if (i > 1 && random.nextInt(10) == 0 && model.targets.add(specs.get(0).name)) {
      // The hub: the first model is referenced from all over the schema, mirrored every time.
      ModelSpec hub = specs.get(0);
      model.lines.add("owner " + hub.name);
      hub.lines.add(model.snake + "_owned " + model.name + "[]");
    }
    if (i + 1 < models && random.nextInt(50) == 0) {
      // A reference to a later model, which references this one back: a cycle of tables, so
      // use_alter in the models and a deferred foreign key in the migration.
      int later = i + 1 + random.nextInt(models - i - 1);
      ModelSpec target = specs.get(later);
      if (model.targets.add(target.name)) {
        model.lines.add("next_" + target.snake + " " + target.name + "?");
        if (target.targets.add(model.name)) {
          target.lines.add("prev_" + model.snake + " " + model.name + "?");
        }
      }
    }
  }

  /** Like the compiler's rule for these names: Invoice17 becomes invoice17. */
  private static String snake(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }
}
