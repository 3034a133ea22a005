package org.creditexchange.ingest.read;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFCell;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.NotOLE2FileException;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;

/**
 * Reads one visible sheet of an Excel 97-2003 (BIFF8) workbook, counted as {@link #sheetNames(Path)}
 * lists them: visible sheets in workbook order, hidden and very-hidden sheets left out.
 *
 * <p>The workbook is loaded whole: the format caps a sheet at 65,536 rows, so memory stays bounded
 * by that limit. Cells are rendered by the same {@link ClerkCellFormatter} as XLSX, so a file reads
 * the same whichever of the two formats the clerk saved it in.
 */
public final class XlsRowSource implements RowSource {

    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;
    private final boolean date1904;
    private final ClerkCellFormatter formatter = new ClerkCellFormatter();
    /** The sheet's last row number (1-based), known once the workbook is loaded. */
    private final int lastRowOfSheet;
    private int lastRowNumber;

    private XlsRowSource(HSSFWorkbook workbook, HSSFSheet sheet) {
        this.workbook = workbook;
        this.rows = sheet.rowIterator();
        this.lastRowOfSheet = sheet.getPhysicalNumberOfRows() == 0 ? 0 : sheet.getLastRowNum() + 1;
        this.date1904 = workbook.getInternalWorkbook().isUsing1904DateWindowing();
    }

    /**
     * Opens an XLS workbook on its first visible sheet; the same as {@code open(file, 0)}.
     *
     * @param file a file already known to be an OLE2 container (see {@link RowSources#detect(Path)})
     * @return a source positioned before the first row
     * @throws UnreadableFileException {@code FILE_ENCRYPTED} for a password-protected workbook;
     *                                 {@code FILE_FORMAT_UNSUPPORTED} for Excel 5.0/95 workbooks, OLE2
     *                                 files that are no workbook and workbooks without a sheet;
     *                                 {@code FILE_CORRUPT} otherwise
     */
    public static XlsRowSource open(Path file) throws UnreadableFileException {
        return open(file, 0);
    }

    /**
     * Opens an XLS workbook on its {@code sheetIndex}-th visible sheet, counted as
     * {@link #sheetNames(Path)} lists them.
     *
     * @param file       a file already known to be an OLE2 container (see {@link RowSources#detect(Path)})
     * @param sheetIndex 0-based index among the visible sheets
     * @return a source positioned before the sheet's first row
     * @throws UnreadableFileException  as {@link #open(Path)}
     * @throws IllegalArgumentException when {@code sheetIndex} is negative or not below the number of
     *                                  visible sheets
     */
    public static XlsRowSource open(Path file, int sheetIndex) throws UnreadableFileException {
        RowSources.requireNonNegative(sheetIndex);
        HSSFWorkbook workbook = load(file);
        List<Integer> visible;
        try {
            visible = visibleSheets(workbook);
        } catch (UnreadableFileException e) {
            closeQuietly(workbook);
            throw e;
        }
        if (sheetIndex >= visible.size()) {
            List<String> names = names(workbook, visible);
            closeQuietly(workbook);
            throw RowSources.outOfRange(sheetIndex, names);
        }
        return new XlsRowSource(workbook, workbook.getSheetAt(visible.get(sheetIndex)));
    }

    /**
     * The names of the workbook's visible sheets in workbook order: the sheets {@link #open(Path, int)}
     * counts. A workbook that hides every sheet lists its first sheet alone, the one
     * {@link #open(Path)} has always read. The format offers no partial read: the workbook is loaded,
     * bounded as for reading.
     *
     * @param file a file already known to be an OLE2 container (see {@link RowSources#detect(Path)})
     * @return at least one name, never null
     * @throws UnreadableFileException as {@link #open(Path)}
     */
    public static List<String> sheetNames(Path file) throws UnreadableFileException {
        HSSFWorkbook workbook = load(file);
        try {
            return names(workbook, visibleSheets(workbook));
        } finally {
            closeQuietly(workbook);
        }
    }

    private static HSSFWorkbook load(Path file) throws UnreadableFileException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                throw new UnreadableFileException("FILE_ENCRYPTED", "password-protected OOXML workbook");
            }
            // Not preserving nodes lets the file system close here: every record is already in memory.
            return new HSSFWorkbook(fs.getRoot(), false);
        } catch (EncryptedDocumentException e) {
            throw new UnreadableFileException("FILE_ENCRYPTED", "password-protected XLS workbook", e);
        } catch (OldExcelFormatException e) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "Excel 5.0/95 workbook", e);
        } catch (NotOLE2FileException e) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "not an OLE2 file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // HSSF's way of saying the container holds no Workbook stream (e.g. a Word .doc).
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "OLE2 file without a workbook: "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException("FILE_CORRUPT", "cannot read XLS workbook: " + e.getMessage(), e);
        }
    }

    /** The next row present in the sheet, or null after the last one. */
    @Override
    public RawRow next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        List<String> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(cellText((HSSFCell) row.getCell(c)));
        }
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        lastRowNumber = row.getRowNum() + 1;
        return new RawRow(lastRowNumber, cells.subList(0, end));
    }

    @Override
    public FileFormat format() {
        return FileFormat.XLS;
    }

    /** The last row read over the sheet's last row: the whole sheet is in memory, so this one is exact. */
    @Override
    public OptionalDouble fractionRead() {
        if (!rows.hasNext() || lastRowOfSheet == 0) {
            return OptionalDouble.of(1.0);
        }
        return OptionalDouble.of(Math.min(1.0, (double) lastRowNumber / lastRowOfSheet));
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // The workbook lives in memory; closing it releases nothing on disk.
        }
    }

    private String cellText(HSSFCell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        String text = switch (type) {
            case NUMERIC -> number(cell);
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            // An error value is kept as Excel shows it: validation names it instead of reading "empty".
            case ERROR -> org.apache.poi.ss.usermodel.FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> "";
        };
        return CellText.asRead(text);
    }

    private String number(HSSFCell cell) {
        CellStyle style = cell.getCellStyle();
        int index = style == null ? 0 : style.getDataFormat() & 0xFFFF;
        String pattern = style == null ? null : style.getDataFormatString();
        return formatter.formatRawCellContents(cell.getNumericCellValue(), index, pattern, date1904);
    }

    /** Indexes of the visible sheets; the first sheet alone when all are hidden. */
    private static List<Integer> visibleSheets(HSSFWorkbook workbook) throws UnreadableFileException {
        if (workbook.getNumberOfSheets() == 0) {
            throw new UnreadableFileException("FILE_FORMAT_UNSUPPORTED", "workbook has no worksheet");
        }
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            if (!workbook.isSheetHidden(i) && !workbook.isSheetVeryHidden(i)) {
                visible.add(i);
            }
        }
        return visible.isEmpty() ? List.of(0) : visible;
    }

    private static List<String> names(HSSFWorkbook workbook, List<Integer> sheets) {
        return sheets.stream().map(workbook::getSheetName).toList();
    }

    private static void closeQuietly(HSSFWorkbook workbook) {
        try {
            workbook.close();
        } catch (IOException e) {
            // The workbook lives in memory; closing it releases nothing on disk.
        }
    }
}
