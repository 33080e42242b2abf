package dev.sqlagen.write;

import java.util.List;

/**
 * What a write did, or why it refused: files written, files already up to date, existing files
 * kept as they are (migrations), files refused.
 */
public record WriteResult(
    List<String> written, List<String> unchanged, List<String> kept, List<String> refused, String refusal) {
  public WriteResult {
    written = List.copyOf(written);
    unchanged = List.copyOf(unchanged);
    kept = List.copyOf(kept);
    refused = List.copyOf(refused);
  }

  public boolean isRefused() {
    return refusal != null;
  }
}
