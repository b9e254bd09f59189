package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSelectionTest {

    private static Map<String, Object> read(String json, JsonSelection selection) throws Exception {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            Map<String, Object> map = JsonValues.readSelected(p, () -> { }, selection, new StringTable(), new JsonObject.Builder());
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            assertEquals(null, p.nextToken(), "the whole object was consumed");
            return map;
        }
    }

    @Test
    void buildsOnlySelectedPathsAndKeepsLeavesWhole() throws Exception {
        JsonSelection selection = JsonSelection.of("type", "tags", "ctx.issuer.arn", "ctx.attributes");
        Map<String, Object> map = read("{\"type\":\"AssumedRole\",\"skip\":{\"deep\":[1,2,{\"x\":\"y\"}]},"
                + "\"tags\":[\"a\",1,true],\"ctx\":{\"issuer\":{\"arn\":\"arn:r\",\"type\":\"Role\"},"
                + "\"attributes\":{\"mfa\":\"true\"},\"creationDate\":\"2024\"}}", selection);
        assertEquals(Map.of("type", "AssumedRole", "tags", List.of("a", 1, true),
                "ctx", Map.of("issuer", Map.of("arn", "arn:r"), "attributes", Map.of("mfa", "true"))), map);
    }

    @Test
    void skipsAValueThatIsNotAnObjectWhereSelectedChildrenAreExpected() throws Exception {
        Map<String, Object> map = read("{\"ctx\":\"not an object\",\"type\":\"IAMUser\"}",
                JsonSelection.of("ctx.issuer.arn", "type"));
        assertEquals(Map.of("type", "IAMUser"), map);
    }
}
