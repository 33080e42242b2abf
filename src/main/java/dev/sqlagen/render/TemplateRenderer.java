package dev.sqlagen.render;

import dev.sqlagen.plan.PlannedFile;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The render stage: prints planned files through the FreeMarker templates in templates/. The
 * configuration is strict (a missing value is an error, never an empty string) and independent
 * of the machine's locale and time zone.
 */
public final class TemplateRenderer {
  /** Templates every run prints; {@link #warmUpInBackground} parses them ahead of time. */
  private static final List<String> WARM_UP_TEMPLATES = List.of("models.py.ftl", "class.ftl");

  private TemplateRenderer() {}

  /**
   * Starts FreeMarker (some 500 classes and its configuration: about a third of a small run)
   * and the parsing of the main templates on a daemon thread, so that this overlaps reading,
   * parsing and checking the schema on another core. Only for a process about to render: the
   * CLI calls it first thing. Optional: {@link #render} works the same without it, and waits
   * for the configuration if it is still being built.
   */
  public static void warmUpInBackground() {
    Thread thread = new Thread(TemplateRenderer::warmUp, "sqlagen-template-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void warmUp() {
    try {
      for (String name : WARM_UP_TEMPLATES) {
        Holder.CONFIGURATION.getTemplate(name);
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      // Nothing to do here: render() meets the same problem and reports it.
    }
  }

  /** Built on first use, by whichever thread comes first; class initialisation makes others wait. */
  private static final class Holder {
    static final Configuration CONFIGURATION = configuration();
  }

  /** The file's text, with LF line ends. */
  public static String render(PlannedFile file) {
    if (file.template() == null) {
      return "";
    }
    try {
      Template template = Holder.CONFIGURATION.getTemplate(file.template());
      StringWriter out = new StringWriter();
      template.process(Map.of("view", file.view()), out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + file.template(), e);
    } catch (TemplateException e) {
      // A template error is a bug in sqlagen, never in the user's schema.
      throw new IllegalStateException("template " + file.template() + " failed: " + e.getMessage(), e);
    }
  }

  private static Configuration configuration() {
    Configuration config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassForTemplateLoading(TemplateRenderer.class, "/dev/sqlagen/templates");
    // The templates are in the jar and never change: no lookups of locale variants such as
    // models.py_en_GB.ftl, and no checks for newer versions (the Maven plugin's JVM lives long).
    config.setLocalizedLookup(false);
    config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setNumberFormat("computer");
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    // Views are records: templates read their components as properties (view.imports).
    wrapper.setRecordZeroArgumentNonVoidMethodPolicy(ZeroArgumentNonVoidMethodPolicy.PROPERTY_ONLY_UNLESS_BEAN_PROPERTY_READ_METHOD);
    config.setObjectWrapper(wrapper.build());
    return config;
  }
}
