package dev.sqlagen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the command line prints diagnostics: human text without colour off a terminal, JSON lines, warnings. */
class DiagnosticOutputTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path schema(String text) throws IOException {
    Path file = dir.resolve("model.sqd");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void jsonFormatPrintsOneParsableObjectPerDiagnostic() throws IOException {
    Path file = schema("""
        enum Mood { happy }
        model User {
          id int @pk
          name "quoted\\ttab\u0007" string(5)
        }
        """.replace("name \"quoted\\ttab\u0007\" string(5)", "title nvarchar(10) = \"a\u0007\\\"b\"\n  age Int"));
    int code = run(file.toString(), "-o", dir.resolve("app").toString(), "--error-format", "json");
    assertThat(code).isEqualTo(ExitCodes.SCHEMA_ERROR);
    assertThat(out.toString()).isEmpty();
    List<String> lines = err.toString().lines().toList();
    assertThat(lines).hasSize(2);
    Map<String, Object> first = TinyJson.object(lines.get(0));
    assertThat(first)
        .containsEntry("file", file.toString())
        .containsEntry("line", 4L)
        .containsEntry("column", 9L)
        .containsEntry("length", 8L)
        .containsEntry("severity", "error")
        .containsEntry("code", "SQD012")
        .containsEntry("message", "unknown type 'nvarchar'")
        .containsEntry("help", "did you mean 'string(10)'? it is VARCHAR(n); write varchar for a VARCHAR without a length");
    Map<String, Object> second = TinyJson.object(lines.get(1));
    assertThat(second).containsEntry("code", "SQD012").containsEntry("line", 5L).containsEntry("message", "unknown type 'Int'");
    assertThat(err.toString()).doesNotContain("nothing was written", "\u001b");
  }

  @Test
  void jsonEscapesEveryControlCharacter() throws IOException {
    // The file name carries the characters that need escaping; it is echoed in "file".
    Path file = dir.resolve("we\"ird\\name.sqd");
    Files.writeString(file, "model User {\n  id int @pk\n  name strng(5)\n}\n");
    run(file.toString(), "-o", dir.resolve("app").toString(), "--error-format", "json");
    Map<String, Object> object = TinyJson.object(err.toString().strip());
    assertThat(object.get("file")).isEqualTo(file.toString());
    assertThat(object.get("help")).isEqualTo("did you mean 'string'?");
  }

  @Test
  void humanFormatHasNoColourWhenNotATerminal() throws IOException {
    Path file = schema("model User {\n  id int @pk\n  name strng(5)\n}\n");
    assertThat(run(file.toString(), "-o", dir.resolve("app").toString())).isEqualTo(ExitCodes.SCHEMA_ERROR);
    assertThat(err.toString())
        .startsWith(file + ":3:8: error[SQD012]: unknown type 'strng'\n")
        .doesNotContain("\u001b")
        .endsWith("sqlagen: 1 error; nothing was written.\n");
  }

  @Test
  void warningsAreCountedWithErrors() throws IOException {
    Path file = schema("enum Mood { happy }\nmodel User {\n  id int @pk\n  name strng(5)\n}\n");
    assertThat(run(file.toString(), "-o", dir.resolve("app").toString())).isEqualTo(ExitCodes.SCHEMA_ERROR);
    assertThat(err.toString()).contains("error[SQD012]").endsWith("sqlagen: 1 error; nothing was written.\n");
    Path other = schema("enum Mood { happy }\nmodel User {\n  id int @pk\n  name string\n}\n");
    err.getBuffer().setLength(0);
    run(other.toString(), "-o", dir.resolve("app").toString());
    assertThat(err.toString())
        .contains("warning[SQW001]: enum 'Mood' is never used", "error[SQD015]")
        .endsWith("sqlagen: 1 error, 1 warning; nothing was written.\n");
  }

  @Test
  void aSchemaWithOnlyWarningsIsGenerated() throws IOException {
    Path app = dir.resolve("app");
    Path file = schema("enum Mood { happy }\nmodel User {\n  id int @pk @unique\n}\n");
    assertThat(run(file.toString(), "-o", app.toString())).isEqualTo(ExitCodes.OK);
    assertThat(app.resolve("models.py")).isRegularFile();
    assertThat(err.toString())
        .contains(file + ":1:6: warning[SQW001]: enum 'Mood' is never used")
        .contains(file + ":3:15: warning[SQW002]: '@unique' has no effect on a primary key")
        .doesNotContain("nothing was written");
  }

  @Test
  void anUnknownErrorFormatIsAUsageError() throws IOException {
    Path file = schema("model User {\n  id int @pk\n}\n");
    assertThat(run(file.toString(), "-o", dir.resolve("app").toString(), "--error-format", "xml"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--error-format");
  }

  /** Just enough JSON to read one flat object of strings, whole numbers and null back. */
  static final class TinyJson {
    private final String text;
    private int at;

    private TinyJson(String text) {
      this.text = text;
    }

    static Map<String, Object> object(String text) {
      TinyJson json = new TinyJson(text);
      Map<String, Object> result = json.readObject();
      if (json.at != text.length()) {
        throw new IllegalArgumentException("trailing text at " + json.at + ": " + text);
      }
      return result;
    }

    private Map<String, Object> readObject() {
      expect('{');
      Map<String, Object> map = new LinkedHashMap<>();
      if (peek() == '}') {
        at++;
        return map;
      }
      while (true) {
        String key = readString();
        expect(':');
        Object previous = map.put(key, readValue());
        if (previous != null) {
          throw new IllegalArgumentException("duplicate key " + key);
        }
        char c = text.charAt(at++);
        if (c == '}') {
          return map;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected ',' or '}' at " + (at - 1));
        }
      }
    }

    private Object readValue() {
      char c = peek();
      if (c == '"') {
        return readString();
      }
      if (text.startsWith("null", at)) {
        at += 4;
        return null;
      }
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '-')) {
        at++;
      }
      if (start == at) {
        throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
      }
      return Long.parseLong(text.substring(start, at));
    }

    private String readString() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw new IllegalArgumentException("raw control character in a JSON string at " + (at - 1));
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = text.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw new IllegalArgumentException("bad escape \\" + e);
        }
      }
    }

    private char peek() {
      return text.charAt(at);
    }

    private void expect(char c) {
      if (text.charAt(at) != c) {
        throw new IllegalArgumentException("expected '" + c + "' at " + at + ": " + text);
      }
      at++;
    }
  }
}
