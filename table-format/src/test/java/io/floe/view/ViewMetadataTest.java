package io.floe.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.metadata.InvalidMetadataException;
import io.floe.types.NestedField;
import io.floe.types.Schema;
import io.floe.types.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewMetadataTest {
  private static ViewDefinition definition(int columns, String sql) {
    List<NestedField> fields = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      fields.add(new NestedField(i, "c" + i, Types.LONG, false, null));
    }
    return new ViewDefinition(new Schema(fields), new SqlViewRepresentation(sql, "floe"), List.of("db"),
        Map.of(ViewMetadata.VERSIONS_KEPT, "3"), Map.of("engine-name", "floe"));
  }

  @Test
  void replacingKeepsTheNewestVersionsTheirLogAndTheirSchemasAndRoundTripsThroughJson() {
    ViewMetadata metadata = ViewMetadata.create("/wh/db/v", definition(1, "SELECT 0"), 1_000);
    for (int i = 1; i <= 5; i++) {
      metadata = metadata.replace(definition(1 + i % 2, "SELECT " + i), 1_000 + i);
    }
    assertEquals(6, metadata.currentVersionId());
    assertEquals(List.of(4, 5, 6), metadata.versions().stream().map(ViewVersion::versionId).toList());
    assertEquals(List.of(4, 5, 6), metadata.versionLog().stream().map(ViewHistoryEntry::versionId).toList());
    assertEquals(List.of(0, 1), metadata.schemas().stream().map(Schema::schemaId).sorted().toList(),
        "both column lists are still used, each once");
    assertEquals(2, metadata.schema().columns().size(), "version 6 (i = 5) has two columns");

    ViewMetadata reread = ViewMetadataParser.fromJson("/wh/db/v/metadata/v6.view.json",
        ViewMetadataParser.toJson(metadata));
    assertEquals(metadata.uuid(), reread.uuid());
    assertEquals(metadata.versions(), reread.versions());
    assertEquals(metadata.versionLog(), reread.versionLog());
    assertEquals(metadata.properties(), reread.properties());
    assertEquals(metadata.schema().asStruct(), reread.schema().asStruct());
  }

  @Test
  void badMetadataNamesTheFileAndTheProblem() {
    String json = ViewMetadataParser.toJson(ViewMetadata.create("/wh/db/v", definition(1, "SELECT 1"), 5));
    InvalidMetadataException noVersion = assertThrows(InvalidMetadataException.class,
        () -> ViewMetadataParser.fromJson("/f.json",
            json.replace("\"current-version-id\":1", "\"current-version-id\":7")));
    assertTrue(noVersion.getMessage().contains("/f.json") && noVersion.getMessage().contains("no version 7"),
        noVersion.getMessage());
    UnsupportedOperationException format = assertThrows(UnsupportedOperationException.class,
        () -> ViewMetadataParser.fromJson("/f.json", json.replace("\"format-version\":1", "\"format-version\":2")));
    assertTrue(format.getMessage().startsWith("not supported: view format version 2"), format.getMessage());
  }
}
