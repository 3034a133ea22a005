package org.creditexchange.ingest.read;

/** File formats told apart by content (magic bytes), never by file name alone. */
public enum FileFormat {
    /** Delimited text, UTF-8 (with or without BOM) or GBK/GB18030. */
    CSV,
    /** Office Open XML workbook (a ZIP container). */
    XLSX,
    /** Excel 97-2003 binary workbook (an OLE2 container). */
    XLS,
    /** Excel 2003 XML (SpreadsheetML), often saved with an .xls or .xlsx name. */
    SPREADSHEET_ML
}
