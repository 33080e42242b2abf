package dev.sqlagen.write;

import java.io.IOException;

/**
 * A write failed after files were renamed into place, and putting the previous ones back failed
 * too: the journal stays, and the next run of sqlagen restores the previous files from it. The
 * only failure after which the output directory is not as it was.
 */
public final class IncompleteWriteException extends IOException {
  IncompleteWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
