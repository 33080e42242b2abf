package dev.sqlagen.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a schema file as every front-end must: a regular file (never a FIFO, device or
 * directory, which could hang or never end), at most {@link #MAX_BYTES}, strict UTF-8; each
 * failure becomes one sentence that says why, with the line and column of a byte that is not
 * UTF-8.
 */
public final class SchemaFiles {
  /** The largest schema read, 16 MiB: a 5,000-model schema is about 1 MiB. */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private SchemaFiles() {}

  /** A schema file that cannot be read; the message says why, without the path. */
  public static final class UnreadableException extends IOException {
    public UnreadableException(String message) {
      super(message);
    }
  }

  /** The file's bytes and its text. */
  public record Contents(byte[] bytes, String text) {}

  /** Reads {@code path}; the exception's message is the reason, such as "no such file". */
  public static Contents read(Path path) throws UnreadableException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new UnreadableException(reason(e));
    }
    if (attributes.isDirectory()) {
      throw new UnreadableException("it is a directory, not a schema file");
    }
    if (!attributes.isRegularFile()) {
      throw new UnreadableException("it is not a regular file (a pipe, device or socket is not read)");
    }
    if (attributes.size() > MAX_BYTES) {
      throw new UnreadableException(tooLarge());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      // Bounded even if the size was wrong or the file grows while it is read.
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UnreadableException(reason(e));
    }
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableException(tooLarge());
    }
    return new Contents(bytes, decode(bytes));
  }

  /** Strict UTF-8; the first byte that is not, by line and column (in characters), 1-based. */
  static String decode(byte[] bytes) throws UnreadableException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      out.flip();
      String before = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < before.length(); i++) {
        if (before.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = before.codePointCount(lineStart, before.length()) + 1;
      throw new UnreadableException(String.format(
          "it is not UTF-8 text: byte 0x%02x at line %d, column %d (byte offset %d); save the file as UTF-8",
          bytes[offset] & 0xff, line, column, offset));
    }
    out.flip();
    return out.toString();
  }

  private static String tooLarge() {
    return "it is larger than " + (MAX_BYTES / (1024 * 1024)) + " MiB, the limit for a schema file";
  }

  /** Why a file cannot be read, in words rather than an exception's class name. */
  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? "it cannot be read" : e.getMessage();
  }
}
