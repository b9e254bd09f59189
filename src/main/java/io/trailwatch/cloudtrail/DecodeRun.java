package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.trailwatch.source.Origin;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Decodes one input: walks its top-level JSON values and recognises each delivery format by its keys.
 * After a syntax error or a broken limit inside an element of an array (a record of {@code Records}, an
 * element of a top-level array), the parser restarts at the next element, found by matching brackets from
 * the bad element's start (or, after a string over {@link DecodeLimits#maxStringLength}, from that string's
 * end): one bad record in a one-line S3 delivery file costs that record, not the rest of the file.
 * Otherwise it restarts on the next line that begins with {@code '{'} or {@code '['}.
 * Not thread-safe; one instance per input.
 */
final class DecodeRun {

    private static final Logger LOG = LogManager.getLogger(CloudTrailDecoder.class);
    private static final int EXCERPT_BYTES = 1024;
    /** How far the parser may have read ahead of the token it returned (its input buffer). */
    private static final int PARSER_READ_AHEAD = 8000;
    private static final int KEYS_SHOWN = 5;
    /** Jackson's location text names no source here (the source is not included); keep only line/column. */
    private static final Pattern JACKSON_SOURCE = Pattern.compile("\\[Source: [^;]*; ");
    private static final Set<String> DIGEST_KEYS = Set.of("digestStartTime", "digestEndTime", "logFiles");
    /**
     * How far past a bad element's start its end is looked for. Half the input window, so that when the end
     * is not found the line resynchronisation still finds the error point in the window.
     */
    private static final int ELEMENT_SCAN = 32 * 1024;
    private static final byte[] OPEN_ARRAY = {'['};
    private static final String RESUMES_AT_LINE = "decoding resumes at the next line starting with '{' or '[', if any";
    private static final String RESUMES_AT_ELEMENT = "decoding resumes at the next element of the array";

    /** Where a value starts: absolute offset, line and column. */
    private record Start(long offset, long line, int column) {}

    /** An array element being read, and whether the array is a {@code Records} array. */
    private record Element(Start start, boolean ofRecords) {}

    private final JsonFactory factory;
    private final DecodeLimits limits;
    private final String name;
    private final DecodeListener listener;
    private final InputWindow window;
    private final boolean compressed;
    private final StringTable strings = StringTable.local();
    private final JsonObject.Builder objects = new JsonObject.Builder();
    private final CloudTrailEvent.Builder events = CloudTrailEvent.builder();
    private final StreamBudget elementBudget = new StreamBudget(0);
    private long base;
    private long baseLine = 1;
    /** Added to the parser's columns on its first line: a parser restarted mid-line counts from there. */
    private int firstLineColumnShift;
    private long lastResume = -1;
    private long delivered;
    private boolean skipped;
    private Start recordStart;
    /** The array element being read, if any (no allocation per record), and whether it is one of Records. */
    private Start elementStart;
    private boolean elementOfRecords;
    /** The parser's nesting depth inside the element being read, at its {@code '{'}. */
    private int elementDepth;

    DecodeRun(JsonFactory factory, DecodeLimits limits, String name, DecodeListener listener,
              InputWindow window, boolean compressed) {
        this.factory = factory;
        this.limits = limits;
        this.name = name;
        this.listener = listener;
        this.window = window;
        this.compressed = compressed;
    }

