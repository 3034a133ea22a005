package org.creditexchange.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.SAXException;

/**
 * Reads the first visible worksheet of an XLSX workbook row by row, pulling the sheet XML with StAX.
 *
 * <p>Pulling instead of POI's push-style SAX handler keeps memory bounded without a producer thread:
 * only the current row is held, plus the shared-strings table, which Excel's format forces every
 * reader to keep. Rows absent from the sheet XML are absent here too, so row numbers stay the
 * sheet's own; cells absent inside a row read as {@code ""}; trailing blank cells are dropped.
 */
public final class XlsxRowSource implements RowSource {

    /** Excel's last column is XFD; a reference past it can only come from a damaged file. */
    private static final int MAX_COLUMNS = 16_384;

    private final OPCPackage pkg;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final ClerkCellFormatter formatter = new ClerkCellFormatter();
    private final Map<Integer, NumberFormat> formats = new HashMap<>();
    private final StringBuilder text = new StringBuilder();
    private int lastRowNumber;
    private boolean closed;
    private boolean finished;

    private record NumberFormat(int index, String pattern) {
        static final NumberFormat GENERAL = new NumberFormat(0, "General");
    }

    private record SheetChoice(PackagePart part, boolean date1904) {
    }

    private XlsxRowSource(OPCPackage pkg, InputStream sheetStream, SharedStrings strings, StylesTable styles,
                          boolean date1904) throws XMLStreamException {
        this.pkg = pkg;
        this.sheetStream = sheetStream;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        // A factory per file: StAX factories are not promised to be thread-safe; POI's is hardened against XXE.
        this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetStream);
    }

    /**
     * Opens an XLSX workbook on its first visible worksheet.
     *
     * @param file a file already known to be an OOXML workbook (see {@link RowSources#detect(Path)})
     * @return a source positioned before the first row
     * @throws UnreadableFileException {@code FILE_FORMAT_UNSUPPORTED} when the file is not an OOXML
     *                                 package or has no worksheet; {@code FILE_CORRUPT} when the
     *                                 package or its parts cannot be parsed
     */
    public static XlsxRowSource open(Path file) throws UnreadableFileException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (NotOfficeXmlFileException e) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "not an OOXML package: " + e.getMessage(), e);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "cannot open OOXML package: " + e.getMessage(), e);
        }
        InputStream sheet = null;
        try {
            XSSFReader reader = new XSSFReader(pkg, true);
            SheetChoice choice = chooseSheet(reader);
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            sheet = choice.part().getInputStream();
            return new XlsxRowSource(pkg, sheet, strings, styles, choice.date1904());
        } catch (UnreadableFileException e) {
            closeQuietly(sheet);
            pkg.revert();
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            closeQuietly(sheet);
            pkg.revert();
            throw new UnreadableFileException("FILE_CORRUPT", "cannot read workbook structure: " + e.getMessage(), e);
        }
    }

    /**
     * The next row present in the sheet, or null after the last one.
     *
     * @throws UnreadableFileException {@code FILE_CORRUPT} when the sheet XML is damaged part-way
     */
    @Override
    public RawRow next() throws UnreadableFileException {
        if (closed || finished) {
            return null;
        }
        try {
            return readRow();
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException("FILE_CORRUPT",
                    "damaged sheet XML after row " + lastRowNumber + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileFormat format() {
        return FileFormat.XLSX;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // The stream below is closed next regardless.
        }
        closeQuietly(sheetStream);
        // revert() is the read-only close: close() would try to save the package.
        pkg.revert();
    }

    private RawRow readRow() throws XMLStreamException, UnreadableFileException {
        List<String> cells = null;
        int rowNumber = 0;
        int column = -1;
        String cellType = null;
        String cellStyle = null;
        int cellColumn = -1;
        String value = null;
        boolean collecting = false;
        boolean inInline = false;
        boolean inPhonetic = false;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    switch (xml.getLocalName()) {
                        case "row" -> {
                            rowNumber = parseRowNumber(xml.getAttributeValue(null, "r"));
                            cells = new ArrayList<>();
                            column = -1;
                        }
                        case "c" -> {
                            cellColumn = parseColumn(xml.getAttributeValue(null, "r"), column);
                            cellType = xml.getAttributeValue(null, "t");
                            cellStyle = xml.getAttributeValue(null, "s");
                            value = null;
                        }
                        case "v" -> {
                            text.setLength(0);
                            collecting = true;
                        }
                        case "is" -> {
                            text.setLength(0);
                            inInline = true;
                        }
                        // Phonetic guides (furigana) are annotations, not part of the text.
                        case "rPh" -> inPhonetic = true;
                        case "t" -> collecting = inInline && !inPhonetic;
                        default -> { }
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (collecting) {
                        text.append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    switch (xml.getLocalName()) {
                        case "v" -> {
                            collecting = false;
                            value = text.toString();
                        }
                        case "t" -> collecting = false;
                        case "rPh" -> inPhonetic = false;
                        case "is" -> {
                            inInline = false;
                            value = text.toString();
                        }
                        case "c" -> {
                            if (cells != null) {
                                put(cells, cellColumn, cellText(cellType, cellStyle, value));
                                column = cellColumn;
                            }
                        }
                        case "row" -> {
                            if (cells != null) {
                                lastRowNumber = rowNumber;
                                return new RawRow(rowNumber, withoutTrailingBlanks(cells));
                            }
                        }
                        case "sheetData" -> {
                            finished = true;
                            return null;
                        }
                        default -> { }
                    }
                }
                default -> { }
            }
        }
        return null;
    }

    private int parseRowNumber(String r) {
        if (r != null) {
            try {
                return Integer.parseInt(r.trim());
            } catch (NumberFormatException e) {
                // Fall through: count on from the previous row like Excel does for r-less rows.
            }
        }
        return lastRowNumber + 1;
    }

    private static int parseColumn(String reference, int previous) throws UnreadableFileException {
        if (reference == null || reference.isEmpty()) {
            return previous + 1;
        }
        int column = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
            if (column > MAX_COLUMNS) {
                throw new UnreadableFileException("FILE_CORRUPT", "cell reference beyond column XFD: " + reference);
            }
        }
        return i == 0 ? previous + 1 : column - 1;
    }

    private static void put(List<String> cells, int column, String value) {
        while (cells.size() < column) {
            cells.add("");
        }
        if (column < cells.size()) {
            cells.set(column, value);
        } else {
            cells.add(value);
        }
    }

    private static List<String> withoutTrailingBlanks(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return end == cells.size() ? cells : cells.subList(0, end);
    }

    private String cellText(String type, String style, String value) throws UnreadableFileException {
        if (value == null) {
            return "";
        }
        String text = switch (type == null ? "n" : type) {
            case "s" -> sharedString(value);
            case "inlineStr", "str" -> decodeEscapes(value);
            case "b" -> "1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim()) ? "TRUE" : "FALSE";
            case "e" -> "";
            case "d" -> isoDate(value);
            default -> number(value, style);
        };
        return CellText.asRead(text);
    }

    private String sharedString(String value) throws UnreadableFileException {
        try {
            return strings.getItemAt(Integer.parseInt(value.trim())).getString();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "bad shared string index " + value + " in row "
                    + (lastRowNumber + 1), e);
        }
    }

    private String number(String value, String style) {
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return value;
        }
        NumberFormat format = numberFormat(style);
        return formatter.formatRawCellContents(d, format.index(), format.pattern(), date1904);
    }

    private NumberFormat numberFormat(String style) {
        if (styles == null || style == null) {
            return NumberFormat.GENERAL;
        }
        int index;
        try {
            index = Integer.parseInt(style.trim());
        } catch (NumberFormatException e) {
            return NumberFormat.GENERAL;
        }
        return formats.computeIfAbsent(index, this::lookUpFormat);
    }

    private NumberFormat lookUpFormat(int styleIndex) {
        if (styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
            return NumberFormat.GENERAL;
        }
        XSSFCellStyle cellStyle = styles.getStyleAt(styleIndex);
        if (cellStyle == null) {
            return NumberFormat.GENERAL;
        }
        int index = cellStyle.getDataFormat() & 0xFFFF;
        String pattern = cellStyle.getDataFormatString();
        if (pattern == null) {
            pattern = BuiltinFormats.getBuiltinFormat(index);
        }
        return pattern == null ? NumberFormat.GENERAL : new NumberFormat(index, pattern);
    }

    /** Strict-OOXML date cells carry ISO text; give them the same shape as serial-number dates. */
    private String isoDate(String value) {
        try {
            LocalDateTime at = LocalDateTime.parse(value.trim().replace("Z", ""));
            return formatter.formatRawCellContents(DateUtil.getExcelDate(at, false), 14, "yyyy-mm-dd", false);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** Excel writes control characters in text as {@code _x000D_}; POI's rich text decodes them. */
    private static String decodeEscapes(String value) {
        return value.contains("_x") ? new XSSFRichTextString(value).getString() : value;
    }

    private static SheetChoice chooseSheet(XSSFReader reader)
            throws IOException, OpenXML4JException, XMLStreamException, UnreadableFileException {
        WorkbookFacts facts = WorkbookFacts.read(reader.getWorkbookData());
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        PackagePart first = null;
        PackagePart firstVisible = null;
        while (sheets.hasNext() && firstVisible == null) {
            sheets.next().close();
            PackagePart part = sheets.getSheetPart();
            // Chart sheets are listed among the sheets but hold no cells.
            if (!part.getContentType().endsWith("worksheet+xml")) {
                continue;
            }
            if (first == null) {
                first = part;
            }
            if (!facts.hidden().contains(sheets.getSheetName())) {
                firstVisible = part;
            }
        }
        if (first == null) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "workbook has no worksheet");
        }
        return new SheetChoice(firstVisible != null ? firstVisible : first, facts.date1904());
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                // Read-only stream; nothing to lose.
            }
        }
    }

    /** The little the workbook part tells us that matters for reading one sheet. */
    private record WorkbookFacts(Set<String> hidden, boolean date1904) {

        static WorkbookFacts read(InputStream workbookXml) throws XMLStreamException, IOException {
            Set<String> hidden = new HashSet<>();
            boolean date1904 = false;
            try (workbookXml) {
                XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
                try {
                    while (r.hasNext()) {
                        if (r.next() != XMLStreamConstants.START_ELEMENT) {
                            continue;
                        }
                        if (r.getLocalName().equals("workbookPr")) {
                            String v = r.getAttributeValue(null, "date1904");
                            date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                        } else if (r.getLocalName().equals("sheet")) {
                            String state = r.getAttributeValue(null, "state");
                            if (state != null && !state.equals("visible")) {
                                hidden.add(r.getAttributeValue(null, "name"));
                            }
                        }
                    }
                } finally {
                    r.close();
                }
            }
            return new WorkbookFacts(hidden, date1904);
        }
    }
}
