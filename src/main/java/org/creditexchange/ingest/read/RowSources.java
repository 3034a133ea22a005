package org.creditexchange.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens the right {@link RowSource} for a file, judging the format by its content.
 *
 * <p>The extension is not trusted: clerks rename files, and systems save SpreadsheetML or CSV under
 * an {@code .xls} name. Only the bytes decide.
 */
public final class RowSources {

    /** Enough to see past a BOM, an XML prolog and the root element's namespace declarations. */
    private static final int SNIFF_BYTES = 8 * 1024;

    private static final String SPREADSHEET_ML_NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet";

    /** What {@link #sheetNames(Path)} lists for a CSV file: one sheet without a name. */
    private static final String CSV_SHEET_NAME = "";

    private RowSources() {
    }

    /**
     * Opens a file for reading rows: a workbook on its first visible worksheet, the same as
     * {@code open(file, 0)}.
     *
     * @param file the uploaded file
     * @return a source for the file's format; the caller closes it
     * @throws UnreadableFileException {@code FILE_EMPTY}, {@code FILE_FORMAT_UNSUPPORTED} (including
     *                                 Excel 2003 XML, detail {@code "Excel 2003 XML spreadsheet"}, and
     *                                 workbooks without a worksheet), {@code FILE_ENCRYPTED} or
     *                                 {@code FILE_CORRUPT}
     * @throws UncheckedIOException    when the file system cannot read the file (a system fault)
     */
    public static RowSource open(Path file) throws UnreadableFileException {
        return open(file, 0);
    }

    /**
     * Opens one sheet of a file for reading rows.
     *
     * <p>{@code sheetIndex} counts as {@link #sheetNames(Path)} lists: visible worksheets in workbook
     * order, hidden sheets skipped, so index 1 of a workbook whose sheets are "填表说明", a hidden sheet
     * and "数据" is "数据". Row numbers stay the chosen sheet's own. A CSV file is a single sheet,
     * index 0.
     *
     * @param file       the uploaded file
     * @param sheetIndex 0-based index among the visible worksheets
     * @return a source for the file's format; the caller closes it
     * @throws UnreadableFileException  as {@link #open(Path)}; an unreadable file is reported before
     *                                  the index is judged
     * @throws IllegalArgumentException when {@code sheetIndex} is negative or not below
     *                                  {@code sheetNames(file).size()}
     * @throws UncheckedIOException     when the file system cannot read the file (a system fault)
     */
    public static RowSource open(Path file, int sheetIndex) throws UnreadableFileException {
        requireNonNegative(sheetIndex);
        return switch (detect(file)) {
            case CSV -> {
                if (sheetIndex != 0) {
                    throw outOfRange(sheetIndex, List.of(CSV_SHEET_NAME));
                }
                yield CsvRowSource.open(file);
            }
            case XLSX -> XlsxRowSource.open(file, sheetIndex);
            case XLS -> XlsRowSource.open(file, sheetIndex);
            case SPREADSHEET_ML -> throw spreadsheetMl();
        };
    }

    /**
     * The names of a file's visible worksheets in workbook order, the sheets
     * {@link #open(Path, int)} indexes. Hidden and very-hidden sheets and chart sheets are left out;
     * a workbook that hides every worksheet lists its first worksheet alone, the one
     * {@link #open(Path)} reads.
     *
     * <p>A CSV file has no sheets and no sheet name: it lists one entry, the empty string
     * {@code ""}, meaning "the file itself" (the stored file name is not the clerk's, so it is not
     * used). For XLSX only the workbook part is read, never a sheet.
     *
     * @param file the uploaded file
     * @return at least one name, unmodifiable
     * @throws UnreadableFileException the same codes as {@link #open(Path)} for the same files
     * @throws UncheckedIOException    when the file system cannot read the file (a system fault)
     */
    public static List<String> sheetNames(Path file) throws UnreadableFileException {
        return switch (detect(file)) {
            case CSV -> List.of(CSV_SHEET_NAME);
            case XLSX -> XlsxRowSource.sheetNames(file);
            case XLS -> XlsRowSource.sheetNames(file);
            case SPREADSHEET_ML -> throw spreadsheetMl();
        };
    }

    static void requireNonNegative(int sheetIndex) {
        if (sheetIndex < 0) {
            throw new IllegalArgumentException("sheet index must not be negative: " + sheetIndex);
        }
    }

