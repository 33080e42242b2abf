package dev.sqlagen.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sqlagen.GeneratorConfig;
import dev.sqlagen.testing.Resolve;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The relationship arguments the plan decides for joins through inheritance, and the foreign keys
 * env.py does not compare on SQLite; the Python proof runs them (schemas/valid/relation_paths.sqd
 * and link_schemas.sqd).
 */
class RelationshipArgumentsTest {
  private static String models(String text) {
    ModelsModuleView view = new ModelsModulePlanner(Resolve.text("rel.sqd", text), false).plan("");
    return String.join("\n", view.classes().stream().flatMap(c -> c.sections().stream()).flatMap(List::stream).toList());
  }

  @Test
  void aReferenceWithTwoPathsIntoAJoinedSubclassNamesItsKeyOnBothSides() {
    String models = models("""
        model Invoice { id int @pk  kind string(20) @discriminator  @@inheritance(joined) }
        model Ship : Invoice { cargo Remark[] }
        model Note { id int @pk  kind string(20) @discriminator  owner Invoice?  @@inheritance(single) }
        model Remark : Note { vessel Ship? }
        """);
    assertThat(models)
        .contains("back_populates=\"cargo\", foreign_keys=\"Remark.vessel_id\"")
        .contains("back_populates=\"vessel\", foreign_keys=\"Remark.vessel_id\"")
        .contains("owner: Mapped[Invoice | None] = relationship()");
  }

  @Test
  void aJoinedSubclassReferencingItselfGetsForeignKeysAndRemoteSide() {
    String models = models("""
        model Venue { id int @pk  kind string(20) @discriminator  @@inheritance(joined) }
        model Realm : Venue { home Realm?  outposts Realm[] }
        """);
    assertThat(models)
        .contains("back_populates=\"outposts\", foreign_keys=\"Realm.home_id\", remote_side=\"Realm.id\"")
        .contains("back_populates=\"home\", foreign_keys=\"Realm.home_id\"")
        .doesNotContain("inherit_condition");
  }

  @Test
  void referencesWithinASingleTableHierarchyGetRemoteSideOfTheirTarget() {
    String models = models("""
        model Part { id int @pk  kind string(20) @discriminator  gears Gear[]  @@inheritance(single) }
        model Gear : Part { assembly Part? }
        model Bolt : Part { gear Gear? }
        """);
    assertThat(models)
        .contains("back_populates=\"gears\", foreign_keys=\"Gear.assembly_id\", remote_side=\"Part.id\"")
        .contains("gears: Mapped[list[Gear]] = relationship(")
        .contains("gear: Mapped[Gear | None] = relationship(\n        foreign_keys=\"Bolt.gear_id\", remote_side=\"Gear.id\"\n    )");
  }

  @Test
  void envLeavesOutOnSqliteTheLinkTableKeysThatCrossSchemas() {
    DataLayerView view = DataLayerPlanner.plan(GeneratorConfig.defaults("link"), "link.sqd", Resolve.text("link.sqd", """
        model Crew { @@schema("fleet")  id int @pk  ports Port[] }
        model Port { id int @pk  crews Crew[] }
        model Berth { id int @pk  docks Dock[] }
        model Dock { @@schema("yard")  id int @pk  berths Berth[] }
        """));
    assertThat(String.join("\n", view.notComparedOnSqlite()))
        .contains("\"fk_crew_ports_port_id_ports\"")
        .contains("\"fk_berth_docks_dock_id_docks\"")
        .doesNotContain("fk_crew_ports_crew_id")
        .doesNotContain("fk_berth_docks_berth_id");
  }

  @Test
  void aReferenceWithoutConstraintJoinsInTheOrmOnBothSidesAndCountsForNoForeignKeys() {
    String models = models("""
        model Author { id int @pk  books Book[] @inverse(author)  edited Book[] @inverse(editor) }
        model Book {
          id int @pk
          author Author @fk(author_ref, constraint: false) @index(false)
          editor Author?
        }
        """);
    assertThat(models)
        .contains("author_ref: Mapped[int] = mapped_column()")
        .contains("primaryjoin=\"foreign(Book.author_ref) == Author.id\"")
        // The one real foreign key between the two tables: no foreign_keys= needed.
        .doesNotContain("foreign_keys=")
        .contains("editor_id: Mapped[int | None] = mapped_column(ForeignKey(\"authors.id\"), index=True)");
  }

  @Test
  void aCompositeReferenceWithoutConstraintJoinsOnEveryColumn() {
    String models = models("""
        model Edition { isbn string(13) @pk  number int @pk }
        model Copy { id int @pk  edition Edition @fk(constraint: false) }
        """);
    assertThat(models)
        .contains("\"and_(foreign(Copy.edition_isbn) == Edition.isbn, \"\n")
        .contains("\"foreign(Copy.edition_number) == Edition.number)\"")
        .doesNotContain("ForeignKeyConstraint");
  }

  @Test
  void aLinkTableTakesItsColumnNamesAndActionsFromThrough() {
    ModelsModuleView view = new ModelsModulePlanner(Resolve.text("rel.sqd", """
        model Track { id int @pk  playlists Playlist[] }
        model Playlist {
          id int @pk
          tracks Track[] @through("playlist_track", fk: PlaylistId, target_fk: TrackId, ondelete: no_action, onupdate: cascade)
        }
        """), false).plan("");
    assertThat(String.join("\n", view.tables().stream().flatMap(List::stream).toList()))
        .contains("Column(\"TrackId\", ForeignKey(\"tracks.id\", onupdate=\"CASCADE\"), primary_key=True)")
        .contains("\"PlaylistId\", ForeignKey(\"playlists.id\", onupdate=\"CASCADE\"), primary_key=True")
        .doesNotContain("ondelete");
  }
}
