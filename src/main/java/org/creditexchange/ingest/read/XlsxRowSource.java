package org.creditexchange.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
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
 * Reads one visible worksheet of an XLSX workbook row by row, pulling the sheet XML with StAX.
 *
 * <p>Worksheets are counted as {@link #sheetNames(Path)} lists them: visible worksheets in workbook
 * order, hidden and very-hidden sheets and chart sheets left out. Only the workbook part and the chosen
 * sheet's XML are read; the other sheets are never touched.
 *
 * <p>Pulling instead of POI's push-style SAX handler keeps memory bounded without a producer thread:
 * only the current row is held, plus the shared-strings table, which Excel's format forces every
 * reader to keep. Rows absent from the sheet XML are absent here too, so row numbers stay the
 * sheet's own; cells absent inside a row read as {@code ""}; trailing blank cells are dropped.
 */
public final class XlsxRowSource implements RowSource {

    /** Excel's last column is XFD; a reference past it can only come from a damaged file. */
    private static final int MAX_COLUMNS = 16_384;
    /** Excel's last row: a dimension reaching it declares the whole sheet, not the rows written. */
    private static final int MAX_ROWS = 1_048_576;

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
    /** The last row of the sheet's {@code <dimension ref="A1:K200001">}, 0 when it declares none. */
    private int declaredLastRow;
    private boolean closed;
    private boolean finished;

    private record NumberFormat(int index, String pattern) {
        static final NumberFormat GENERAL = new NumberFormat(0, "General");
    }

    /** A worksheet that can be chosen by index, with the part holding its XML. */
    private record Worksheet(String name, PackagePart part) {
    }

    /** The worksheets open to reading, in workbook order, and the workbook's date system. */
    private record Worksheets(List<Worksheet> visible, boolean date1904) {

        List<String> names() {
            return visible.stream().map(Worksheet::name).toList();
        }
    }

    /** Exposes the workbook part that {@link XSSFReader} has already located (transitional or strict). */
    private static final class WorkbookReader extends XSSFReader {

        WorkbookReader(OPCPackage pkg) throws IOException, OpenXML4JException {
            super(pkg, true);
        }

        PackagePart workbook() {
            return workbookPart;
        }
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
     * Opens an XLSX workbook on its first visible worksheet; the same as {@code open(file, 0)}.
     *
     * @param file a file already known to be an OOXML workbook (see {@link RowSources#detect(Path)})
     * @return a source positioned before the first row
     * @throws UnreadableFileException {@code FILE_FORMAT_UNSUPPORTED} when the file is not an OOXML
     *                                 package or has no worksheet; {@code FILE_CORRUPT} when the
     *                                 package or its parts cannot be parsed
     */
    public static XlsxRowSource open(Path file) throws UnreadableFileException {
        return open(file, 0);
    }

    /**
     * Opens an XLSX workbook on its {@code sheetIndex}-th visible worksheet, counted as
     * {@link #sheetNames(Path)} lists them. Only that sheet's XML is read.
     *
     * @param file       a file already known to be an OOXML workbook (see {@link RowSources#detect(Path)})
     * @param sheetIndex 0-based index among the visible worksheets
     * @return a source positioned before the sheet's first row
     * @throws UnreadableFileException  as {@link #open(Path)}
     * @throws IllegalArgumentException when {@code sheetIndex} is negative or not below the number of
     *                                  visible worksheets
     */
    public static XlsxRowSource open(Path file, int sheetIndex) throws UnreadableFileException {
        RowSources.requireNonNegative(sheetIndex);
        OPCPackage pkg = openPackage(file);
        WorkbookReader reader;
        Worksheets sheets;
        try {
            reader = new WorkbookReader(pkg);
            sheets = worksheets(reader);
        } catch (UnreadableFileException e) {
            pkg.revert();
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            pkg.revert();
            throw new UnreadableFileException("FILE_CORRUPT", "cannot read workbook structure: " + e.getMessage(), e);
        }
        if (sheetIndex >= sheets.visible().size()) {
            pkg.revert();
            throw RowSources.outOfRange(sheetIndex, sheets.names());
        }
        InputStream sheet = null;
        try {
            SharedStrings strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            sheet = sheets.visible().get(sheetIndex).part().getInputStream();
            return new XlsxRowSource(pkg, sheet, strings, styles, sheets.date1904());
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            closeQuietly(sheet);
            pkg.revert();
            throw new UnreadableFileException("FILE_CORRUPT", "cannot read workbook structure: " + e.getMessage(), e);
        }
    }

    /**
     * The names of the workbook's visible worksheets in workbook order: the sheets
     * {@link #open(Path, int)} counts. Hidden and very-hidden sheets and chart sheets are left out. A
     * workbook that hides every worksheet (Excel refuses to, some generators do not) lists its first
     * worksheet alone, the one {@link #open(Path)} has always read. Reads the workbook part only.
     *
     * @param file a file already known to be an OOXML workbook (see {@link RowSources#detect(Path)})
     * @return at least one name, never null
     * @throws UnreadableFileException as {@link #open(Path)}
     */
    public static List<String> sheetNames(Path file) throws UnreadableFileException {
        OPCPackage pkg = openPackage(file);
        try {
            return worksheets(new WorkbookReader(pkg)).names();
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "cannot read workbook structure: " + e.getMessage(), e);
        } finally {
            // revert() is the read-only close: close() would try to save the package.
            pkg.revert();
        }
    }

    private static OPCPackage openPackage(Path file) throws UnreadableFileException {
        try {
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (NotOfficeXmlFileException e) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "not an OOXML package: " + e.getMessage(), e);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "cannot open OOXML package: " + e.getMessage(), e);
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

    /**
     * The last row read over the last row the sheet declares ({@code <dimension>}, written by Excel and most
     * generators before the rows); empty before the first row, for a sheet without a dimension, one that declares a
     * single cell or the whole sheet, and once a row lies past the declared end.
     */
    @Override
    public OptionalDouble fractionRead() {
        if (finished) {
            return OptionalDouble.of(1.0);
        }
        if (declaredLastRow <= 1 || declaredLastRow >= MAX_ROWS || lastRowNumber > declaredLastRow) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) lastRowNumber / declaredLastRow);
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
                        case "dimension" -> declaredLastRow = lastRowOf(xml.getAttributeValue(null, "ref"));
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

    /** The row of a range's last cell ({@code A1:K200001} → 200001), 0 when it cannot be read. */
    static int lastRowOf(String ref) {
        if (ref == null) {
            return 0;
        }
        String last = ref.substring(ref.indexOf(':') + 1).strip();
        int digits = 0;
        while (digits < last.length() && !Character.isDigit(last.charAt(digits))) {
            digits++;
        }
        try {
            return digits == last.length() ? 0 : Integer.parseInt(last.substring(digits));
        } catch (NumberFormatException e) {
            return 0;
        }
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
            // An error value (#VALUE!, #REF!…) is kept as written: validation names it instead of reading "empty".
            case "e" -> value.trim();
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

    private static Worksheets worksheets(WorkbookReader reader)
            throws IOException, OpenXML4JException, XMLStreamException, UnreadableFileException {
        WorkbookFacts facts = WorkbookFacts.read(reader.getWorkbookData());
        PackagePart workbook = reader.workbook();
        Worksheet first = null;
        List<Worksheet> visible = new ArrayList<>();
        for (SheetEntry entry : facts.sheets()) {
            PackageRelationship relationship = entry.relationshipId() == null ? null
                    : workbook.getRelationship(entry.relationshipId());
            if (relationship == null) {
                // POI's own sheet iterator passes over such dangling entries; so did this reader.
                continue;
            }
            PackagePart part = workbook.getRelatedPart(relationship);
            if (part == null) {
                throw new UnreadableFileException("FILE_CORRUPT", "sheet \"" + entry.name()
                        + "\" points at no part (relationship " + entry.relationshipId() + ")");
            }
            // Chart sheets are listed among the sheets but hold no cells.
            if (!part.getContentType().endsWith("worksheet+xml")) {
                continue;
            }
            Worksheet sheet = new Worksheet(entry.name(), part);
            if (first == null) {
                first = sheet;
            }
            if (!entry.hidden()) {
                visible.add(sheet);
            }
        }
        if (first == null) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "workbook has no worksheet");
        }
        return new Worksheets(visible.isEmpty() ? List.of(first) : List.copyOf(visible), facts.date1904());
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

    /** A {@code <sheet>} of the workbook part: its name, its relationship id and whether it is hidden. */
    private record SheetEntry(String name, String relationshipId, boolean hidden) {
    }

    /** The little the workbook part tells us that matters for reading one sheet. */
    private record WorkbookFacts(List<SheetEntry> sheets, boolean date1904) {

        static WorkbookFacts read(InputStream workbookXml) throws XMLStreamException, IOException {
            List<SheetEntry> sheets = new ArrayList<>();
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
                            boolean hidden = state != null && !state.equals("visible");
                            sheets.add(new SheetEntry(r.getAttributeValue(null, "name"), relationshipId(r), hidden));
                        }
                    }
                } finally {
                    r.close();
                }
            }
            return new WorkbookFacts(sheets, date1904);
        }

        /** {@code r:id}, whichever prefix and namespace (transitional or strict) the file uses. */
        private static String relationshipId(XMLStreamReader r) {
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String namespace = r.getAttributeNamespace(i);
                if ("id".equals(r.getAttributeLocalName(i)) && namespace != null && !namespace.isEmpty()) {
                    return r.getAttributeValue(i);
                }
            }
            return null;
        }
    }
}
