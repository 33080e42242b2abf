package dev.sqlagen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into version.properties at build time. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/sqlagen/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    }
    return new String[] {"sqlagen " + properties.getProperty("version", "unknown")};
  }
}