    void run() throws IOException {
        long resumeFrom = -1;
        long resumeLine = 1;
        Element resumeAt = null;
        Malformed pending = null;
        while (true) {
            JsonParser p = null;
            try {
                if (resumeAt != null) {
                    p = restartAtElement(resumeAt);
                    resumeAt = null;
                } else if (resumeFrom >= 0) {
                    InputWindow.LineStart next = window.seekRecordLine(resumeFrom);
                    // after a resynchronisation, the closing brackets of the abandoned envelope lose nothing
                    if (!(pending.afterResync() && next.onlyClosers())) {
                        bad(pending.origin(), pending.reason(), pending.excerpt());
                    }
                    pending = null;
                    if (next.atEnd()) {
                        return;
                    }
                    base = next.offset();
                    baseLine = resumeLine + next.newlinesPassed();
                    firstLineColumnShift = 0;
                    lastResume = base;
                }
                if (p == null) {
                    p = factory.createParser(window);
                }
                JsonToken t;
                while (!skipped && (t = p.nextToken()) != null) {
                    topLevel(p, t);
                }
                if (window.position() == 0 && delivered == 0) {
                    listener.onSkippedFile(name, "empty input: no JSON value");
                }
                return;
            } catch (JsonProcessingException | CharConversionException e) {
                objects.discard(0);
                JsonLocation at = p == null ? null : p.currentLocation();
                long errorOffset = at == null ? window.position() : base + at.getByteOffset();
                long errorLine = at == null ? baseLine : baseLine + at.getLineNr() - 1;
                Element broken = elementStart == null ? null : new Element(elementStart, elementOfRecords);
                resumeAt = broken == null ? null : nextElement(broken, errorOffset);
                if (resumeAt == null && broken != null && at != null && isStringTooLong(e)) {
                    int column = at.getColumnNr() + (at.getLineNr() == 1 ? firstLineColumnShift : 0);
                    resumeAt = nextElementAfterString(broken, new Start(errorOffset, errorLine, column),
                            p.getParsingContext().getNestingDepth() - elementDepth + 1);
                }
                pending = malformed(e, errorOffset, errorLine, at == null ? 0 : at.getColumnNr(),
                        resumeAt != null ? RESUMES_AT_ELEMENT : RESUMES_AT_LINE);
                if (resumeAt != null) {
                    reportPending(pending);
                    pending = null;
                } else {
                    resumeFrom = Math.max(Math.max(errorOffset - 1, lastResume + 1), window.windowStart());
                    resumeLine = resumeFrom < errorOffset && window.byteAt(resumeFrom) == '\n' ? errorLine - 1 : errorLine;
                }
                recordStart = null;
                elementStart = null;
            } catch (SourceReadException e) {
                reportPending(pending);
                bad(Origin.offset(name, window.position()), "reading the input failed after " + window.position()
                        + " decoded bytes (" + e.getMessage() + "); records before that point were decoded", null);
                throw e.original();
            } catch (IOException e) {
                reportPending(pending);
                String what = compressed ? "gzip data is truncated or corrupt" : "the input could not be read";
                bad(Origin.offset(name, window.position()), what + " after " + window.position() + " decoded bytes ("
                        + e + "); records before that point were decoded, the rest is lost", null);
                return;
            } finally {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    private void topLevel(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT) {
            object(p, startOf(p));
        } else if (t == JsonToken.START_ARRAY) {
            JsonToken next;
            while ((next = p.nextToken()) != JsonToken.END_ARRAY && !skipped) {
                if (next == JsonToken.START_OBJECT) {
                    elementStart = startOf(p);
                    elementOfRecords = false;
                    elementDepth = p.getParsingContext().getNestingDepth();
                    object(p, elementStart);
                    elementStart = null;
                } else {
                    notAnObject(p, next, "array element");
                }
            }
        } else {
            notAnObject(p, t, "top-level value");
        }
    }

    /** A top-level object or array element: a record, or an envelope that holds records. */
    private void object(JsonParser p, Start start) throws IOException {
        Envelope envelope = new Envelope(start);
        RawRecord record = readGuarded(p, start, envelope.budget, envelope);
        recordStart = null;
        if (record == null || envelope.records || envelope.lookupEvents) {
            return;
        }
        if (envelope.logEvents != null || envelope.messageType != null) {
            cloudWatch(envelope);
        } else if (envelope.detail != null) {
            if (envelope.detailType != null && envelope.detailType.endsWith("via CloudTrail")) {
                emit(envelope.detail, origin(envelope.detailStart), () -> excerpt(envelope.detailStart, p));
            } else {
                notCloudTrail(p, start, "an EventBridge event of detail-type '" + envelope.detailType + "'");
            }
        } else if (record.cloudTrailKeySeen) {
            emit(record, origin(start), () -> excerpt(start, p));
        } else if (envelope.digest) {
            listener.onSkippedFile(name, "CloudTrail digest file (digestStartTime/logFiles): it lists log files, it holds no records");
        } else {
            notCloudTrail(p, start, "a JSON object with keys " + envelope.otherKeys);
        }
    }

    /** The keys that make an object an envelope rather than a record, read while the record reader walks it. */
    private final class Envelope implements RecordReader.OtherField {
        final Start start;
        final StreamBudget budget;
        boolean records;
        boolean lookupEvents;
        boolean digest;
        String messageType;
        List<Embedded> logEvents;
        String detailType;
        RawRecord detail;
        Start detailStart;
        final List<String> otherKeys = new ArrayList<>(KEYS_SHOWN);

        Envelope(Start start) {
            this.start = start;
            this.budget = new StreamBudget(start.offset());
        }

        /** No key seen so far made it a delivery file, a lookup result, a CloudWatch or an EventBridge envelope. */
        boolean holdsNothing() {
            return !records && !lookupEvents && !digest && messageType == null && logEvents == null && detail == null
                    && detailType == null;
        }

        @Override
        public boolean read(String key, JsonParser p, JsonToken t) throws IOException {
            boolean consumed = true;
            if (key.equals("Records")) {
                records = t == JsonToken.START_ARRAY ? readRecords(p) : notAnArray(p, t, key);
            } else if (key.equals("Events") && t == JsonToken.START_ARRAY) {
                lookupEvents = readLookupEvents(p);
            } else if (key.equals("logEvents") && t == JsonToken.START_ARRAY) {
                logEvents = readLogEvents(p);
            } else if (key.equals("detail") && t == JsonToken.START_OBJECT) {
                detailStart = startOf(p);
                detail = readGuarded(p, detailStart, new StreamBudget(detailStart.offset()), RecordReader.OtherField.SKIP);
            } else if (key.equals("messageType") && t == JsonToken.VALUE_STRING) {
                messageType = p.getText();
            } else if (key.equals("detail-type") && t == JsonToken.VALUE_STRING) {
                detailType = p.getText();
            } else {
                consumed = false;
                digest |= DIGEST_KEYS.contains(key);
                if (otherKeys.size() < KEYS_SHOWN) {
                    otherKeys.add(key);
                }
            }
            if (consumed) {
                budget.restart();
            }
            return consumed;
        }
    }

    private boolean readRecords(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                Start start = startOf(p);
                elementStart = start;
                elementOfRecords = true;
                elementDepth = p.getParsingContext().getNestingDepth();
                RawRecord r = readGuarded(p, start, elementBudget.restartAt(start.offset()), RecordReader.OtherField.SKIP);
                recordStart = null;
                elementStart = null;
                if (r != null) {
                    emit(r, origin(start), () -> excerpt(start, p));
                }
            } else {
                notAnObject(p, t, "element of Records");
            }
        }
        return true;
    }

