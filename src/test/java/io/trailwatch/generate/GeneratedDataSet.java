package io.trailwatch.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reads back a generated data set for assertions. */
final class GeneratedDataSet {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** One log file and the records it holds, in file order. */
    record LogFile(Path path, List<JsonNode> records) {
    }

    private GeneratedDataSet() {
    }

    static List<Path> files(Path root, String marker) {
        try (Stream<Path> walk = Files.walk(root.resolve("AWSLogs"))) {
            return walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains(marker))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode readGzipJson(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    static List<LogFile> logFiles(Path root) {
        List<LogFile> out = new ArrayList<>();
        for (Path p : files(root, "_CloudTrail_")) {
            List<JsonNode> records = new ArrayList<>();
            readGzipJson(p).get("Records").forEach(records::add);
            out.add(new LogFile(p, records));
        }
        return out;
    }

    /** SHA-256 of every file under {@code root}, by relative path. */
    static TreeMap<String, String> hashes(Path root) throws Exception {
        TreeMap<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
                out.put(root.relativize(p).toString(), HexFormat.of().formatHex(digest));
            }
        }
        return out;
    }
}
