package dev.sqlagen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.testing.Resolve;
import org.junit.jupiter.api.Test;

/**
 * When SQLAlchemy cannot tell a relationship's join alone: the foreign keys between two mappers'
 * selectables, inheritance keys included, as its join_condition() counts them.
 */
class ForeignKeyPathsTest {
  private static ForeignKeyPaths paths(String text) {
    return new ForeignKeyPaths(Resolve.text("paths.sqd", text));
  }

  @Test
  void oneForeignKeyBetweenTwoModelsIsNotAmbiguous() {
    ForeignKeyPaths paths = paths("""
        model User { id int @pk }
        model Post { id int @pk  author User }
        """);
    assertThat(paths.ambiguous("Post", "User")).isFalse();
    assertThat(paths.selfReferential("Post", "User")).isFalse();
  }

  @Test
  void twoForeignKeysBetweenTwoModelsAreAmbiguousInEitherDirection() {
    ForeignKeyPaths paths = paths("""
        model User { id int @pk  favourite Post? }
        model Post { id int @pk  author User }
        """);
    assertThat(paths.ambiguous("Post", "User")).isTrue();
    assertThat(paths.ambiguous("User", "Post")).isTrue();
  }

  @Test
  void aForeignKeyToAJoinedParentTableCountsForAReferenceToTheSubclass() {
    // notes.owner_id -> invoices.id and notes.vessel_id -> ships.id both join notes to Ship's
    // selectable, ships JOIN invoices.
    ForeignKeyPaths paths = paths("""
        model Invoice { id int @pk  kind string(20) @discriminator  @@inheritance(joined) }
        model Ship : Invoice { name string(20) }
        model Note { id int @pk  kind string(20) @discriminator  owner Invoice?  @@inheritance(single) }
        model Remark : Note { vessel Ship? }
        """);
    assertThat(paths.paths("Remark", "Ship")).isEqualTo(2);
    assertThat(paths.ambiguous("Remark", "Ship")).isTrue();
    // From Ship's own table only vessel_id leads to notes; from Invoice only owner_id.
    assertThat(paths.paths("Ship", "Remark")).isEqualTo(1);
    assertThat(paths.ambiguous("Note", "Invoice")).isFalse();
  }

  @Test
  void aJoinedSubclassReferencingItselfIsAmbiguousWithItsInheritanceKey() {
    ForeignKeyPaths paths = paths("""
        model Venue { id int @pk  kind string(20) @discriminator  @@inheritance(joined) }
        model Realm : Venue { home Realm? }
        """);
    assertThat(paths.ambiguous("Realm", "Realm")).isTrue();
    assertThat(paths.selfReferential("Realm", "Realm")).isTrue();
    assertThat(paths.ambiguousInheritance("Realm", "Venue")).isFalse();
  }

  @Test
  void modelsOfOneSingleTableHierarchyJoinTheirTableToItself() {
    ForeignKeyPaths paths = paths("""
        model Part { id int @pk  kind string(20) @discriminator  @@inheritance(single) }
        model Gear : Part { assembly Part? }
        model Bolt : Part { size int? }
        """);
    assertThat(paths.selfReferential("Gear", "Part")).isTrue();
    assertThat(paths.selfReferential("Bolt", "Gear")).isTrue();
    assertThat(paths.ambiguous("Gear", "Part")).isFalse();
  }

  @Test
  void twoSingleTableSubclassesReferencingOneModelShareTheirTable() {
    ForeignKeyPaths paths = paths("""
        model Place { id int @pk }
        model Part { id int @pk  kind string(20) @discriminator  @@inheritance(single) }
        model Gear : Part { made Place? }
        model Bolt : Part { sold Place? }
        """);
    assertThat(paths.ambiguous("Gear", "Place")).isTrue();
    assertThat(paths.ambiguous("Bolt", "Place")).isTrue();
  }

  @Test
  void aJoinedSubclassAndItsParentAreNotASelfReference() {
    ForeignKeyPaths paths = paths("""
        model Person { id int @pk  kind string(20) @discriminator  @@inheritance(joined) }
        model Staff : Person { mentor Person? }
        model Guest : Person { host Staff? }
        """);
    assertThat(paths.selfReferential("Staff", "Person")).isFalse();
    assertThat(paths.selfReferential("Guest", "Staff")).isFalse();
    assertThat(paths.ambiguous("Staff", "Person")).isTrue();
    assertThat(paths.ambiguousInheritance("Staff", "Person")).isTrue();
    // From guests, both host_id -> staffs.id and its inheritance key id -> persons.id lead into
    // Staff's selectable, staffs JOIN persons.
    assertThat(paths.paths("Guest", "Staff")).isEqualTo(2);
    assertThat(paths.ambiguous("Guest", "Staff")).isTrue();
    assertThat(paths.ambiguousInheritance("Guest", "Person")).isFalse();
  }
}