    /** {@code aws cloudtrail lookup-events} output: each record is the JSON string in {@code CloudTrailEvent}. */
    private boolean readLookupEvents(JsonParser p) throws IOException {
        for (Embedded e : embeddedStrings(p, "CloudTrailEvent", "Events[].CloudTrailEvent")) {
            decodeEmbedded(e);
        }
        return true;
    }

    /** CloudWatch Logs subscription payload entries; decoded once {@code messageType} is known. */
    private List<Embedded> readLogEvents(JsonParser p) throws IOException {
        return embeddedStrings(p, "message", "logEvents[].message");
    }

    private record Embedded(Origin origin, String what, String json, String excerpt) {}

    private List<Embedded> embeddedStrings(JsonParser p, String key, String what) throws IOException {
        List<Embedded> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                notAnObject(p, t, "element of " + what.substring(0, what.indexOf('[')));
                continue;
            }
            Start start = startOf(p);
            String json = null;
            String field;
            while ((field = p.nextFieldName()) != null) {
                if (p.nextToken() == JsonToken.VALUE_STRING && key.equals(field)) {
                    json = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            out.add(new Embedded(origin(start), what, json, json == null ? excerpt(start, p) : null));
        }
        recordStart = null;
        return out;
    }

    private void cloudWatch(Envelope envelope) throws IOException {
        if ("CONTROL_MESSAGE".equals(envelope.messageType)) {
            listener.onSkippedFile(name, "CloudWatch Logs CONTROL_MESSAGE at " + origin(envelope.start));
            return;
        }
        if (envelope.messageType != null && !"DATA_MESSAGE".equals(envelope.messageType)) {
            bad(origin(envelope.start), "CloudWatch Logs payload with unknown messageType '"
                    + envelope.messageType + "' (expected DATA_MESSAGE or CONTROL_MESSAGE)", null);
            return;
        }
        if (envelope.logEvents != null) {
            for (Embedded e : envelope.logEvents) {
                decodeEmbedded(e);
            }
        }
    }

