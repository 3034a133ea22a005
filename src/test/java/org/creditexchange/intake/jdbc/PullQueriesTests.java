package org.creditexchange.intake.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.creditexchange.intake.JdbcChannelDefinition.Pull;
import org.junit.jupiter.api.Test;

class PullQueriesTests {

    private static final Pull KEYED = new Pull(null, "admin-penalty", "CF_XZCF", null, "GXSJ", "ID");
    private static final Pull UNKEYED = new Pull(null, "admin-penalty", "qzj.CF_XZCF", null, "GXSJ", null);
    private static final PullPosition AT = new PullPosition(ValueKind.TIMESTAMP, "2026-11-24 02:00:00",
            ValueKind.INTEGER, "17");

    @Test
    void keyedFirstPageReadsEveryRowWithAWatermarkInWatermarkThenKeyOrder() {
        PullQueries.Query q = new PullQueries(KEYED, 2).keyedPage(PullPosition.START);

        assertThat(q.sql()).isEqualTo("SELECT * FROM CF_XZCF cx_src WHERE GXSJ IS NOT NULL ORDER BY GXSJ, ID LIMIT 2");
        assertThat(q.params()).isEmpty();
    }

    @Test
    void keyedNextPageResumesAfterTheLastKeyAtTheSameWatermark() {
        PullQueries.Query q = new PullQueries(KEYED, 5000).keyedPage(AT);

        assertThat(q.sql()).isEqualTo("SELECT * FROM CF_XZCF cx_src WHERE GXSJ > ? OR (GXSJ = ? AND ID > ?) "
                + "ORDER BY GXSJ, ID LIMIT 5000");
        LocalDateTime at = LocalDateTime.of(2026, 11, 24, 2, 0);
        assertThat(q.params()).containsExactly(new PullQueries.Param(ValueKind.TIMESTAMP, at),
                new PullQueries.Param(ValueKind.TIMESTAMP, at), new PullQueries.Param(ValueKind.INTEGER, 17L));
    }

    @Test
    void keyedPageAfterAWholeWatermarkSkipsThatWatermark() {
        PullQueries.Query q = new PullQueries(KEYED, 10).keyedPage(AT.wholeWatermark());

        assertThat(q.sql()).isEqualTo("SELECT * FROM CF_XZCF cx_src WHERE GXSJ > ? ORDER BY GXSJ, ID LIMIT 10");
        assertThat(q.params()).hasSize(1);
    }

    @Test
    void withoutKeyAPageIsBoundedByTheHighestWatermarkAmongTheNextRows() {
        PullQueries queries = new PullQueries(UNKEYED, 2);

        assertThat(queries.pageBound(PullPosition.START).sql()).isEqualTo("SELECT COUNT(*), MAX(cx_w) FROM (SELECT GXSJ "
                + "AS cx_w FROM qzj.CF_XZCF cx_src WHERE GXSJ IS NOT NULL ORDER BY GXSJ LIMIT 2) cx_page");
        assertThat(queries.pageBound(AT.wholeWatermark()).sql()).isEqualTo("SELECT COUNT(*), MAX(cx_w) FROM (SELECT GXSJ "
                + "AS cx_w FROM qzj.CF_XZCF cx_src WHERE GXSJ > ? ORDER BY GXSJ LIMIT 2) cx_page");
        PullPosition upTo = new PullPosition(ValueKind.TIMESTAMP, "2026-11-25 00:00:00", null, null);
        assertThat(queries.rowsUpTo(PullPosition.START, upTo).sql())
                .isEqualTo("SELECT * FROM qzj.CF_XZCF cx_src WHERE GXSJ <= ? ORDER BY GXSJ");
        PullQueries.Query next = queries.rowsUpTo(AT.wholeWatermark(), upTo);
        assertThat(next.sql()).isEqualTo("SELECT * FROM qzj.CF_XZCF cx_src WHERE GXSJ > ? AND GXSJ <= ? ORDER BY GXSJ");
        assertThat(next.params()).extracting(PullQueries.Param::value)
                .containsExactly(LocalDateTime.of(2026, 11, 24, 2, 0), LocalDateTime.of(2026, 11, 25, 0, 0));
    }

    @Test
    void aQueryIsReadAsASubSelect() {
        Pull pull = new Pull("penalties", "admin-penalty", null, "  SELECT a.*, b.MC FROM A a JOIN B b ON a.B = b.ID \n",
                "GXSJ", "ID");

        assertThat(new PullQueries(pull, 3).keyedPage(PullPosition.START).sql()).isEqualTo("SELECT * FROM (SELECT a.*, "
                + "b.MC FROM A a JOIN B b ON a.B = b.ID) cx_src WHERE GXSJ IS NOT NULL ORDER BY GXSJ, ID LIMIT 3");
    }
}
