package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API version Lambda writes into event names, read by hand. */
class ResourceIdsTest {

    /** What the hand-written reading replaces, as the oracle. */
    private static final Pattern API_VERSION_SUFFIX = Pattern.compile("\\d{8}(v\\d+)?$");

    @ParameterizedTest
    @CsvSource({
        "DeleteFunction20150331, DeleteFunction",
        "DeleteFunction20150331v2, DeleteFunction",
        "ListFunctions20150331, ListFunctions",
        "GetFunctionConfiguration20150331v2, GetFunctionConfiguration",
        "TerminateInstances, TerminateInstances",
        "DeleteFunction2015033, DeleteFunction2015033",
    })
    void dropsTheApiVersion(String eventName, String call) {
        assertEquals(call, ResourceIds.callName(eventName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "v1", "12345678", "12345678v", "12345678v9", "x123456789", "x123456789v12",
        "Ab1v12345678", "Foo1234v5", "Foo12345678v12345678", "Foo123456789012v3", "a1b2c3d4e5f6g7h8", "Del٣٣٣٣٣٣٣٣",
        "v12345678v1", "Put12345678vv1"})
    void agreesWithTheExpressionItReplaces(String eventName) {
        assertEquals(API_VERSION_SUFFIX.matcher(eventName).replaceFirst(""), ResourceIds.callName(eventName));
    }
}
