package dev.sqlagen.write;

import java.util.List;

/** What a write did, or why it refused: files written, files already up to date, files refused. */
public record WriteResult(List<String> written, List<String> unchanged, List<String> refused, String refusal) {
  public WriteResult {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    refused = List.copyOf(refused);
  }

  public boolean isRefused() {
    return refusal != null;
  }
}
