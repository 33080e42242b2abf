package dev.sqlagen.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.property.RandomSchema;
import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Project;
import dev.sqlagen.testing.Resolve;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotFormatTest {
  private static final String SHA = "0".repeat(64);

  private static SchemaState state(String name, String text) {
    return StateBuilder.of(Resolve.text(name, text));
  }

  private static Snapshot roundTrip(Snapshot snapshot) {
    String text = SnapshotFormat.write(snapshot);
    SnapshotFormat.Read read = SnapshotFormat.read(new SourceFile("x.snapshot.jsonl", text));
    assertThat(read.problems()).as(text).isEmpty();
    assertThat(SnapshotFormat.write(read.snapshot().orElseThrow())).isEqualTo(text);
    return read.snapshot().orElseThrow();
  }

  @Test
  void everyExampleAndTestSchemaReadsBackAsWritten() {
    List<Path> schemas = new ArrayList<>(Project.exampleSchemas());
    schemas.addAll(Project.validTestSchemas());
    for (Path schema : schemas) {
      Snapshot snapshot = new Snapshot("0002_abc", List.of("0001"), SHA, state(schema.toString(), Project.read(schema)));
      assertThat(roundTrip(snapshot)).as(schema.toString()).isEqualTo(snapshot);
    }
  }

  @Test
  void randomSchemasReadBackAsWritten() {
    for (long seed = 1; seed <= 300; seed++) {
      Snapshot snapshot = new Snapshot("0001", List.of(), SHA, state("r.sqd", RandomSchema.generate(seed).text()));
      assertThat(roundTrip(snapshot)).as("seed %d", seed).isEqualTo(snapshot);
    }
  }

  @Test
  void oneLinePerElementAfterTheHeader() {
    String text = SnapshotFormat.write(new Snapshot("0001", List.of(), SHA, state("t.sqd", """
        enum Kind { a b }
        model Thing { id int @pk  kind Kind = a  name string(20) @unique }
        """)));
    assertThat(text.lines().toList()).containsExactly(
        "{\"sqlagen\":\"snapshot\",\"format\":1,\"revision\":\"0001\",\"down_revisions\":[],\"revision_sha256\":\"" + SHA
            + "\",\"comment\":\"The database after this revision, recorded by sqlagen to plan the next one. Do not edit.\"}",
        "{\"enum\":\"kind\",\"values\":[\"a\",\"b\"],\"declared_as\":\"Kind\"}",
        "{\"table\":\"things\",\"model\":\"Thing\"}",
        "{\"column\":\"id\",\"table\":\"things\",\"type\":\"int\",\"nullable\":false,\"autoincrement\":true,\"field\":\"id\"}",
        "{\"column\":\"kind\",\"table\":\"things\",\"type\":\"enum(kind)\",\"nullable\":false,\"default\":{\"kind\":\"enum\",\"value\":\"a\"},\"field\":\"kind\"}",
        "{\"column\":\"name\",\"table\":\"things\",\"type\":\"string(20)\",\"nullable\":false,\"field\":\"name\"}",
        "{\"primary_key\":\"pk_things\",\"table\":\"things\",\"columns\":[\"id\"]}",
        "{\"unique\":\"uq_things_name\",\"table\":\"things\",\"columns\":[\"name\"]}");
  }

  @Test
  void anythingItWouldNotWriteIsReportedAtItsLine() {
    String good = SnapshotFormat.write(new Snapshot("0001", List.of(), SHA, state("t.sqd", "model T { id int @pk }")));
    List<String> lines = new ArrayList<>(good.lines().toList());
    lines.set(2, lines.get(2).replace("\"type\":\"int\"", "\"type\":\"integer\""));
    lines.add("{\"column\":\"x\",\"table\":\"nope\",\"type\":\"int\",\"nullable\":true}");
    lines.add("{not json");
    SnapshotFormat.Read read = SnapshotFormat.read(new SourceFile("s.jsonl", String.join("\n", lines)));
    assertThat(read.snapshot()).isEmpty();
    assertThat(read.problems()).extracting(Diagnostic::code).containsOnly(Code.UNREADABLE_SNAPSHOT);
    assertThat(read.problems()).extracting(d -> d.span().line()).containsExactly(6);
    assertThat(read.problems().get(0).message()).startsWith("not JSON");

    lines.remove(lines.size() - 1);
    read = SnapshotFormat.read(new SourceFile("s.jsonl", String.join("\n", lines)));
    assertThat(read.problems()).extracting(d -> d.span().line() + ": " + d.message())
        .containsExactly("3: unknown type \"integer\"", "5: no table nope is listed above this line");
  }

  @Test
  void strangeTextSurvives() {
    String odd = "quote \" backslash \\ newline \n tab \t nul \0 line-sep \u2028 bom \ufeff emoji \ud83d\ude00 lone \ud800";
    SchemaState state = new SchemaState(List.of(), List.of(new EnumState("e", List.of(odd, "b"), java.util.Optional.empty())), List.of());
    Snapshot snapshot = new Snapshot("0001", List.of(), SHA, state);
    assertThat(roundTrip(snapshot)).isEqualTo(snapshot);
    assertThat(SnapshotFormat.write(snapshot)).doesNotContain("\0", "\u2028", "\ufeff", "\ud800");
  }
}
