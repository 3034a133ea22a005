package org.creditexchange.intake.jdbc;

import org.creditexchange.support.FrontEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.creditexchange.intake.JdbcChannelDefinition.Pull;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Paging against a real in-process front-end database (H2): ties at the watermark, resumption, mistakes. */
class PullReaderTests {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 24, 2, 0);

    private Connection db;

    @BeforeEach
    void openFrontEnd() throws SQLException {
        db = DriverManager.getConnection("jdbc:h2:mem:fe-" + UUID.randomUUID());
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T (ID BIGINT, GXSJ TIMESTAMP, MC VARCHAR(50))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void keyedPagesSplitATieAtTheWatermarkWithoutLosingOrRepeatingARow() throws Exception {
        // given five rows sharing one timestamp between two others, read two at a time
        insert(1, T0.minusHours(1));
        for (int id = 2; id <= 6; id++) {
            insert(id, T0);
        }
        insert(7, T0.plusHours(1));
        Pull pull = new Pull(null, "admin-penalty", "T", null, "GXSJ", "ID");

        // when everything is read
        Recording r = read(pull, 2, PullPosition.START);

        // then every row comes once, in order, and pages end inside the tie on a key
        assertThat(r.ids).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(r.ends).extracting(p -> p.watermark() + "/" + p.key()).containsExactly(
                "2026-11-24 02:00:00/2", "2026-11-24 02:00:00/4", "2026-11-24 02:00:00/6", "2026-11-24 03:00:00/7");
        assertThat(r.result.rows()).isEqualTo(7);
    }

    @Test
    void withoutKeyAPageNeverEndsInsideAGroupOfEqualWatermarks() throws Exception {
        insert(1, T0.minusHours(1));
        for (int id = 2; id <= 6; id++) {
            insert(id, T0);
        }
        insert(7, T0.plusHours(1));
        insert(8, T0.plusHours(2));
        Pull pull = new Pull(null, "admin-penalty", "T", null, "GXSJ", null);

        Recording r = read(pull, 2, PullPosition.START);

        assertThat(r.ids).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8");
        assertThat(r.ids).hasSize(8);
        // the first page's two rows reach into the tie: the page takes the whole group (6 rows)
        assertThat(r.pageRows).containsExactly(6L, 2L);
        assertThat(r.ends).extracting(PullPosition::watermark).containsExactly("2026-11-24 02:00:00", "2026-11-24 04:00:00");
        assertThat(r.ends).allSatisfy(p -> assertThat(p.key()).isNull());
    }

    @Test
    void readingOnFromAPageEndBringsOnlyTheRowsNotYetRead() throws Exception {
        for (int id = 1; id <= 5; id++) {
            insert(id, T0);
        }
        Pull keyed = new Pull(null, "admin-penalty", "T", null, "GXSJ", "ID");
        Recording first = read(keyed, 2, PullPosition.START);
        PullPosition afterFirstPage = first.ends.get(0);

        // new rows arrive: one more at the same timestamp (a higher key), one later; row 1 is updated
        insert(6, T0);
        insert(7, T0.plusMinutes(5));
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE T SET GXSJ = TIMESTAMP '2026-11-24 02:10:00' WHERE ID = 1");
        }

        Recording rest = read(keyed, 2, afterFirstPage);

        assertThat(first.ids.subList(0, 2)).containsExactly("1", "2");
        assertThat(rest.ids).containsExactly("3", "4", "5", "6", "7", "1");
    }

    @Test
    void aTextWatermarkSortsAsTheDatabaseSortsIt() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE S (GXSJ CHAR(14), MC VARCHAR(10))");
            s.execute("INSERT INTO S VALUES ('20261124020000', 'a'), ('20261124020000', 'b'), ('20261125000000', 'c')");
        }
        Pull pull = new Pull(null, "admin-penalty", "S", null, "GXSJ", null);

        Recording all = read(pull, 1, PullPosition.START);
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO S VALUES ('20261126000000', 'd')");
        }
        Recording next = read(pull, 1, all.result.last());

        assertThat(all.rows).extracting(row -> row.get(1)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(all.result.last()).isEqualTo(new PullPosition(ValueKind.TEXT, "20261125000000", null, null));
        assertThat(next.rows).extracting(row -> row.get(1)).containsExactly("d");
    }

    @Test
    void valuesAreWrittenAsTextAndNullsAsEmpty() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE V (ID INT, GXSJ TIMESTAMP, JDRQ DATE, FK DECIMAL(18,6), BZ VARCHAR(10))");
            s.execute("INSERT INTO V VALUES (1, TIMESTAMP '2026-11-24 02:00:00.5', DATE '2026-10-15', 2.5, NULL)");
        }
        Recording r = read(new Pull(null, "x", "V", null, "GXSJ", "ID"), 10, PullPosition.START);

        assertThat(r.labels).containsExactly("ID", "GXSJ", "JDRQ", "FK", "BZ");
        assertThat(r.rows).containsExactly(List.of("1", "2026-11-24 02:00:00.5", "2026-10-15", "2.500000", ""));
    }

    @Test
    void aMissingWatermarkColumnIsNamed() {
        Pull pull = new Pull(null, "admin-penalty", "T", null, "UPDATED", "ID");

        assertThatThrownBy(() -> read(pull, 2, PullPosition.START)).isInstanceOf(SQLException.class);
        Pull keyMissing = new Pull(null, "admin-penalty", "T", null, "GXSJ", "NOPE");
        assertThatThrownBy(() -> {
            insert(1, T0);
            read(keyMissing, 2, PullPosition.START);
        }).isInstanceOf(SQLException.class).hasMessageContaining("NOPE");
    }

    @Test
    void anEmptyKeyIsRefused() throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("INSERT INTO T VALUES (NULL, TIMESTAMP '2026-11-24 02:00:00', 'x')");
        }
        Pull pull = new Pull(null, "admin-penalty", "T", null, "GXSJ", "ID");

        assertThatThrownBy(() -> read(pull, 2, PullPosition.START)).isInstanceOf(SQLException.class)
                .hasMessageContaining("key column ID is empty");
    }

    @Test
    void nothingNewLeavesThePositionWhereItWas() throws Exception {
        PullPosition at = new PullPosition(ValueKind.TIMESTAMP, "2026-11-24 02:00:00", ValueKind.INTEGER, "4");
        insert(3, T0);

        Recording r = read(new Pull(null, "x", "T", null, "GXSJ", "ID"), 2, at);

        assertThat(r.ids).isEmpty();
        assertThat(r.result.last()).isEqualTo(at);
        assertThat(r.result.pages()).isZero();
    }

    private void insert(int id, LocalDateTime at) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO T VALUES (?, ?, ?)")) {
            ps.setInt(1, id);
            ps.setObject(2, at);
            ps.setString(3, "row " + id);
            ps.executeUpdate();
        }
    }

    private Recording read(Pull pull, int pageSize, PullPosition from) throws Exception {
        Recording r = new Recording();
        r.result = new PullReader(db, pull, pageSize, 30).read(from, r);
        return r;
    }

    private static final class Recording implements PullReader.Sink {
        final List<String> ids = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        final List<PullPosition> ends = new ArrayList<>();
        final List<Long> pageRows = new ArrayList<>();
        List<String> labels;
        PullReader.Result result;

        @Override
        public void columns(List<String> l) {
            labels = l;
        }

        @Override
        public void row(List<String> cells) {
            rows.add(cells);
            ids.add(cells.get(0));
        }

        @Override
        public void pageEnd(PullPosition after, long rowsInPage) {
            ends.add(after);
            pageRows.add(rowsInPage);
        }
    }
}
