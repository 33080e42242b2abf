package dev.sqlagen.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code revision} and {@code down_revision} a revision module declares, read from its text
 * the way Alembic's templates write them (sqlagen's, and Alembic's own with or without type hints).
 */
final class RevisionIdentity {
  private static final Pattern REVISION = Pattern.compile("^revision\\s*(?::[^=]*)?=\\s*(['\"])([^'\"]+)\\1\\s*(#.*)?$");
  private static final Pattern DOWN = Pattern.compile("^down_revision\\s*(?::[^=]*)?=\\s*(.*)$");
  private static final Pattern QUOTED = Pattern.compile("(['\"])([^'\"]+)\\1");

  private RevisionIdentity() {}

  /** The identity, or empty when the module does not declare one this way. */
  record Declared(String revision, List<String> downRevisions, int line) {}

  static Optional<Declared> read(String text) {
    // The identity comes before the first function: only the head of a large revision is read.
    int end = text.indexOf("\ndef ");
    String[] lines = (end < 0 ? text : text.substring(0, end)).split("\n", -1);
    String revision = null;
    int line = 0;
    List<String> down = null;
    for (int i = 0; i < lines.length; i++) {
      Matcher r = REVISION.matcher(lines[i]);
      if (r.matches() && revision == null) {
        revision = r.group(2);
        line = i + 1;
        continue;
      }
      Matcher d = DOWN.matcher(lines[i]);
      if (d.matches() && down == null) {
        StringBuilder value = new StringBuilder(d.group(1));
        // A tuple of several parents may be wrapped over lines.
        int depth = balance(value);
        while (depth > 0 && i + 1 < lines.length) {
          value.append(' ').append(lines[++i]);
          depth = balance(value);
        }
        down = parents(value.toString().replaceAll("#.*$", "").strip());
      }
    }
    if (revision == null || down == null) {
      return Optional.empty();
    }
    return Optional.of(new Declared(revision, down, line));
  }

  private static int balance(CharSequence text) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if (c == ')' || c == ']') {
        depth--;
      }
    }
    return depth;
  }

  private static List<String> parents(String value) {
    List<String> parents = new ArrayList<>();
    if (value.equals("None")) {
      return parents;
    }
    Matcher m = QUOTED.matcher(value);
    while (m.find()) {
      parents.add(m.group(2));
    }
    return parents;
  }
}
