package org.lots.helpdesk.dialog.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON Schema editors get completion from names exactly the keys the loader reads. */
class SchemaTests {

    @Test
    void theDialogSchemaKnowsExactlyTheKeysTheLoaderReads() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("schema/dialog.schema.json").toFile());
        assertEquals(new TreeSet<>(ContentLoader.DIALOG_KEYS), names(schema.get("properties")));
        assertEquals(new TreeSet<>(ContentLoader.STEP_KEYS), names(schema.get("$defs").get("step").get("properties")));
        assertEquals(new TreeSet<>(DialogReader.CHOICE_KEYS), names(schema.get("$defs").get("choice").get("properties")));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
