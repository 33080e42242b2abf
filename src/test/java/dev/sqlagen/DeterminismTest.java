package dev.sqlagen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.source.SourceFile;
import dev.sqlagen.testing.Project;
import dev.sqlagen.write.OutputTree;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The same schema gives the same bytes whatever the path, line ends, locale or time zone. */
class DeterminismTest {
  private static final Path SCHEMA = Project.examples().resolve("saas/saas.sqd");

  private static OutputTree compile(String name, String text) {
    return Generator.compile(new SourceFile(name, text), GeneratorConfig.defaults("saas")).output().orElseThrow();
  }

  @Test
  void repeatedRunsAreIdentical() {
    String text = Project.read(SCHEMA);
    assertThat(compile("saas.sqd", text)).isEqualTo(compile("saas.sqd", text));
  }

  @Test
  void theSchemaPathDoesNotMatter() {
    String text = Project.read(SCHEMA);
    assertThat(compile("/home/someone/work/saas.sqd", text)).isEqualTo(compile("saas.sqd", text));
    assertThat(compile("C:\\work\\saas.sqd", text)).isEqualTo(compile("saas.sqd", text));
  }

  @Test
  void crlfInputGivesLfOutput() {
    String text = Project.read(SCHEMA);
    OutputTree crlf = compile("saas.sqd", text.replace("\n", "\r\n"));
    assertThat(crlf).isEqualTo(compile("saas.sqd", text));
    assertThat(crlf.files()).allSatisfy(f -> assertThat(f.content()).doesNotContain("\r"));
  }

  @Test
  void localeAndTimeZoneDoNotMatter() {
    String text = Project.read(SCHEMA);
    OutputTree reference = compile("saas.sqd", text);
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertThat(compile("saas.sqd", text)).isEqualTo(reference);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }
}
