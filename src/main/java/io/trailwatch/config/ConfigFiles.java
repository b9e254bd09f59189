package io.trailwatch.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads configuration files (YAML or JSON) into records with Jackson, strictly: unknown keys, duplicate
 * keys, bad values and trailing content are errors. Every failure becomes one {@link ConfigException} line
 * naming the file, the line, the key path and the fix.
 *
 * <p>The format follows the extension ({@code .json}; {@code .yaml}/{@code .yml}); for any other name a
 * document starting with {@code {} or {@code [} is read as JSON, anything else as YAML. Enum values are
 * case-insensitive; {@link java.time.Instant} takes ISO-8601 and {@link java.time.Duration} takes
 * {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h} or {@code PT5S}.
 */
public final class ConfigFiles {

    private static final ObjectMapper JSON = configure(JsonMapper.builder()).build();
    private static final ObjectMapper YAML = configure(YAMLMapper.builder()).build();
    private static final Pattern KNOWN_TYPE_IDS = Pattern.compile("known type ids = \\[([^\\]]*)\\]");
    /** Jackson's location text when it leaves the source out; the line and column are what users need. */
    private static final Pattern REDACTED_LOCATION = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]");

    private ConfigFiles() {}

    /** Reads {@code file} into {@code type}; an empty or missing file is an error. */
    public static <T> T read(Path file, Class<T> type) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": configuration file not found (check the path, relative paths start at "
                    + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read configuration file: " + oneLine(FileProblems.reason(e))
                    + " (give the path of a YAML or JSON file)", e);
        }
        if (text.isBlank()) {
            throw new ConfigException(file + ": configuration file is empty (expected a " + describe(type) + ")");
        }
        ObjectMapper mapper = mapperFor(file, text);
        try {
            return mapper.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw translate(file.toString(), e, lineOf(mapper, text, e));
        }
    }

    /**
     * Converts an already parsed tree (a section of a larger document) into {@code type} with the same
     * strictness; {@code source} names where the tree came from in error messages. Line numbers are not
     * known for a tree, so messages name the key path only.
     */
    public static <T> T read(JsonNode node, Class<T> type, String source) throws ConfigException {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw translate(source, e, -1);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + oneLine(e.getMessage()), e);
        }
    }

    private static ObjectMapper mapperFor(Path file, String text) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        String start = text.stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? JSON : YAML;
    }

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>> B configure(B builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .addModule(ConfigValues.module().setDeserializerModifier(StrictRecordDeserializer.modifier()));
    }

    /**
     * The syntax error behind {@code e}, or null: one inside a list or record reaches us wrapped in a mapping error
     * whose path is where the value began, while the line to fix is where the parser stopped.
     */
    private static JsonParseException syntaxError(JsonProcessingException e) {
        return e instanceof JsonParseException p ? p : e.getCause() instanceof JsonParseException p ? p : null;
    }

    private static ConfigException translate(String source, JsonProcessingException e, int line) {
        String where = source + (line > 0 ? ":" + line : "") + ": ";
        JsonParseException syntax = syntaxError(e);
        if (syntax != null) {
            return new ConfigException(where + "syntax error: " + oneLine(syntax.getOriginalMessage()), e);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            return new ConfigException(where + "unknown key '" + path(u) + "' (known keys: " + known + ")", e);
        }
        if (e instanceof InvalidTypeIdException t) {
            Matcher known = KNOWN_TYPE_IDS.matcher(String.valueOf(t.getOriginalMessage()));
            return new ConfigException(where + "bad 'type' at '" + path(t) + "': '" + t.getTypeId() + "' is not a known type"
                    + (known.find() ? " (use one of: " + known.group(1) + ")" : ""), e);
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException cause) {
            return new ConfigException(where + at(v) + oneLine(cause.getMessage()), e);
        }
        if (e instanceof InvalidFormatException f && expected(f.getTargetType()) != null) {
            return new ConfigException(where + at(f) + "'" + f.getValue() + "' is not " + expected(f.getTargetType()), e);
        }
        if (e instanceof MismatchedInputException m && expected(m.getTargetType()) != null && !m.getPath().isEmpty()) {
            return new ConfigException(where + at(m) + "expected " + expected(m.getTargetType()), e);
        }
        if (e instanceof JsonMappingException m) {
            return new ConfigException(where + at(m) + oneLine(m.getOriginalMessage()), e);
        }
        return new ConfigException(where + "syntax error: " + oneLine(e.getOriginalMessage()), e);
    }

    /** What a value of {@code type} is, in the words of a configuration file; null for other types. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (type.isEnum()) {
            return "one of: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "a mapping of keys to values";
        }
        return null;
    }

    /** {@code at 'a.b[0]': }, or nothing for a problem of the top-level object. */
    private static String at(JsonMappingException e) {
        String path = path(e);
        return path.isEmpty() ? "" : "at '" + path + "': ";
    }

    /**
     * The line of the key a mapping error is about. Jackson reports where its parser stood, which for
     * record-built objects is the end of the object; so find the key by its path in a second scan, down to the
     * key a record refused ({@link ConfigValueException}).
     */
    private static int lineOf(ObjectMapper mapper, String text, JsonProcessingException e) {
        int reported = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
        JsonParseException syntax = syntaxError(e);
        if (syntax != null) {
            return syntax.getLocation() == null ? reported : syntax.getLocation().getLineNr();
        }
        if (!(e instanceof JsonMappingException m)) {
            return reported;
        }
        JsonPointer record = pointer(m);
        if (e instanceof ValueInstantiationException && e.getCause() instanceof ConfigValueException refused) {
            int keyLine = lineAt(mapper, text, record.appendProperty(refused.key()));
            if (keyLine > 0) {
                return keyLine;
            }
        }
        if (m.getPath().isEmpty()) {
            return reported;
        }
        int line = lineAt(mapper, text, record);
        return line > 0 ? line : reported;
    }

    /** The line where the value at {@code target} starts, or -1 when the text has none there. */
    private static int lineAt(ObjectMapper mapper, String text, JsonPointer target) {
        try (JsonParser p = mapper.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (p.getParsingContext().pathAsPointer().equals(target)) {
                    return p.currentTokenLocation().getLineNr();
                }
            }
        } catch (IOException unreadable) {
            return -1;
        }
        return -1;
    }

    private static JsonPointer pointer(JsonMappingException e) {
        JsonPointer pointer = JsonPointer.empty();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer = ref.getFieldName() != null ? pointer.appendProperty(ref.getFieldName()) : pointer.appendIndex(ref.getIndex());
        }
        return pointer;
    }

    /** The key path of a mapping error in the form users write it: {@code sinks[1].retry.maxAttempts}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String oneLine(String message) {
        return message == null ? "" : REDACTED_LOCATION.matcher(message.replaceAll("\\s*\\R\\s*", " ").trim())
                .replaceAll("line $1, column $2");
    }

    private static String describe(Class<?> type) {
        return "mapping for " + type.getSimpleName();
    }
}
