package io.trailwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The floor any CloudTrail tool pays: one thread gunzips every file and walks every JSON token with
 * Jackson's {@code nextToken()}, building nothing. Counts the objects directly inside a top-level
 * {@code Records} array, so the count compares with what replay decodes.
 */
final class TokenScanFloor {

    private static final int BUFFER = 64 * 1024;

    private final JsonFactory factory = new JsonFactory();

    /** Scans every file; returns the number of records seen. */
    long scan(List<Path> files) throws IOException {
        long records = 0;
        for (Path file : files) {
            records += scanOne(file);
        }
        return records;
    }

    private long scanOne(Path file) throws IOException {
        long records = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), BUFFER);
             JsonParser p = factory.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT && p.getParsingContext().getParent().inArray()
                        && "Records".equals(p.getParsingContext().getParent().getParent().getCurrentName())) {
                    records++;
                }
            }
        }
        return records;
    }
}
