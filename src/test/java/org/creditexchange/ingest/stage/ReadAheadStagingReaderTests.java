package org.creditexchange.ingest.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.creditexchange.ingest.read.RawRow;
import org.creditexchange.ingest.validate.RowStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.item.ExecutionContext;

/**
 * The stage step's reader reads ahead on its own thread but hands rows out in file order, and saves what the step
 * took, not what it read: a restart resumes right after the last row taken.
 */
class ReadAheadStagingReaderTests {

    private static final int ROWS = 2_500;

    private final ExecutorService workers = Executors.newFixedThreadPool(3);

    @TempDir
    Path work;

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void handsRowsOutInFileOrderAndARestartResumesAfterTheLastRowTaken() throws Exception {
        Path file = work.resolve("rows.csv");
        List<String> lines = new ArrayList<>(List.of("编号,名称"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add(i + ",名称" + i + "说明".repeat(100));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
        // rows finish out of order: every seventh takes a while
        Function<RawRow, StagedRow> compute = row -> {
            if (row.rowNumber() % 7 == 0) {
                LockSupport.parkNanos(200_000);
            }
            return staged(row);
        };

        // given a reader that may read 100 rows ahead, of which the step takes 1,000
        ExecutionContext context = new ExecutionContext();
        ReadAheadStagingReader reader = reader(file, compute);
        reader.open(context);
        List<Integer> taken = take(reader, 1_000);
        reader.update(context);
        reader.close();

        // then it handed out rows 2..1001 in order, and saved 1,000 rows taken and about how far into the file they
        // were (0.4, give or take the text decoder's buffer)
        assertThat(taken).isEqualTo(range(2, 1_001));
        assertThat(context.getInt(FileRowReader.ROWS_READ)).isEqualTo(1_000);
        assertThat(context.getDouble(FileRowReader.FRACTION_READ)).isBetween(0.38, 0.5);

        // when a restarted step opens it with what was saved, it goes on with row 1002 to the end
        ReadAheadStagingReader restarted = reader(file, compute);
        restarted.open(context);
        List<Integer> rest = take(restarted, Integer.MAX_VALUE);
        restarted.update(context);
        restarted.close();
        assertThat(rest).isEqualTo(range(1_002, ROWS + 1));
        assertThat(context.getInt(FileRowReader.ROWS_READ)).isEqualTo(ROWS);
        assertThat(context.getDouble(FileRowReader.FRACTION_READ)).isEqualTo(1.0);
    }

    @Test
    void whatAWorkerThrowsReachesTheStepWithThatRow() throws Exception {
        Path file = work.resolve("bad.csv");
        Files.write(file, List.of("编号", "1", "2", "3"), StandardCharsets.UTF_8);
        ReadAheadStagingReader reader = reader(file, row -> {
            if (row.rowNumber() == 3) {
                throw new IllegalStateException("row 3 cannot be computed");
            }
            return staged(row);
        });
        reader.open(new ExecutionContext());
        assertThat(reader.read().get().rowNumber()).isEqualTo(2);
        Future<StagedRow> third = reader.read();
        assertThat(third).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("row 3 cannot be computed");
        assertThat(reader.read().get().rowNumber()).isEqualTo(4);
        assertThat(reader.read()).isNull();
        reader.close();
    }

    private ReadAheadStagingReader reader(Path file, Function<RawRow, StagedRow> compute) {
        return new ReadAheadStagingReader("test", file, 0, 1, (lastGood, e) -> {
            throw new AssertionError("not damaged", e);
        }, compute, workers, 100);
    }

    private static List<Integer> take(ReadAheadStagingReader reader, int n) throws Exception {
        List<Integer> rows = new ArrayList<>();
        Future<StagedRow> next;
        while (rows.size() < n && (next = reader.read()) != null) {
            rows.add(next.get().rowNumber());
        }
        return rows;
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static StagedRow staged(RawRow row) {
        return new StagedRow(row.rowNumber(), RowStatus.ACCEPTED, StagedRow.SubjectStore.ORG, "", row.cell(1), "", "", "",
                "", "", "{}".getBytes(StandardCharsets.UTF_8), "[]".getBytes(StandardCharsets.UTF_8), null, null, false, List.of(),
                null, null, null);
    }
}
