package dev.sqlagen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next version of a {@link SchemaGenerator} schema, with N changes spread over it: the
 * revision planning benchmark's input. The changes cycle through five kinds, each a fifth of
 * them: a nullable field added, a field renamed (with {@code @was}), a {@code string(n)}
 * widened, a model added (with a reference to an existing one), an enum value added. Nothing is
 * dropped, so the revision needs no {@code --allow-data-loss}. The same input always gives the
 * same output.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.sqlagen.bench.SchemaChanges COUNT IN.sqd OUT.sqd}
 */
public final class SchemaChanges {
  private static final Pattern FIELD = Pattern.compile("^  ([a-z]+_\\d+) ([a-z]+(?:\\([^)]*\\))?\\??)(.*)$");
  private static final Pattern STRING = Pattern.compile("string\\((\\d+)\\)");

  private SchemaChanges() {}

  public static String change(String schema, int count) {
    List<String> lines = new ArrayList<>(schema.lines().toList());
    List<Integer> modelStarts = new ArrayList<>();
    List<Integer> enumLines = new ArrayList<>();
    List<String> modelNames = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("model ")) {
        modelStarts.add(i);
        modelNames.add(lines.get(i).split(" ")[1]);
      } else if (lines.get(i).startsWith("enum ")) {
        enumLines.add(i);
      }
    }
    List<String> added = new ArrayList<>();
    int renamed = 0;
    int widened = 0;
    for (int k = 0; k < count; k++) {
      int model = (int) ((long) k * 7919 % modelStarts.size());
      switch (k % 5) {
        case 0 -> lines.set(modelStarts.get(model), lines.get(modelStarts.get(model)) + "\n  added_" + k + " text?");
        case 1 -> renamed += rename(lines, modelStarts.get(model), k) ? 1 : 0;
        case 2 -> widened += widen(lines, modelStarts.get(model)) ? 1 : 0;
        case 3 -> added.add("\nmodel Added" + k + " {\n  id int @pk\n  label string(40)\n  owner " + modelNames.get(model) + "?\n}\n");
        default -> {
          int line = enumLines.get(k % enumLines.size());
          lines.set(line, lines.get(line).replace(" }", " added" + k + " }"));
        }
      }
    }
    if (renamed == 0 && widened == 0) {
      throw new IllegalStateException("no field to rename or widen: not a SchemaGenerator schema?");
    }
    return String.join("\n", lines) + "\n" + String.join("", added);
  }

  /** Renames the first plain field of the model that has not been renamed yet. */
  private static boolean rename(List<String> lines, int start, int k) {
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("}"); i++) {
      Matcher m = FIELD.matcher(lines.get(i));
      if (m.matches() && !m.group(3).contains("@was") && !m.group(3).contains("@column") && !m.group(3).contains("//")
          && !m.group(1).startsWith("renamed")) {
        lines.set(i, "  renamed" + k + "_" + m.group(1) + " " + m.group(2) + m.group(3) + " @was(" + m.group(1) + ")");
        return true;
      }
    }
    return false;
  }

  /** Doubles the length of the first string field of the model that is not unique or indexed. */
  private static boolean widen(List<String> lines, int start) {
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("}"); i++) {
      Matcher field = FIELD.matcher(lines.get(i));
      Matcher string = STRING.matcher(lines.get(i));
      if (field.matches() && string.find() && !lines.get(i).contains("widened")) {
        int length = Integer.parseInt(string.group(1));
        lines.set(i, lines.get(i).replace("string(" + length + ")", "string(" + (length * 2) + ")") + " // widened");
        return true;
      }
    }
    return false;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: SchemaChanges COUNT IN.sqd OUT.sqd");
      System.exit(2);
    }
    String text = change(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8), Integer.parseInt(args[0]));
    Files.writeString(Path.of(args[2]), text, StandardCharsets.UTF_8);
  }
}
