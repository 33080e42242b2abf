package dev.sqlagen.history;

import dev.sqlagen.diag.Code;
import dev.sqlagen.diag.Diagnostic;
import dev.sqlagen.source.Span;
import dev.sqlagen.state.LocatedState;
import dev.sqlagen.state.SchemaState;
import dev.sqlagen.state.StateHints;
import dev.sqlagen.state.StateMerge;
import dev.sqlagen.state.StateSpans;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The revisions of a package's {@code migrations/versions}, as a graph: which are heads, what
 * each is numbered, the database state each leads to (from its snapshot; a revision without one,
 * such as a data migration, changes no table; the first revision of a package generated before
 * snapshots existed is read back), and what is wrong with the history as a whole.
 */
public final class History {
  private static final Pattern NUMBERED = Pattern.compile("^(\\d{4})(?:_.*)?$");

  private final List<RevisionFile> revisions;
  private final List<Diagnostic> problems;
  private final Map<String, RevisionFile> byId = new LinkedHashMap<>();
  private final Map<String, StateAt> states = new HashMap<>();

  /** The state a revision leads to, or why it cannot be told. */
  public record StateAt(Optional<LocatedState> state, List<Diagnostic> problems) {
    public StateAt {
      problems = List.copyOf(problems);
    }
  }

  /**
   * @param problems what was found while reading (an unreadable snapshot, a snapshot without its
   *     revision, a revision edited after sqlagen wrote it): warnings, and errors about files
   */
  public History(List<RevisionFile> revisions, List<Diagnostic> problems) {
    this.revisions = List.copyOf(revisions);
    this.problems = new ArrayList<>(problems);
    for (RevisionFile file : this.revisions) {
      RevisionFile earlier = byId.putIfAbsent(file.revision(), file);
      if (earlier != null) {
        this.problems.add(Diagnostic.of(Code.DUPLICATE_REVISION, line(file), "revision " + file.revision()
            + " is also declared by " + earlier.path() + ": Alembic would run only one of them",
            "give one of them another revision id, and its children the new id as down_revision"));
      }
    }
  }

  /** A package with no revision yet. */
  public static History empty() {
    return new History(List.of(), List.of());
  }

  public boolean isEmpty() {
    return revisions.isEmpty();
  }

  public List<RevisionFile> revisions() {
    return revisions;
  }

