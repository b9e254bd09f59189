package io.trailwatch.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-text reading of EPL source for checks the compiler does not make: comments out, time spans found. */
final class EplText {

    /**
     * A time span a statement waits or looks back over, as written: {@code timer:within(24 hours)}.
     *
     * @param text   the construct as written, for messages
     * @param span   its length
     * @param offset where it starts in the text it was found in
     */
    record TimeSpan(String text, Duration span, int offset) {}

    private static final Pattern SPAN = Pattern.compile(
            "(timer:within|timer:interval|#time|#time_batch|win:time|win:time_batch)\\s*\\(\\s*([^()]*?)\\s*\\)");
    /** A context that ends a while after it starts: {@code terminated after 30 minutes}, {@code end after 1 hour}. */
    private static final Pattern CONTEXT_END = Pattern.compile(
            "\\b(terminated|end)\\s+(?:by\\s+)?after\\s+(\\d[\\w\\s.]*?)\\s*(?=[,;)]|$)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

    private EplText() {}

    /**
     * {@code text} with its comments ({@code //}, {@code --} to the end of the line, {@code /* ... *}{@code /})
     * replaced by spaces, line breaks and string literals kept, so offsets and lines stay those of {@code text}.
     */
    static String withoutComments(String text) {
        return blank(text, false);
    }

    /** {@code text} with its comments and the contents of its string literals replaced by spaces: names only. */
    static String codeOnly(String text) {
        return blank(text, true);
    }

    private static String blank(String text, boolean strings) {
        StringBuilder out = new StringBuilder(text);
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (strings && c != '\n') {
                    out.setCharAt(i, ' ');
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if ((c == '/' && next == '/') || (c == '-' && next == '-')) {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
                i--;
            }
        }
        return out.toString();
    }

    /**
     * The time spans written in {@code text} (comments skipped): pattern timers ({@code timer:within},
     * {@code timer:interval}), time windows ({@code #time}, {@code #time_batch}) and contexts that end after a
     * period ({@code terminated after 30 minutes}). A span given by a variable or expression, which only the
     * runtime knows, is left out.
     */
    static List<TimeSpan> timeSpans(String text) {
        String code = withoutComments(text);
        List<TimeSpan> spans = new ArrayList<>();
        Matcher m = SPAN.matcher(code);
        while (m.find()) {
            Duration span = period(m.group(2));
            if (span != null) {
                spans.add(new TimeSpan(m.group(1) + "(" + m.group(2) + ")", span, m.start()));
            }
        }
        Matcher end = CONTEXT_END.matcher(code);
        while (end.find()) {
            Duration span = period(end.group(2));
            if (span != null) {
                spans.add(new TimeSpan(end.group(1) + " after " + end.group(2), span, end.start()));
            }
        }
        spans.sort(Comparator.comparingInt(TimeSpan::offset));
        return spans;
    }

    /** Seconds as a bare number, or a period such as {@code 1 hour 30 min}; null when it is neither. */
    private static Duration period(String text) {
        if (SECONDS.matcher(text).matches()) {
            return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
        }
        try {
            return WindowText.parse(text);
        } catch (IllegalArgumentException notAPeriod) {
            return null;
        }
    }
}
