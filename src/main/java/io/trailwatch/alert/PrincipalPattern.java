package io.trailwatch.alert;

import java.util.regex.Pattern;

/**
 * An ARN or a glob over ARNs: {@code *} matches any run of characters (including {@code :} and {@code /}),
 * {@code ?} exactly one; everything else matches itself, case-sensitively as IAM does.
 */
final class PrincipalPattern {

    private final String glob;
    private final Pattern regex;

    private PrincipalPattern(String glob) {
        this.glob = glob;
        StringBuilder sb = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    sb.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                sb.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            sb.append(Pattern.quote(literal.toString()));
        }
        this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    static PrincipalPattern of(String glob) {
        return new PrincipalPattern(glob);
    }

    /** A pattern for an optional setting: null or blank matches everything. */
    static PrincipalPattern anyIfAbsent(String glob) {
        return new PrincipalPattern(glob == null || glob.isBlank() ? "*" : glob);
    }

    boolean matches(String value) {
        return value != null && regex.matcher(value).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
