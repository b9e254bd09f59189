package io.trailwatch.engine;

import java.time.Duration;
import java.util.ArrayList;
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
     * {@code timer:interval}) and time windows ({@code #time}, {@code #time_batch}). A span given by a
     * variable or expression, which only the runtime knows, is left out.
     */
    static List<TimeSpan> timeSpans(String text) {
        List<TimeSpan> spans = new ArrayList<>();
        Matcher m = SPAN.matcher(withoutComments(text));
        while (m.find()) {
            String period = m.group(2);
            Duration span = null;
            if (SECONDS.matcher(period).matches()) {
                span = Duration.ofMillis(Math.round(Double.parseDouble(period) * 1000));
            } else {
                try {
                    span = WindowText.parse(period);
                } catch (IllegalArgumentException notAPeriod) {
                    continue;
                }
            }
            spans.add(new TimeSpan(m.group(1) + "(" + period + ")", span, m.start()));
        }
        return spans;
    }
}
