package dev.sqlagen.history;

/**
 * What the reader did not understand, and where (offsets into the file's text). Thrown inside the
 * reader only, to stop at the first such place; {@link InitialRevisionReader} turns it into a
 * diagnostic, so no caller ever sees it.
 */
final class Unreadable extends RuntimeException {
  private final int start;
  private final int end;

  Unreadable(int start, int end, String message) {
    // No stack trace: this is an answer about the input, not a failure of the program.
    super(message, null, false, false);
    this.start = start;
    this.end = Math.max(start, end);
  }

  static Unreadable at(PyNode node, String message) {
    return new Unreadable(node.start(), node.end(), message);
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }
}
