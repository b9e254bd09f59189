package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code selectorNarrowing}: what a {@code PutEventSelectors} call takes out of a trail's management events. */
class TrailSelectorsTest {

    private static final String MANAGEMENT = "{\"field\":\"eventCategory\",\"equals\":[\"Management\"]}";
    private static final String DATA = "{\"fieldSelectors\":[{\"field\":\"eventCategory\",\"equals\":[\"Data\"]}]}";
    private static final String READS = "{\"field\":\"readOnly\",\"equals\":[\"true\"]}";

    private static String narrowing(String eventSource, String eventName, String request) throws IOException {
        return Collected.decode("{\"eventID\":\"e\",\"eventName\":\"" + eventName + "\",\"eventSource\":\"" + eventSource
                + "\",\"eventTime\":\"2024-01-02T03:04:05Z\",\"requestParameters\":" + request + "}").only().getSelectorNarrowing();
    }

    private static String selectors(String request) throws IOException {
        return narrowing("cloudtrail.amazonaws.com", "PutEventSelectors", request);
    }

    private static String basic(String... selectors) {
        return "{\"trailName\":\"t\",\"eventSelectors\":[" + String.join(",", selectors) + "]}";
    }

    private static String advanced(String... selectors) {
        return "{\"trailName\":\"t\",\"advancedEventSelectors\":[" + String.join(",", selectors) + "]}";
    }

    private static String advancedSelector(String... fields) {
        return "{\"name\":\"s\",\"fieldSelectors\":[" + String.join(",", fields) + "]}";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no management selector | {\"includeManagementEvents\":false,\"readWriteType\":\"All\"} | management events are no longer logged",
        "management as text 'false' | {\"includeManagementEvents\":\"false\"} | management events are no longer logged",
        "reads only | {\"includeManagementEvents\":true,\"readWriteType\":\"ReadOnly\"} | write management events are no longer logged",
        "one source excluded | {\"includeManagementEvents\":true,\"excludeManagementEventSources\":[\"kms.amazonaws.com\"]} | management events from kms.amazonaws.com are no longer logged",
    })
    void basicSelectorsThatNarrow(String name, String selector, String expected) throws IOException {
        assertEquals(expected, selectors(basic(selector)));
    }

    @Test
    void basicSelectorsThatKeepManagementEventsNarrowNothing() throws IOException {
        String keeps = "{\"includeManagementEvents\":true,\"readWriteType\":\"All\",\"excludeManagementEventSources\":[]}";
        String dataOnly = "{\"includeManagementEvents\":false,\"readWriteType\":\"All\",\"dataResources\":[{\"type\":\"AWS::S3::Object\"}]}";
        assertNull(selectors(basic(keeps, dataOnly)), "a data-only selector beside a management one");
        assertNull(selectors(basic("{\"readWriteType\":\"All\"}")), "includeManagementEvents defaults to true");
        assertNull(selectors(basic("{\"includeManagementEvents\":true,\"readWriteType\":\"WriteOnly\"}")), "writes only is a cost saving");
        assertNull(selectors(basic("{\"includeManagementEvents\":true,\"readWriteType\":\"ReadOnly\"}", keeps)),
                "reads only in one selector, all in another");
        assertNull(selectors(basic("{\"excludeManagementEventSources\":[\"kms.amazonaws.com\"]}",
                "{\"excludeManagementEventSources\":[\"rdsdata.amazonaws.com\"]}")), "no source excluded by every selector");
        assertEquals("management events are no longer logged", selectors(basic()), "an empty list logs nothing");
    }

    @Test
    void advancedSelectors() throws IOException {
        assertEquals("management events are no longer logged", selectors(advanced(DATA)));
        assertEquals("write management events are no longer logged", selectors(advanced(advancedSelector(MANAGEMENT, READS), DATA)));
        assertEquals("management events from kms.amazonaws.com, rdsdata.amazonaws.com are no longer logged", selectors(advanced(
                advancedSelector(MANAGEMENT, "{\"field\":\"eventSource\",\"notEquals\":[\"kms.amazonaws.com\",\"rdsdata.amazonaws.com\"]}"))));
        assertNull(selectors(advanced(advancedSelector(MANAGEMENT), advancedSelector(MANAGEMENT, READS))));
        assertNull(selectors(advanced(advancedSelector(MANAGEMENT, "{\"field\":\"readOnly\",\"equals\":[\"false\"]}"),
                advancedSelector(MANAGEMENT, READS))), "writes in one selector, reads in the other");
    }

    @Test
    void otherCallsAndShapesAreNotJudged() throws IOException {
        assertNull(selectors("{\"trailName\":\"t\"}"), "no selectors in the request");
        assertNull(selectors("{\"trailName\":\"t\",\"eventSelectors\":\"oops\"}"), "selectors that are not a list");
        assertNull(narrowing("cloudtrail.amazonaws.com", "GetEventSelectors", basic("{\"includeManagementEvents\":false}")));
        assertNull(narrowing("example.amazonaws.com", "PutEventSelectors", basic("{\"includeManagementEvents\":false}")));
        assertEquals("management events are no longer logged",
                selectors(basic("42", "{\"includeManagementEvents\":false}")), "an element that is not an object is skipped");
    }
}
