package io.trailwatch.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EplTextTest {

    @Test
    void commentsAreBlankedKeepingLinesAndStringLiterals() {
        String text = "select 'a -- b' as s, // one\n x /* two\n three */ from y -- four\n";
        String blanked = EplText.withoutComments(text);
        assertEquals(text.length(), blanked.length());
        assertEquals(List.of("select 'a -- b' as s,", " x", "          from y"),
                blanked.lines().map(String::stripTrailing).toList());
    }

    @Test
    void codeOnlyAlsoBlanksStringContentsButKeepsTheQuotes() {
        assertEquals("@Name('   ') select x     ", EplText.codeOnly("@Name('abc') select x -- y"));
    }

    @Test
    void timeSpansAreReadFromTimersAndTimeWindowsButNotFromComments() {
        List<EplText.TimeSpan> spans = EplText.timeSpans(
                "select * from A#time(5 minutes); select * from pattern [every a=A -> timer:interval(90)];\n"
                        + "// timer:within(48 hours)\nselect * from pattern [a=A where timer:within(1 hour 30 min)];"
                        + " select * from A#time(someVariable)");
        assertEquals(List.of("#time(5 minutes)", "timer:interval(90)", "timer:within(1 hour 30 min)"),
                spans.stream().map(EplText.TimeSpan::text).toList());
        assertEquals(List.of(Duration.ofMinutes(5), Duration.ofSeconds(90), Duration.ofMinutes(90)),
                spans.stream().map(EplText.TimeSpan::span).toList());
    }

    @Test
    void contextsThatEndAfterAPeriodAreTimeSpansToo() {
        List<EplText.TimeSpan> spans = EplText.timeSpans(
                "create context Episode partition by a from A terminated after 30 minutes;\n"
                        + "create context Nested context X start A end after 1 hour 30 min, context Y partition by b from B;\n"
                        + "create context Open partition by c from C terminated by C(closed)");
        assertEquals(List.of("terminated after 30 minutes", "end after 1 hour 30 min"),
                spans.stream().map(EplText.TimeSpan::text).toList());
        assertEquals(List.of(Duration.ofMinutes(30), Duration.ofMinutes(90)),
                spans.stream().map(EplText.TimeSpan::span).toList());
    }
}
