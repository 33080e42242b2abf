package dev.sqlagen.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Replaces files in an output directory all or nothing. Under a lock (so that two runs never
 * interleave), new contents are staged in temporary files and synced; a journal lists every target
 * and each replaced or deleted file keeps a backup; only then are the files renamed into place.
 * Deleting the journal is the commit point. A failure before it restores the backups; a run that
 * was killed before it leaves the journal, and the next run restores the previous state from it
 * before doing anything else. Either way the directory holds the old files or the new ones.
 */
final class Commit {
  static final String LOCK = ".sqlagen-lock";
  static final String JOURNAL = ".sqlagen-journal";
  static final String TEMP_SUFFIX = ".sqlagen-tmp";
  static final String BACKUP_SUFFIX = ".sqlagen-bak";

  /** How long a run waits for another run on the same directory before it refuses. */
  private static final long LOCK_WAIT_MILLIS = 30_000;

  /** The one step of a commit that tests may make fail: renaming a file into place. */
  interface Moves {
    void move(Path from, Path to) throws IOException;
  }

  static final Moves ATOMIC = Commit::atomicMove;

  /** Another run holds the directory. */
  static final class BusyException extends IOException {
    BusyException(String message) {
      super(message);
    }
  }

  private final Path root;
  private final Moves moves;

  Commit(Path root, Moves moves) {
    this.root = root;
    this.moves = moves;
  }

  /** Takes the directory's lock, waiting a while for another run; the caller closes it. */
  FileChannel lock() throws IOException {
    Files.createDirectories(root);
    FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long deadline = System.currentTimeMillis() + LOCK_WAIT_MILLIS;
    try {
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // this JVM holds it (another thread, e.g. a Maven build running goals in parallel)
        }
        if (lock != null) {
          return channel;
        }
        if (System.currentTimeMillis() > deadline) {
          throw new BusyException("another sqlagen run is writing to " + root + " (it holds " + LOCK + "); run again when it is done");
        }
        Thread.sleep(100);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    } catch (InterruptedException e) {
      channel.close();
      Thread.currentThread().interrupt();
      throw new BusyException("interrupted while waiting for another sqlagen run on " + root);
    }
  }

  /**
   * Brings the directory back to a complete state after a run that was killed: the old files if a
   * journal is left, and no temporary file or backup of ours either way. Call it under the lock.
   */
  void recover() throws IOException {
    Path journal = root.resolve(JOURNAL);
    if (Files.isRegularFile(journal)) {
      rollBack(Journal.read(journal, root));
      Files.delete(journal);
    }
    sweep();
  }

  /** Writes every file and deletes every path, all or nothing. Call it under the lock. */
  void run(Map<Path, byte[]> writes, List<Path> deletes) throws IOException {
    Map<Path, Path> staged = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, byte[]> entry : writes.entrySet()) {
        Path target = entry.getKey();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
        staged.put(temp, target);
        writeSynced(temp, entry.getValue());
        permissions(temp, target);
      }
    } catch (IOException | RuntimeException e) {
      for (Path temp : staged.keySet()) {
        Files.deleteIfExists(temp);
      }
      throw e;
    }
    Journal journal = Journal.of(root, staged.values(), deletes);
    Path journalFile = root.resolve(JOURNAL);
    writeSynced(journalFile, journal.render(root).getBytes(StandardCharsets.UTF_8));
    try {
      for (Path target : journal.replaced()) {
        backUp(target);
      }
      for (Path target : deletes) {
        moves.move(target, backup(target));
      }
      for (Map.Entry<Path, Path> move : staged.entrySet()) {
        moves.move(move.getKey(), move.getValue());
      }
    } catch (IOException | RuntimeException e) {
      try {
        rollBack(journal);
        for (Path temp : staged.keySet()) {
          Files.deleteIfExists(temp);
        }
        Files.delete(journalFile);
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
        throw new IncompleteWriteException("writing " + root + " failed (" + reason(e) + ") and the previous files could not all be"
            + " put back (" + reason(again) + "); the next run of sqlagen restores them from " + JOURNAL, e);
      }
      throw e;
    }
    syncDirectory(root);
    Files.delete(journalFile); // the commit point
    syncDirectory(root);
    for (Path target : journal.replaced()) {
      Files.deleteIfExists(backup(target));
    }
    for (Path target : deletes) {
      Files.deleteIfExists(backup(target));
    }
  }

  /** Puts every replaced or deleted file back from its backup and removes the files that were new. */
  private void rollBack(Journal journal) throws IOException {
    for (Path target : journal.created()) {
      Files.deleteIfExists(target);
    }
    for (Path target : journal.replacedOrDeleted()) {
      Path backup = backup(target);
      if (Files.exists(backup)) {
        if (Files.exists(target) && Files.isSameFile(backup, target)) {
          // Never replaced: the backup is a hard link to it, and rename(2) between two links of
          // one file does nothing, so the backup is removed instead.
          Files.delete(backup);
        } else {
          atomicMove(backup, target);
        }
      }
    }
  }

  /** Removes the temporary files and backups a killed run left: their names are ours alone. */
  private void sweep() throws IOException {
    List<Path> leftovers = new ArrayList<>();
    try (Stream<Path> paths = Files.walk(root)) {
      paths.filter(Files::isRegularFile).filter(Commit::isOurs).forEach(leftovers::add);
    }
    for (Path path : leftovers) {
      Files.deleteIfExists(path);
    }
  }

  private static boolean isOurs(Path path) {
    String name = path.getFileName().toString();
    return name.startsWith(".") && (name.endsWith(TEMP_SUFFIX) || name.endsWith(BACKUP_SUFFIX));
  }

  static Path backup(Path target) {
    return target.resolveSibling("." + target.getFileName() + BACKUP_SUFFIX);
  }

  private static void backUp(Path target) throws IOException {
    Path backup = backup(target);
    Files.deleteIfExists(backup);
    try {
      Files.createLink(backup, target);
    } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
      Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  private static void atomicMove(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void writeSynced(Path file, byte[] bytes) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
  }

  /** Makes renames in a directory durable; where a directory cannot be opened, that is skipped. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // Not every platform lets a directory be synced; the renames are still atomic.
    }
  }

  /**
   * A temporary file is private (0600); the file it becomes gets the permissions of the file it
   * replaces, or the usual rw-r--r-- for a new one.
   */
  private static void permissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.exists(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }

  private static String reason(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
