package io.trailwatch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds patterns that keep state for good: {@code every a -> b} with nothing that ends the wait for
 * {@code b}. Each {@code a} that is never followed by {@code b} stays in memory, so a daemon running for
 * months grows with its input. A wait is ended by a {@code timer:within} or {@code timer:interval} in the
 * pattern or a {@code -[N]>} limit. A context is not taken as one: a keyed context ({@code partition by})
 * need never end. Read from the text, as the compiler accepts such patterns.
 */
final class UnboundedPatterns {

    private static final Pattern PATTERN_START = Pattern.compile("\\bpattern\\s*\\[");
    private static final Pattern EVERY = Pattern.compile("\\bevery(-distinct)?\\b");
    private static final Pattern BOUND = Pattern.compile("timer:within|timer:interval|-\\[");

    private UnboundedPatterns() {}

    /**
     * Where each unbounded {@code every} starts in {@code code}, a statement's text with comments and string
     * contents blanked ({@link EplText#codeOnly}).
     */
    static List<Integer> everyOffsets(String code) {
        List<Integer> offsets = new ArrayList<>();
        Matcher start = PATTERN_START.matcher(code);
        while (start.find()) {
            int end = closingBracket(code, start.end());
            String pattern = code.substring(start.end(), end);
            Matcher every = EVERY.matcher(pattern);
            if (every.find() && pattern.contains("->") && !BOUND.matcher(pattern).find()) {
                offsets.add(start.end() + every.start());
            }
        }
        return offsets;
    }

    /** The offset of the {@code ]} closing a bracket opened just before {@code from}, or the text's end. */
    private static int closingBracket(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }
}
