package org.creditexchange.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The character encoding of a text file, as found by its byte-order mark or by trying UTF-8.
 *
 * <p>Chinese clerks' files come either from Excel's "CSV UTF-8" (with BOM), from WPS or scripts
 * (UTF-8 without BOM) or from Excel's plain "CSV" on a Chinese Windows (GBK). A GBK file is almost
 * never valid UTF-8, so a full UTF-8 validation pass separates the two without guessing.
 *
 * @param charset   the encoding to decode with
 * @param bomLength the number of leading bytes that are a byte-order mark, to skip
 */
record TextEncoding(Charset charset, int bomLength) {

    /** GB18030 decodes every GBK byte sequence the same way and covers the rest of Unicode too. */
    static final Charset GB18030 = Charset.forName("GB18030");

    private static final int CHUNK = 64 * 1024;

    /**
     * Finds the encoding of a file, reading it once in fixed-size chunks.
     *
     * @param file a readable file
     * @return UTF-8, UTF-16LE/BE (only with a BOM) or GB18030
     * @throws UncheckedIOException when the file cannot be read at all
     */
    static TextEncoding of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return new TextEncoding(StandardCharsets.UTF_8, 3);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return new TextEncoding(StandardCharsets.UTF_16LE, 2);
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return new TextEncoding(StandardCharsets.UTF_16BE, 2);
            }
            return isValidUtf8(head, in)
                    ? new TextEncoding(StandardCharsets.UTF_8, 0)
                    : new TextEncoding(GB18030, 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean isValidUtf8(byte[] head, InputStream rest) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        bytes.put(head);
        byte[] chunk = new byte[CHUNK - 16];
        boolean end = false;
        while (!end) {
            int n = rest.read(chunk, 0, Math.min(chunk.length, bytes.remaining()));
            if (n < 0) {
                end = true;
            } else {
                bytes.put(chunk, 0, n);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
            } while (result.isOverflow());
            // An incomplete multi-byte sequence at the chunk edge stays for the next round.
            bytes.compact();
        }
        chars.clear();
        return !decoder.flush(chars).isError();
    }
}
