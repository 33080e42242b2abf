package dev.sqlagen.maven;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.Log;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Builds mojos the way Maven does, from the plugin descriptor that maven-plugin-plugin generated
 * (target/classes/META-INF/maven/plugin.xml): the parameters it declares, with their default
 * values, injected into the fields of the class it names.
 */
final class MojoHarness {
  /** One parameter as the descriptor declares it. */
  record Parameter(String name, String type, boolean editable, Optional<String> defaultValue) {}

  /** One goal as the descriptor declares it. */
  record Goal(String name, String implementation, String phase, boolean threadSafe, Map<String, Parameter> parameters) {}

  private static final Map<String, Goal> GOALS = readDescriptor();

  private MojoHarness() {}

  static Map<String, Goal> goals() {
    return GOALS;
  }

  static Goal goal(String name) {
    Goal goal = GOALS.get(name);
    if (goal == null) {
      throw new IllegalArgumentException("no goal " + name + " in the plugin descriptor: " + GOALS.keySet());
    }
    return goal;
  }

  /** A mojo of the goal with every default applied ({@code ${project.build.directory}} is buildDir). */
  static AbstractMojo create(String goalName, Path buildDir, CapturingLog log) {
    Goal goal = goal(goalName);
    try {
      AbstractMojo mojo = (AbstractMojo) Class.forName(goal.implementation()).getDeclaredConstructor().newInstance();
      for (Parameter parameter : goal.parameters().values()) {
        if (parameter.defaultValue().isPresent()) {
          String value = parameter.defaultValue().get().replace("${project.build.directory}", buildDir.toString());
          set(mojo, parameter.name(), convert(parameter.type(), value));
        }
      }
      mojo.setLog(log);
      return mojo;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sets a parameter as Maven injects it: straight into the field. */
  static void set(Object mojo, String parameter, Object value) {
    try {
      Field field = field(mojo.getClass(), parameter);
      field.setAccessible(true);
      field.set(mojo, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        return c.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  static Object convert(String type, String value) {
    return switch (type) {
      case "boolean" -> Boolean.parseBoolean(value);
      case "java.io.File" -> new File(value);
      case "java.lang.String" -> value;
      default -> throw new IllegalArgumentException("no conversion to " + type + " in the test harness");
    };
  }

  static Path descriptorFile() {
    try {
      Path classes = Path.of(GenerateMojo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return classes.resolve("META-INF/maven/plugin.xml");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Goal> readDescriptor() {
    Path file = descriptorFile();
    if (!Files.isRegularFile(file)) {
      throw new UncheckedIOException(new IOException(file + " is missing: maven-plugin-plugin writes it at process-classes"));
    }
    try {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
      Map<String, Goal> goals = new LinkedHashMap<>();
      for (Element mojo : children(document.getDocumentElement(), "mojos", "mojo")) {
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Element configuration : children(mojo, "configuration")) {
          NodeList values = configuration.getChildNodes();
          for (int i = 0; i < values.getLength(); i++) {
            if (values.item(i) instanceof Element value && value.hasAttribute("default-value")) {
              defaults.put(value.getTagName(), value.getAttribute("default-value"));
            }
          }
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Element parameter : children(mojo, "parameters", "parameter")) {
          String name = text(parameter, "name");
          parameters.put(name, new Parameter(name, text(parameter, "type"),
              Boolean.parseBoolean(text(parameter, "editable")), Optional.ofNullable(defaults.get(name))));
        }
        String goal = text(mojo, "goal");
        goals.put(goal, new Goal(goal, text(mojo, "implementation"), text(mojo, "phase"),
            Boolean.parseBoolean(text(mojo, "threadSafe")), parameters));
      }
      return goals;
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static List<Element> children(Element parent, String... path) {
    List<Element> level = List.of(parent);
    for (String name : path) {
      List<Element> next = new ArrayList<>();
      for (Element element : level) {
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
          Node node = nodes.item(i);
          if (node instanceof Element child && child.getTagName().equals(name)) {
            next.add(child);
          }
        }
      }
      level = next;
    }
    return level;
  }

  private static String text(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? "" : found.get(0).getTextContent().trim();
  }

  /** Maven's log, kept as lines: "[LEVEL] text". */
  static final class CapturingLog implements Log {
    private final List<String> lines = new ArrayList<>();

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }

    String text() {
      return String.join("\n", lines());
    }

    void clear() {
      synchronized (this) {
        lines.clear();
      }
    }

    private synchronized void add(String level, CharSequence content, Throwable error) {
      lines.add("[" + level + "] " + (content == null ? "" : content) + (error == null ? "" : " " + error));
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence content) { add("DEBUG", content, null); }
    @Override public void debug(CharSequence content, Throwable error) { add("DEBUG", content, error); }
    @Override public void debug(Throwable error) { add("DEBUG", null, error); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { add("INFO", content, null); }
    @Override public void info(CharSequence content, Throwable error) { add("INFO", content, error); }
    @Override public void info(Throwable error) { add("INFO", null, error); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { add("WARNING", content, null); }
    @Override public void warn(CharSequence content, Throwable error) { add("WARNING", content, error); }
    @Override public void warn(Throwable error) { add("WARNING", null, error); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { add("ERROR", content, null); }
    @Override public void error(CharSequence content, Throwable error) { add("ERROR", content, error); }
    @Override public void error(Throwable error) { add("ERROR", null, error); }
  }
}
