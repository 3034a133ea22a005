package org.creditexchange.ingest.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a delimited text file record by record with Commons CSV, in bounded memory.
 *
 * <p>The encoding is found by {@link TextEncoding}; the delimiter is a comma unless tabs or
 * semicolons clearly dominate the first lines. Blank lines come back as blank rows so that row
 * numbers match what the clerk counts; a record whose quoted field spans several lines counts once.
 */
public final class CsvRowSource implements RowSource {

    /** Enough lines to see past a title row and a header, small enough to stay cheap. */
    private static final int SNIFF_CHARS = 16 * 1024;
    private static final int SNIFF_LINES = 10;

    private final Path file;
    private final Charset charset;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** The file's bytes as the parser takes them, for {@link #fractionRead()}. */
    private final CountingInputStream bytes;
    private final long size;

    private CsvRowSource(Path file, TextEncoding encoding, char delimiter) throws IOException {
        this.file = file;
        this.charset = encoding.charset();
        this.delimiter = delimiter;
        this.size = Files.size(file);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                // Clerks' files end mid-quote or put text after a closing quote; keep the data.
                .setLenientEof(true)
                .setTrailingData(true)
                .get();
        this.bytes = new CountingInputStream(Files.newInputStream(file));
        Reader reader = decode(bytes, encoding);
        try {
            this.parser = CSVParser.parse(reader, format);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        this.records = parser.iterator();
    }

    /**
     * Opens a delimited text file.
     *
     * @param file a file already known to be text (see {@link RowSources#detect(Path)})
     * @return a source positioned before the first record
     * @throws UnreadableFileException never for content reasons today; declared for symmetry
     * @throws UncheckedIOException    when the file system fails to read the file
     */
    public static CsvRowSource open(Path file) throws UnreadableFileException {
        TextEncoding encoding = TextEncoding.of(file);
        try {
            return new CsvRowSource(file, encoding, sniffDelimiter(file, encoding));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * The next record, or null at the end.
     *
     * @throws UnreadableFileException with {@code FILE_CORRUPT} when the text cannot be parsed as CSV
     */
    @Override
    public RawRow next() throws UnreadableFileException {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            List<String> cells = new ArrayList<>(record.size());
            for (String value : record) {
                cells.add(CellText.asRead(value));
            }
            return new RawRow(Math.toIntExact(record.getRecordNumber()), cells);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException) {
                throw new UnreadableFileException("FILE_CORRUPT",
                        "CSV parse error after record " + parser.getRecordNumber() + ": " + e.getCause().getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public FileFormat format() {
        return FileFormat.CSV;
    }

    /** The share of the file's bytes taken by the parser so far (it reads a few kilobytes ahead). */
    @Override
    public OptionalDouble fractionRead() {
        return OptionalDouble.of(size == 0 ? 1.0 : Math.min(1.0, (double) bytes.count() / size));
    }

    /** The encoding the file is decoded with, for the log (UTF-8, UTF-16LE/BE or GB18030). */
    public Charset charset() {
        return charset;
    }

    /** The field delimiter in use: {@code ','}, {@code '\t'} or {@code ';'}. */
    public char delimiter() {
        return delimiter;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Nothing was written; a failing close of a read-only file loses nothing.
        }
    }

    @Override
    public String toString() {
        return "CsvRowSource[" + file.getFileName() + ", " + charset + "]";
    }

    private static Reader open(Path file, TextEncoding encoding) throws IOException {
        return decode(Files.newInputStream(file), encoding);
    }

    /** A reader of {@code in} past its BOM; closes {@code in} when that fails. */
    private static Reader decode(InputStream in, TextEncoding encoding) throws IOException {
        try {
            in.skipNBytes(encoding.bomLength());
        } catch (IOException e) {
            in.close();
            throw e;
        }
        // A stray invalid byte in a GB18030 file becomes U+FFFD in one cell rather than failing the batch.
        return new BufferedReader(new InputStreamReader(in, encoding.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    /**
     * Counts commas, tabs and semicolons outside quotes in the first lines; the comma wins ties
     * because it is the standard and the most common.
     */
    static char sniffDelimiter(Path file, TextEncoding encoding) throws IOException {
        int commas = 0;
        int tabs = 0;
        int semicolons = 0;
        try (Reader reader = open(file, encoding)) {
            char[] buffer = new char[SNIFF_CHARS];
            int length = 0;
            for (int n; length < buffer.length && (n = reader.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
            }
            boolean quoted = false;
            int lines = 0;
            for (int i = 0; i < length && lines < SNIFF_LINES; i++) {
                char c = buffer[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted) {
                    switch (c) {
                        case ',' -> commas++;
                        case '\t' -> tabs++;
                        case ';' -> semicolons++;
                        case '\n' -> lines++;
                        default -> { }
                    }
                }
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        if (semicolons > commas && semicolons > tabs) {
            return ';';
        }
        return ',';
    }
}
