package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimesTest {

    @ParameterizedTest
    @CsvSource({
        "2024-01-02T03:04:05Z,           2024-01-02T03:04:05Z,     1704164645000",
        "2024-01-02T03:04:05.120Z,       2024-01-02T03:04:05.120Z, 1704164645120",
        "2024-01-02T04:04:05+01:00,      2024-01-02T03:04:05Z,     1704164645000",
        "2024-11-25 17:51:21.000000000,  2024-11-25T17:51:21Z,     1732557081000",
        "2024-11-25 17:51:21.000,        2024-11-25T17:51:21Z,     1732557081000",
        "2024-11-25 17:51:21,            2024-11-25T17:51:21Z,     1732557081000",
        "2020-09-14T00:44:23.000Z,       2020-09-14T00:44:23Z,     1600044263000",
        "2024-02-29T23:59:59Z,           2024-02-29T23:59:59Z,     1709251199000"
    })
    void acceptedSpellingsBecomeUtcWithZ(String input, String canonical, long millis) {
        EventTimes.Parsed parsed = EventTimes.parse(input);
        assertEquals(canonical, parsed.text());
        assertEquals(millis, parsed.millis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThisIsAWrongEventTime", "...", "redacted", "2023-02-30T00:00:00Z", "2024-13-01T00:00:00Z", "",
        "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z"})
    void otherTextIsRejected(String input) {
        assertNull(EventTimes.parse(input));
    }
}
