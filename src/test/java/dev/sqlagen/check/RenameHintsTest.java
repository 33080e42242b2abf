package dev.sqlagen.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sqlagen.Generator;
import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.diag.DiagnosticPrinter;
import dev.sqlagen.diag.Diagnostics;
import dev.sqlagen.model.Schema;
import dev.sqlagen.parse.SchemaParser;
import dev.sqlagen.resolved.RenameHints;
import dev.sqlagen.resolved.RenameHints.Hint;
import dev.sqlagen.resolved.RenameHints.Kind;
import dev.sqlagen.resolved.ResolvedSchema;
import dev.sqlagen.source.SourceFile;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What {@code @was} and {@code @@was} put into {@link ResolvedSchema#renames()}, and that they
 * change no generated file. Wrong hints are covered by the diagnostics corpus.
 */
class RenameHintsTest {
  /** Every kind of hint: an enum and a member, a mixin's field, a model, a column, a reference, a single-table subclass's field. */
  private static final String SCHEMA = """
      enum PostStatus {
        @@was(ArticleStatus)
        draft
        in_review @was(inReview)
        published
      }

      mixin Timestamps { created datetime(tz) = now() @was(created_at) }

      model User : Timestamps {
        id    int        @pk
        posts Article[]
      }

      model Article : Timestamps {
        @@was(Post)
        id     int         @pk
        about  text?       @was(bio)
        writer User        @was(author)
        status PostStatus  = draft
        kind   string(20)  @discriminator
        @@inheritance(single)
      }

      model Review : Article {
        score  int?  @was("rating")
      }
      """;

  @Test
  void everyHintLandsInTheResolvedSchemaWithItsArgumentsSpan() {
    assertThat(describe(resolve(SCHEMA).renames())).containsExactly(
        "ENUM PostStatus.PostStatus was ArticleStatus at 2:9+13",
        "MEMBER PostStatus.in_review was inReview at 4:18+8",
        // A mixin's field: one hint per model that uses the mixin, at the mixin's argument.
        "FIELD User.created was created_at at 8:54+10",
        "MODEL Article.Article was Post at 16:9+4",
        "FIELD Article.created was created_at at 8:54+10",
        "FIELD Article.about was bio at 18:27+3",
        "FIELD Article.writer was author at 19:27+6",
        // Owned by the subclass that declares it, though its column is in articles; a quoted name spans its quotes.
        "FIELD Review.score was rating at 26:21+8");
  }

  @Test
  void hintsAreFoundByKind() {
    RenameHints renames = resolve(SCHEMA).renames();
    assertThat(renames.of(Kind.MODEL)).extracting(Hint::owner, Hint::was).containsExactly(tuple("Article", "Post"));
    assertThat(renames.of(Kind.FIELD)).extracting(Hint::owner).containsExactly("User", "Article", "Article", "Article", "Review");
  }

  @Test
  void aSwapOfTwoNamesIsAllowed() {
    ResolvedSchema resolved = resolve("""
        enum Side { left @was(right) right @was(left) }
        model Page {
          id        int          @pk
          title     string(200)  @was(subtitle)
          subtitle  string(200)  @was(title)
          side      Side         = left
        }
        """);
    assertThat(describe(resolved.renames())).containsExactly(
        "MEMBER Side.left was right at 1:23+5",
        "MEMBER Side.right was left at 1:41+4",
        "FIELD Page.title was subtitle at 4:31+8",
        "FIELD Page.subtitle was title at 5:31+5");
  }

  @Test
  void aSchemaWithoutHintsHasNone() {
    assertThat(resolve(strip(SCHEMA)).renames().hints()).isEmpty();
  }

  @Test
  void hintsChangeNoGeneratedFile() {
    String without = strip(SCHEMA);
    assertThat(without).doesNotContain("was");
    GeneratorConfig config = GeneratorConfig.defaults("app");
    Generator.Result withHints = Generator.compile(new SourceFile("blog.sqd", SCHEMA), config);
    Generator.Result withoutHints = Generator.compile(new SourceFile("blog.sqd", without), config);
    // Without a revision yet there is nothing to rename: each hint is said to be done.
    assertThat(withHints.diagnostics()).isNotEmpty().allMatch(d -> d.code() == dev.sqlagen.diag.Code.RENAME_APPLIED);
    assertThat(withHints.output()).isPresent();
    // Every path and every byte.
    assertThat(withHints.output().orElseThrow().files()).isEqualTo(withoutHints.output().orElseThrow().files());
  }

  /** The schema with every {@code @was(...)} and {@code @@was(...)} removed. */
  private static String strip(String schema) {
    return schema.replaceAll("\\s*@@?was\\([^)]*\\)", "");
  }

  private static ResolvedSchema resolve(String text) {
    Diagnostics diagnostics = new Diagnostics();
    Schema schema = SchemaParser.parse(new SourceFile("hints.sqd", text), diagnostics).orElseThrow();
    ResolvedSchema resolved = SchemaChecker.check(schema, diagnostics).orElse(null);
    assertThat(diagnostics.sorted().stream().map(DiagnosticPrinter::format).collect(Collectors.joining())).isEmpty();
    return resolved;
  }

  private static List<String> describe(RenameHints renames) {
    return renames.hints().stream()
        .map(h -> h.kind() + " " + h.owner() + "." + h.name() + " was " + h.was() + " at "
            + h.span().line() + ":" + h.span().column() + "+" + h.span().length())
        .toList();
  }
}
