package dev.sqlagen.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The paths sqlagen writes into its manifest and journal: relative, '/'-separated, without
 * empty, '.' or '..' segments and without control characters. Anything else in such a file was not
 * written by sqlagen, and is an error at its line rather than a path to act on.
 */
final class ManifestPaths {
  private ManifestPaths() {}

  /** A file that sqlagen reads from the output directory does not hold what sqlagen writes. */
  static final class MalformedException extends IOException {
    MalformedException(String message) {
      super(message);
    }
  }

  static String checked(String path, Path file, int line) throws MalformedException {
    String problem = problem(path);
    if (problem != null) {
      throw new MalformedException(file.getFileName() + ":" + line + ": " + problem + ": '" + printable(path)
          + "'; sqlagen did not write this line: restore " + file.getFileName() + " from version control, or delete it and"
          + " regenerate with --force after reviewing the files");
    }
    return path;
  }

  private static String problem(String path) {
    if (path.isEmpty()) {
      return "an empty path";
    }
    if (path.startsWith("/") || path.contains("\\")) {
      return "not a relative path with '/'";
    }
    for (int i = 0; i < path.length(); i++) {
      if (Character.isISOControl(path.charAt(i))) {
        return "a control character in a path";
      }
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return "a path with an empty, '.' or '..' part";
      }
    }
    return null;
  }

  private static String printable(String path) {
    StringBuilder out = new StringBuilder();
    path.codePoints().limit(200).forEach(c -> {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }
}
