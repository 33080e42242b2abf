package dev.sqlagen.history;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.Span;
import dev.sqlagen.state.LocatedState;
import dev.sqlagen.state.StateHints;
import dev.sqlagen.state.StateMerge;
import dev.sqlagen.state.StateSpans;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the next revision starts: the state the head revision leads to, or, with several heads
 * (branches that each added a revision), the merge of theirs; the revisions the next one follows
 * ({@code down_revision}); and how messages name that state.
 */
public record Recorded(Optional<LocatedState> state, List<String> heads, String name, List<Diagnostic> problems) {
  public Recorded {
    Objects.requireNonNull(state, "state");
    heads = List.copyOf(heads);
    Objects.requireNonNull(name, "name");
    problems = List.copyOf(problems);
  }

  public static Recorded of(History history) {
    List<String> heads = history.heads();
    if (heads.isEmpty()) {
      return new Recorded(Optional.empty(), heads, "no revision", List.of());
    }
    History.StateAt first = history.stateAt(heads.get(0));
    if (heads.size() == 1) {
      return new Recorded(first.state(), heads, "revision " + heads.get(0), first.problems());
    }
    if (first.state().isEmpty()) {
      return new Recorded(Optional.empty(), heads, "", first.problems());
    }
    LocatedState merged = first.state().get();
    for (String head : heads.subList(1, heads.size())) {
      History.StateAt other = history.stateAt(head);
      if (other.state().isEmpty()) {
        return new Recorded(Optional.empty(), heads, "", other.problems());
      }
      StateMerge.Result result = StateMerge.merge(history.ancestorState(heads.get(0), head), merged.state(),
          other.state().get().state());
      if (result.state().isEmpty()) {
        RevisionFile file = history.revision(head).orElseThrow();
        return new Recorded(Optional.empty(), heads, "", List.of(Diagnostic.of(Code.MERGE_CONFLICT, History.line(file),
            "revisions " + String.join(" and ", heads) + " change the same things differently: " + String.join("; ", result.conflicts()),
            "delete your branch's revision and plan it again on top of the other: sqlagen revision")));
      }
      Span where = History.line(history.revision(head).orElseThrow());
      merged = new LocatedState(result.state().get(), StateSpans.none(where), StateHints.NONE);
    }
    return new Recorded(Optional.of(merged), heads, "the merge of revisions " + String.join(", ", heads), List.of());
  }
}
