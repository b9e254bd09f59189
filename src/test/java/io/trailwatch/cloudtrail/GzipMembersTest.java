package io.trailwatch.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Member after member, whatever buffer boundaries the headers and trailers fall on. */
class GzipMembersTest {

    private static byte[] members(StringBuilder expected, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            String text = "member " + i + " " + "x".repeat(i * 37);
            expected.append(text);
            out.writeBytes(Collected.gzip(text));
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 18, 64, 16 * 1024})
    void everyMemberIsReadWhateverTheBufferSize(int bufferSize) throws IOException {
        StringBuilder expected = new StringBuilder();
        byte[] gz = members(expected, 12);
        try (InputStream in = new GzipMembers(new ByteArrayInputStream(gz), bufferSize)) {
            assertEquals(expected.toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 16 * 1024})
    void aStreamCutAnywhereFailsAndNeverEndsQuietly(int bufferSize) throws IOException {
        StringBuilder expected = new StringBuilder();
        byte[] gz = members(expected, 3);
        for (int cut = 1; cut < gz.length; cut++) {
            byte[] truncated = Arrays.copyOf(gz, cut);
            boolean memberBoundary = isMemberBoundary(gz, cut);
            try (InputStream in = new GzipMembers(new ByteArrayInputStream(truncated), bufferSize)) {
                if (memberBoundary) {
                    assertTrue(expected.toString().startsWith(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                } else {
                    IOException e = assertThrows(IOException.class, in::readAllBytes, "cut at " + cut);
                    assertTrue(e instanceof EOFException || e instanceof ZipException, e.toString());
                }
            } catch (EOFException | ZipException headerCut) {
                assertTrue(cut < 10, "only the first header may fail in the constructor, cut at " + cut);
            }
        }
    }

    private static boolean isMemberBoundary(byte[] gz, int at) {
        return at < gz.length - 1 && (gz[at] & 0xff) == 0x1f && (gz[at + 1] & 0xff) == 0x8b && at > 10;
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 16 * 1024})
    void trailingZerosAreReportedWithTheirOffset(int bufferSize) throws IOException {
        byte[] gz = Collected.gzip("payload");
        byte[] padded = Arrays.copyOf(gz, gz.length + 512);
        try (InputStream in = new GzipMembers(new ByteArrayInputStream(padded), bufferSize)) {
            byte[] out = new byte[7];
            assertEquals(7, in.readNBytes(out, 0, 7));
            assertArrayEquals("payload".getBytes(StandardCharsets.UTF_8), out);
            ZipException e = assertThrows(ZipException.class, in::read);
            assertEquals("the bytes at compressed offset " + gz.length + ", after gzip member 1, are not a gzip member:"
                    + " no gzip magic (found 0x00 0x00)", e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 16 * 1024})
    void aNextMemberCutInsideItsMagicIsATruncatedHeader(int bufferSize) throws IOException {
        byte[] gz = Collected.gzip("payload");
        byte[] cut = Arrays.copyOf(gz, gz.length + 1);
        cut[gz.length] = 0x1f;
        try (InputStream in = new GzipMembers(new ByteArrayInputStream(cut), bufferSize)) {
            ZipException e = assertThrows(ZipException.class, in::readAllBytes);
            assertTrue(e.getMessage().endsWith("are not a gzip member: the gzip header is truncated"), e.getMessage());
        }
    }

    @Test
    void aClosedStreamsBufferServesOneLaterStreamOnly() throws IOException {
        StringBuilder firstText = new StringBuilder();
        StringBuilder secondText = new StringBuilder();
        StringBuilder thirdText = new StringBuilder();
        byte[] first = members(firstText, 2);
        byte[] second = members(secondText, 9);
        byte[] third = members(thirdText, 5);
        InputStream closedTwice = new GzipMembers(new ByteArrayInputStream(first), 16);
        assertEquals(firstText.toString(), new String(closedTwice.readAllBytes(), StandardCharsets.UTF_8));
        closedTwice.close();
        try (InputStream b = new GzipMembers(new ByteArrayInputStream(second), 16)) {
            closedTwice.close(); // must not hand out the buffer b now reads through
            try (InputStream c = new GzipMembers(new ByteArrayInputStream(third), 16)) {
                ByteArrayOutputStream bOut = new ByteArrayOutputStream();
                ByteArrayOutputStream cOut = new ByteArrayOutputStream();
                int fromB = 0;
                int fromC = 0;
                while (fromB >= 0 || fromC >= 0) {
                    fromB = fromB < 0 ? -1 : copySome(b, bOut);
                    fromC = fromC < 0 ? -1 : copySome(c, cOut);
                }
                assertEquals(secondText.toString(), bOut.toString(StandardCharsets.UTF_8));
                assertEquals(thirdText.toString(), cOut.toString(StandardCharsets.UTF_8));
            }
        }
        assertEquals(-1, closedTwice.read());
    }

    private static int copySome(InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] chunk = new byte[5];
        int n = in.read(chunk);
        if (n > 0) {
            out.write(chunk, 0, n);
        }
        return n;
    }
}