  public Optional<RevisionFile> revision(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The revisions no other revision names as its down_revision, in path order. */
  public List<String> heads() {
    Set<String> parents = new HashSet<>();
    revisions.forEach(r -> parents.addAll(r.downRevisions()));
    return byId.keySet().stream().filter(id -> !parents.contains(id)).sorted().toList();
  }

  /**
   * What is wrong with the history as a whole: files that cannot be read or were edited, parents
   * no file declares, ids declared twice, and several heads.
   */
  public List<Diagnostic> problems() {
    List<Diagnostic> all = new ArrayList<>(problems);
    for (RevisionFile file : revisions) {
      for (String parent : file.downRevisions()) {
        if (!byId.containsKey(parent)) {
          all.add(Diagnostic.of(Code.MISSING_REVISION, line(file), "revision " + file.revision() + " follows revision "
              + parent + ", which no file in migrations/versions declares", "restore the missing revision from version control"));
        }
      }
    }
    List<String> heads = heads();
    if (heads.size() > 1) {
      RevisionFile last = byId.get(heads.get(heads.size() - 1));
      all.add(Diagnostic.of(Code.SEVERAL_HEADS, line(last), "the revisions have " + heads.size() + " heads ("
          + String.join(", ", heads) + "): two branches each added one",
          "join them with a merge revision: sqlagen revision writes one; or delete your branch's revision and plan it again on top of the other"));
    }
    return all;
  }

  /** Where a diagnostic about a revision file points: its {@code revision =} line. */
  static Span line(RevisionFile file) {
    int line = RevisionIdentity.read(file.source().text()).map(RevisionIdentity.Declared::line).orElse(1);
    return new Span(file.source(), line, 1, file.source().line(line).length());
  }

  /** The number a new revision after these parents gets: one more than the highest. */
  public int nextNumber(List<String> parents) {
    int highest = 0;
    for (String parent : parents) {
      highest = Math.max(highest, number(parent, new HashSet<>()));
    }
    return highest + 1;
  }

  private int number(String id, Set<String> seen) {
    Matcher m = NUMBERED.matcher(id);
    if (m.matches()) {
      return Integer.parseInt(m.group(1));
    }
    RevisionFile file = byId.get(id);
    if (file == null || !seen.add(id)) {
      return 0;
    }
    int highest = 0;
    for (String parent : file.downRevisions()) {
      highest = Math.max(highest, number(parent, seen));
    }
    return highest + 1;
  }

  /** The state after {@code id}, with where each element was recorded. */
  public StateAt stateAt(String id) {
    StateAt known = states.get(id);
    if (known != null) {
      return known;
    }
    states.put(id, new StateAt(Optional.empty(), List.of())); // a cycle of down_revisions ends here
    StateAt state = compute(id);
    states.put(id, state);
    return state;
  }

  private StateAt compute(String id) {
    RevisionFile file = byId.get(id);
    if (file == null) {
      return new StateAt(Optional.empty(), List.of());
    }
    if (!file.snapshotProblems().isEmpty()) {
      return new StateAt(Optional.empty(), file.snapshotProblems());
    }
    if (file.snapshot().isPresent()) {
      return new StateAt(Optional.of(new LocatedState(file.snapshot().get().state(), file.snapshotSpans(), StateHints.NONE)),
          List.of());
    }
    if (file.downRevisions().isEmpty()) {
      InitialRevisionReader.Result read = InitialRevisionReader.read(file.source());
      if (read.state().isEmpty()) {
        return new StateAt(Optional.empty(), read.diagnostics());
      }
      Span whole = new Span(file.source(), 1, 1, 0);
      return new StateAt(Optional.of(new LocatedState(read.state().get(), StateSpans.none(whole), StateHints.NONE)), List.of());
    }
    if (file.downRevisions().size() == 1) {
      // Written by hand or by Alembic without a snapshot: a data migration, which changes no table.
      return stateAt(file.downRevisions().get(0));
    }
    return merged(file);
  }

  /** A merge revision without a snapshot: its parents' states, each branch's changes taken. */
  private StateAt merged(RevisionFile file) {
    List<String> parents = file.downRevisions();
    StateAt first = stateAt(parents.get(0));
    if (first.state().isEmpty()) {
      return first;
    }
    SchemaState state = first.state().get().state();
    for (String parent : parents.subList(1, parents.size())) {
      StateAt other = stateAt(parent);
      if (other.state().isEmpty()) {
        return other;
      }
      StateMerge.Result result = StateMerge.merge(ancestorState(parents.get(0), parent), state, other.state().get().state());
      if (result.state().isEmpty()) {
        return new StateAt(Optional.empty(), List.of(Diagnostic.of(Code.MERGE_CONFLICT, line(file),
            "the branches that revision " + file.revision() + " merges change the same things differently: "
                + String.join("; ", result.conflicts()),
            "delete one branch's revision and plan it again on top of the other: sqlagen revision")));
      }
      state = result.state().get();
    }
    return new StateAt(Optional.of(new LocatedState(state, StateSpans.none(line(file)), StateHints.NONE)), List.of());
  }

  /** The state of the nearest revision both are descended from (the empty database if none). */
  SchemaState ancestorState(String a, String b) {
    return commonAncestor(a, b).flatMap(id -> stateAt(id).state()).map(LocatedState::state).orElse(SchemaState.EMPTY);
  }

  /** The nearest revision both are descended from. */
  private Optional<String> commonAncestor(String a, String b) {
    Set<String> ofA = new HashSet<>();
    List<String> queue = new ArrayList<>(List.of(a));
    while (!queue.isEmpty()) {
      String id = queue.remove(0);
      if (ofA.add(id)) {
        Optional.ofNullable(byId.get(id)).ifPresent(f -> queue.addAll(f.downRevisions()));
      }
    }
    queue.add(b);
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      String id = queue.remove(0);
      if (ofA.contains(id)) {
        return Optional.of(id);
      }
      if (seen.add(id)) {
        Optional.ofNullable(byId.get(id)).ifPresent(f -> queue.addAll(f.downRevisions()));
      }
    }
    return Optional.empty();
  }
}