    private void decodeEmbedded(Embedded e) throws IOException {
        if (e.json() == null) {
            bad(e.origin(), e.what() + " is missing or not a string", e.excerpt());
            return;
        }
        String json = e.json();
        if (json.length() > limits.maxRecordBytes()) {
            bad(e.origin(), e.what() + " holds " + json.length() + " characters, over DecodeLimits.maxRecordBytes ("
                    + limits.maxRecordBytes() + "); raise it if such records are expected", cut(json));
            return;
        }
        int mark = objects.begin();
        try (JsonParser p = factory.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                bad(e.origin(), e.what() + " is " + (t == null ? "empty" : RecordReader.describe(t))
                        + ", not a JSON object", cut(json));
                return;
            }
            emit(RecordReader.read(p, RecordBudget.UNLIMITED, RecordReader.OtherField.SKIP, strings, objects), e.origin(),
                    () -> cut(json));
        } catch (JsonProcessingException ex) {
            objects.discard(mark);
            bad(e.origin(), e.what() + " is not valid JSON: " + ex.getOriginalMessage(), cut(json));
        }
    }

    /** Reads a record; one that outgrows maxRecordBytes is skipped to its end and reported. */
    private RawRecord readGuarded(JsonParser p, Start start, RecordBudget budget, RecordReader.OtherField other)
            throws IOException {
        JsonStreamContext parent = p.getParsingContext().getParent();
        recordStart = start;
        int mark = objects.begin();
        try {
            return RecordReader.read(p, budget, other, strings, objects);
        } catch (RecordBudget.RecordTooLargeException e) {
            objects.discard(mark);
            String excerpt = excerpt(start, p);
            while (p.getParsingContext() != parent && p.nextToken() != null) {
                p.skipChildren();
            }
            if (!e.cloudTrailKeySeen() && other instanceof Envelope envelope && envelope.holdsNothing()) {
                // a large JSON document of another kind (a report, an answer key) beside the logs, not a record
                notCloudTrail(p, start, "a JSON object with keys " + envelope.otherKeys + " of over "
                        + limits.maxRecordBytes() + " bytes");
            } else {
                bad(origin(start), e.getMessage(), excerpt);
            }
            return null;
        }
    }

    private void emit(RawRecord r, Origin origin, Supplier<String> excerpt) {
        if (!r.cloudTrailKeySeen) {
            bad(origin, "not a CloudTrail record: none of eventID, eventName, eventTime, eventSource, userIdentity",
                    excerpt.get());
            return;
        }
        EventNormaliser.Result result;
        try {
            result = EventNormaliser.normalise(r, events);
        } catch (RuntimeException e) {
            LOG.warn("Could not normalise the record at {}: {}", origin, e.toString());
            LOG.debug("Normalising the record at {} failed", origin, e);
            bad(origin, "record could not be normalised: " + e, excerpt.get());
            return;
        }
        if (result.event() == null) {
            bad(origin, result.problem(), excerpt.get());
            return;
        }
        delivered++;
        listener.onEvent(result.event(), origin);
    }

    private void notAnObject(JsonParser p, JsonToken t, String what) throws IOException {
        Start start = startOf(p);
        if (t == JsonToken.VALUE_STRING) {
            p.finishToken(); // read to its closing quote, so that the excerpt shows the string
        }
        p.skipChildren();
        bad(origin(start), what + " is " + RecordReader.describe(t) + ", not a record object", excerpt(start, p));
    }

    /** An envelope key that must hold an array of records but does not: the delivery file is broken, not foreign. */
    private boolean notAnArray(JsonParser p, JsonToken t, String key) throws IOException {
        Start start = startOf(p);
        p.skipChildren();
        bad(origin(start), key + " is " + RecordReader.describe(t) + ", not an array of records", excerpt(start, p));
        return true;
    }

    private void notCloudTrail(JsonParser p, Start start, String what) {
        if (delivered == 0) {
            skipped = true;
            listener.onSkippedFile(name, "not CloudTrail data: the first value (at " + origin(start) + ") is " + what
                    + ", with no Records, eventID or eventName");
        } else {
            bad(origin(start), "not a CloudTrail record: " + what, excerpt(start, p));
        }
    }

    /**
     * Where the element after {@code broken} starts: the window is read from the broken element's first byte,
     * matching brackets outside strings, to its end, then past a comma to the next {@code '{'}. Null when the
     * element does not end within {@value #ELEMENT_SCAN} bytes, has left the window, or is the array's last.
     * The scan trusts the brackets, so a record broken by an unbalanced one is found to end elsewhere; the
     * restarted parser then reports what it finds there, and nothing is skipped unreported.
     */
    private Element nextElement(Element broken, long errorOffset) {
        Start from = broken.start();
        if (from.offset() < window.windowStart() || from.offset() >= errorOffset) {
            return null;
        }
        try {
            return scanToNextElement(broken);
        } catch (IOException e) {
            return null; // the line resynchronisation meets the same failure and reports it
        }
    }

    /**
     * Where the element after {@code broken} starts when a string of it broke {@link DecodeLimits#maxStringLength}:
     * the parser stopped inside that string, {@code depth} brackets deep in the element, and the element may be
     * far longer than {@value #ELEMENT_SCAN} bytes (its start long gone from the window), so the scan starts at
     * the error, inside the string, and goes on to the element's end however far it is. Null as for
     * {@link #nextElement}.
     */
    private Element nextElementAfterString(Element broken, Start error, int depth) {
        if (error.offset() < window.windowStart() || depth < 1) {
            return null;
        }
        try {
            return scanToNextElement(broken.ofRecords(), error, depth, true, Long.MAX_VALUE);
        } catch (IOException e) {
            return null; // the line resynchronisation meets the same failure and reports it
        }
    }

    /** A string over the limit leaves the parser inside it, with everything before it well-formed. */
    private static boolean isStringTooLong(IOException e) {
        return e instanceof StreamConstraintsException && String.valueOf(e.getMessage()).startsWith("String value length");
    }

    private Element scanToNextElement(Element broken) throws IOException {
        Start from = broken.start();
        return scanToNextElement(broken.ofRecords(), from, 0, false, from.offset() + ELEMENT_SCAN);
    }

    /**
     * Reads the window from {@code from}, {@code openBrackets} deep and inside a string or not, matching
     * brackets outside strings, to where the depth returns to zero, then past a comma to the next {@code '{'}.
     */
    private Element scanToNextElement(boolean ofRecords, Start from, int openBrackets, boolean inStringAtStart,
                                      long limit) throws IOException {
        window.rewind(from.offset());
        long offset = from.offset();
        long line = from.line();
        int column = from.column();
        int depth = openBrackets;
        boolean inString = inStringAtStart;
        boolean escaped = false;
        boolean ended = false;
        boolean comma = false;
        int c;
        while (offset < limit && (c = window.read()) >= 0) {
            if (ended) {
                if (c == '{' && comma) {
                    window.rewind(offset);
                    return new Element(new Start(offset, line, column), ofRecords);
                }
                if (c == ',' && !comma) {
                    comma = true;
                } else if (!Character.isWhitespace(c)) {
                    return null;
                }
            } else if (escaped) {
                escaped = false;
            } else if (inString) {
                escaped = c == '\\';
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                ended = --depth == 0;
            }
            offset++;
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return null;
    }

    /**
     * A parser over the rest of an array from the element at {@code at}, as if the array began there: the
     * elements are read as before, and the array's closing brackets end it.
     */
    private JsonParser restartAtElement(Element at) throws IOException {
        Start start = at.start();
        window.rewind(start.offset());
        base = start.offset() - OPEN_ARRAY.length;
        baseLine = start.line();
        // Jackson counts the added '[' as column 1, so the element's '{' is its column 2.
        firstLineColumnShift = start.column() - 2;
        lastResume = start.offset();
        JsonParser p = factory.createParser(new SequenceInputStream(new ByteArrayInputStream(OPEN_ARRAY), window));
        JsonToken open = p.nextToken();
        if (at.ofRecords()) {
            readRecords(p);
        } else {
            topLevel(p, open);
        }
        return p;
    }

    /** A syntax error, reported once the resynchronisation shows whether it lost anything. */
    private record Malformed(Origin origin, String reason, String excerpt, boolean afterResync) {}

    private void reportPending(Malformed pending) {
        if (pending != null) {
            bad(pending.origin(), pending.reason(), pending.excerpt());
        }
    }

    private Malformed malformed(IOException e, long offset, long line, int column, String resumes) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        message = JACKSON_SOURCE.matcher(message).replaceAll("[");
        String hint = e instanceof StreamConstraintsException ? " (limits are set by DecodeLimits)" : "";
        Start where = recordStart != null ? recordStart : new Start(Math.max(0, offset - 1), line, 1);
        long floor = recordStart != null ? recordStart.offset() : 0;
        long from = Math.max(window.windowStart(), Math.max(floor, offset - EXCERPT_BYTES * 3 / 4));
        // Only an error outside any record may be the closing brackets of an envelope abandoned by a resync.
        return new Malformed(origin(where), "malformed JSON at line " + line + ", column " + column + ": " + message
                + hint + "; " + resumes, window.excerpt(from, EXCERPT_BYTES), lastResume >= 0 && recordStart == null);
    }

    private void bad(Origin origin, String reason, String excerpt) {
        LOG.debug("Bad record at {}: {}", origin, reason);
        listener.onBadRecord(origin, reason, excerpt);
    }

    private Start startOf(JsonParser p) {
        JsonLocation at = p.currentTokenLocation();
        int column = at.getColumnNr() + (at.getLineNr() == 1 ? firstLineColumnShift : 0);
        return new Start(base + at.getByteOffset(), baseLine + at.getLineNr() - 1, column);
    }

    /** A line number where lines mean something (the value starts a line, or the input has several), else an offset. */
    private Origin origin(Start start) {
        return start.line() > 1 || start.column() == 1
                ? new Origin(name, start.line(), start.offset()) : Origin.offset(name, start.offset());
    }

    /** The raw text of the value that started at {@code start} and ends where the parser now stands, cut to the excerpt size. */
    private String excerpt(Start start, JsonParser p) {
        long end = p.currentLocation().getByteOffset();
        int length = end > start.offset() ? (int) Math.min(EXCERPT_BYTES, end - start.offset()) : EXCERPT_BYTES;
        return window.excerpt(start.offset(), length);
    }

    private static String cut(String json) {
        return json.length() <= EXCERPT_BYTES ? json : json.substring(0, EXCERPT_BYTES);
    }

    /** Measures a record by the bytes the parser has read since it started. */
    private final class StreamBudget implements RecordBudget {
        private long start;

        StreamBudget(long start) {
            this.start = start;
        }

        void restart() {
            start = window.position();
        }

        /** Measures from {@code offset} on: one budget serves every element of a {@code Records} array in turn. */
        StreamBudget restartAt(long offset) {
            start = offset;
            return this;
        }

        @Override
        public void check() {
            long read = window.position() - start;
            if (read > limits.maxRecordBytes() + PARSER_READ_AHEAD) {
                throw new RecordTooLargeException("record is larger than DecodeLimits.maxRecordBytes ("
                        + limits.maxRecordBytes() + "): " + read + " bytes read without reaching its end;"
                        + " raise maxRecordBytes if such records are expected");
            }
        }
    }
}
