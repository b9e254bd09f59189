package io.trailwatch.sink.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Keeps webhook credentials out of logs: URLs lose their user info and query, which often carry tokens. */
final class Redaction {

    private Redaction() {}

    /** {@code https://host:port/path}, with {@code ?<redacted>} when the URL had a query. */
    static String redact(URI uri) {
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        sb.append(uri.getHost() == null ? "<no-host>" : uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            sb.append("?<redacted>");
        }
        return sb.toString();
    }

    /** A stable 12-hex-character name for a URL, for directory names that must not reveal it. */
    static String shortHash(String url) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.trim().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
