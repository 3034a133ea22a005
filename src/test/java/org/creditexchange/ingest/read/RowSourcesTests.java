package org.creditexchange.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowSourcesTests {

    @TempDir
    Path dir;

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.csv"), new byte[0]);

        assertCode(() -> RowSources.open(file), "FILE_EMPTY");
        assertCode(() -> RowSources.open(file, 0), "FILE_EMPTY");
        assertCode(() -> RowSources.sheetNames(file), "FILE_EMPTY");
    }

    @Test
    void rejectsAFileOfOnlyWhitespaceAndBom() throws Exception {
        Path file = Files.write(dir.resolve("bom-only.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'});

        assertCode(() -> RowSources.open(file), "FILE_EMPTY");
    }

    @Test
    void rejectsPdfBytes() throws Exception {
        Path file = Files.write(dir.resolve("list.xlsx"), "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1));

        assertCode(() -> RowSources.open(file), "FILE_FORMAT_UNSUPPORTED");
        assertCode(() -> RowSources.sheetNames(file), "FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void rejectsBinaryContent() throws Exception {
        Path file = Files.write(dir.resolve("image.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});

        assertCode(() -> RowSources.open(file), "FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void rejectsExcel2003XmlSpreadsheetNamedXlsx() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?mso-application progid="Excel.Sheet"?>
                <Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
                <Worksheet ss:Name="Sheet1"><Table><Row><Cell><Data ss:Type="String">企业名称</Data></Cell></Row></Table></Worksheet>
                </Workbook>""";
        Path file = Files.writeString(dir.resolve("check01.xlsx"), xml, StandardCharsets.UTF_8);

        assertThat(RowSources.detect(file)).isEqualTo(FileFormat.SPREADSHEET_ML);
        assertThatThrownBy(() -> RowSources.open(file))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.code()).isEqualTo("FILE_FORMAT_UNSUPPORTED");
                    assertThat(e.detail()).isEqualTo("Excel 2003 XML spreadsheet");
                });
        assertCode(() -> RowSources.sheetNames(file), "FILE_FORMAT_UNSUPPORTED");
        assertCode(() -> RowSources.open(file, 1), "FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void rejectsAnHtmlTableSavedAsXls() throws Exception {
        Path file = Files.writeString(dir.resolve("export.xls"), "<html><body><table><tr><td>企业</td></tr></table></body></html>");

        assertCode(() -> RowSources.open(file), "FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void rejectsAZipWithoutWorkbook() throws Exception {
        Path file = dir.resolve("attachments.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertCode(() -> RowSources.open(file), "FILE_FORMAT_UNSUPPORTED");
        assertCode(() -> RowSources.sheetNames(file), "FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void reportsATruncatedXlsxAsCorrupt() throws Exception {
        byte[] whole = xlsxBytes();
        Path file = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(whole, whole.length / 2));

        assertCode(() -> RowSources.open(file), "FILE_CORRUPT");
        assertCode(() -> RowSources.open(file, 1), "FILE_CORRUPT");
        assertCode(() -> RowSources.sheetNames(file), "FILE_CORRUPT");
    }

    @Test
    void reportsAPasswordProtectedXlsxAsEncrypted() throws Exception {
        Path file = dir.resolve("password.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = encryptor.getDataStream(fs)) {
                workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("机密");
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }

        assertCode(() -> RowSources.detect(file), "FILE_ENCRYPTED");
        assertCode(() -> RowSources.open(file), "FILE_ENCRYPTED");
        assertCode(() -> RowSources.sheetNames(file), "FILE_ENCRYPTED");
    }

    @Test
    void detectsXlsxNamedCsvByContent() throws Exception {
        Path file = Files.write(dir.resolve("list.csv"), xlsxBytes());

        assertThat(RowSources.detect(file)).isEqualTo(FileFormat.XLSX);
    }

    @Test
    void detectsXlsNamedXlsxByContent() throws Exception {
        Path file = WorkbookFixture.save(WorkbookFixture.fill(new HSSFWorkbook(), List.of(List.of("名称"))),
                dir.resolve("template.xlsx"));

        try (RowSource source = RowSources.open(file)) {
            assertThat(source.format()).isEqualTo(FileFormat.XLS);
            assertThat(source.next().cells()).containsExactly("名称");
        }
    }

    @Test
    void rejectsAnOle2FileThatIsNoWorkbook() throws Exception {
        Path file = dir.resolve("letter.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }

        assertCode(() -> RowSources.open(file), "FILE_FORMAT_UNSUPPORTED");
        assertCode(() -> RowSources.sheetNames(file), "FILE_FORMAT_UNSUPPORTED");
    }

    @Test
    void detectsPlainTextAsCsv() throws Exception {
        Path file = Files.writeString(dir.resolve("list.txt"), "名称,代码\n某公司,1\n", StandardCharsets.UTF_8);

        assertThat(RowSources.detect(file)).isEqualTo(FileFormat.CSV);
    }

    private byte[] xlsxBytes() throws Exception {
        Path file = WorkbookFixture.save(WorkbookFixture.fill(new XSSFWorkbook(),
                List.of(List.of("名称", "代码"), List.of("某公司", 1))), dir.resolve("source.xlsx"));
        return Files.readAllBytes(file);
    }

    private static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