    static IllegalArgumentException outOfRange(int sheetIndex, List<String> names) {
        return new IllegalArgumentException("sheet index " + sheetIndex + " out of range: the file has "
                + names.size() + " visible sheet(s) " + names);
    }

    private static UnreadableFileException spreadsheetMl() {
        return new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "Excel 2003 XML spreadsheet");
    }

    /**
     * Tells a file's format from its content.
     *
     * @param file the uploaded file
     * @return the format; {@link FileFormat#SPREADSHEET_ML} is returned, not thrown, so callers can
     *         say what the file is
     * @throws UnreadableFileException {@code FILE_EMPTY} for no bytes or only whitespace;
     *                                 {@code FILE_FORMAT_UNSUPPORTED} for binary or markup content that
     *                                 is no workbook (PDF, images, archives, Word, HTML, other XML);
     *                                 {@code FILE_ENCRYPTED} for a password-protected OOXML workbook;
     *                                 {@code FILE_CORRUPT} for a damaged ZIP or OLE2 container
     * @throws UncheckedIOException    when the file system cannot read the file
     */
    public static FileFormat detect(Path file) throws UnreadableFileException {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new UnreadableFileException("FILE_EMPTY", "file has no bytes");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return zipFormat(file);
        }
        if (startsWith(head, 0x50, 0x4B, 0x05, 0x06)) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "empty ZIP archive");
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return ole2Format(file);
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "PDF document");
        }
        return textFormat(file, head);
    }

    private static FileFormat zipFormat(Path file) throws UnreadableFileException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("xl/workbook.xml") != null) {
                return FileFormat.XLSX;
            }
            if (zip.getEntry("xl/workbook.bin") != null) {
                throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "Excel binary workbook (xlsb)");
            }
            // Some generators name the workbook part differently; the content types still say what it is.
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types != null && types.getSize() < 1_000_000) {
                try (InputStream in = zip.getInputStream(types)) {
                    String xml = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
                    if (xml.contains("spreadsheetml.sheet.main+xml") || xml.contains("spreadsheetml.template.main+xml")
                            || xml.contains("ms-excel.sheet.macroEnabled.main+xml")) {
                        return FileFormat.XLSX;
                    }
                }
            }
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED",
                    "ZIP archive that is not an Excel workbook (no xl/workbook.xml)");
        } catch (ZipException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "damaged ZIP container: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static FileFormat ole2Format(Path file) throws UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                // OOXML saved with a password is wrapped in OLE2; without the password there is nothing to read.
                throw new UnreadableFileException("FILE_ENCRYPTED", "password-protected OOXML workbook");
            }
            for (String name : new String[] {"Workbook", "WORKBOOK", "BOOK", "Book"}) {
                if (root.hasEntry(name)) {
                    return FileFormat.XLS;
                }
            }
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED",
                    "OLE2 document that is not an Excel workbook (e.g. Word .doc): " + root.getEntryNames());
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "damaged OLE2 container: " + e.getMessage(), e);
        }
    }

    private static FileFormat textFormat(Path file, byte[] head) throws UnreadableFileException {
        boolean utf16 = startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF);
        if (!utf16) {
            for (byte b : head) {
                if (b == 0) {
                    throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "binary content (NUL bytes)");
                }
            }
        }
        String text = sniffText(head, utf16).stripLeading();
        if (text.isEmpty() && head.length < SNIFF_BYTES) {
            throw new UnreadableFileException("FILE_EMPTY", "file holds only whitespace");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<") && text.contains(SPREADSHEET_ML_NAMESPACE)) {
            return FileFormat.SPREADSHEET_ML;
        }
        if (lower.startsWith("<?xml")) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "XML document");
        }
        // Web systems' "export to Excel" often writes an HTML table under an .xls name.
        if (lower.startsWith("<html") || lower.startsWith("<!doctype html") || lower.startsWith("<table")) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "HTML page");
        }
        if (lower.startsWith("{\\rtf")) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "RTF document");
        }
        return FileFormat.CSV;
    }

    /** Decodes the head just well enough to compare ASCII markers; CJK text there does not matter. */
    private static String sniffText(byte[] head, boolean utf16) {
        if (utf16) {
            boolean littleEndian = (head[0] & 0xFF) == 0xFF;
            return new String(head, 2, head.length - 2 - (head.length % 2),
                    littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        int offset = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        return new String(head, offset, head.length - offset, StandardCharsets.ISO_8859_1);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
