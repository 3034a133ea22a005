package org.creditexchange.report.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * What the monthly assessment says about one source unit: its batches received in the month, their rows and the
 * measures computed from them.
 *
 * @param month       the month assessed (batches received in it, Asia/Shanghai)
 * @param unitCode    the unit's code
 * @param unitName    the unit's Chinese name
 * @param batches     every batch received in the month, oldest first
 * @param received    data rows of the processed batches (a file refused as a whole has no rows to count)
 * @param loaded      rows loaded (accepted, warnings included)
 * @param rejected    rows rejected
 * @param loadRate    入库率: rows loaded ÷ rows received (full marks ≥ 95%)
 * @param completeness 完整率: required data items filled ÷ data items required, over every row received
 * @param linkRate    关联率: loaded rows linked to a subject of the registry ÷ rows loaded
 * @param timeliness  及时率: first reports within 7 working days of the decision ÷ first reports with a delay
 * @param frontEnd    前置机报送占比: batches by a front-end machine ÷ batches
 * @param approximateDelays first reports whose delay was counted Monday–Friday (a year without calendar file)
 * @param rowReasons  rejected rows by error code, most frequent first
 * @param fileReasons batches refused as a whole, by problem code, most frequent first
 * @param lateRecords the late first reports (迟报), up to the workbook's limit, in batch and row order
 * @param lateCount   all late first reports
 */
public record UnitAssessment(YearMonth month, String unitCode, String unitName, List<BatchLine> batches,
                             long received, long loaded, long rejected, Measure loadRate, Measure completeness,
                             Measure linkRate, Measure timeliness, Measure frontEnd, long approximateDelays,
                             List<ReasonCount> rowReasons, List<ReasonCount> fileReasons, List<LateRecord> lateRecords,
                             long lateCount) {

    public UnitAssessment {
        batches = List.copyOf(batches);
        rowReasons = List.copyOf(rowReasons);
        fileReasons = List.copyOf(fileReasons);
        lateRecords = List.copyOf(lateRecords);
    }

    /** No batch received in the month (本月无报送). */
    public boolean nothingReceived() {
        return batches.isEmpty();
    }

    /** The measures in the order the workbooks show them. */
    public List<Measure> measures() {
        return List.of(loadRate, completeness, linkRate, timeliness, frontEnd);
    }

    /** How the unit delivered this month: 前置机, 手工报送, both, or — without batches. */
    public String deliveryMethods() {
        if (frontEnd.denominator() == 0) {
            return "—";
        }
        if (frontEnd.numerator() == frontEnd.denominator()) {
            return DeliveryMethod.FRONT_END.title();
        }
        return frontEnd.numerator() == 0 ? DeliveryMethod.MANUAL.title()
                : DeliveryMethod.FRONT_END.title() + "、" + DeliveryMethod.MANUAL.title();
    }

    /**
     * One batch of the month.
     *
     * @param status  DONE, REJECTED (refused as a whole), DUPLICATE, or not finished (RECEIVED, PROCESSING, FAILED)
     * @param late    late first reports in it
     */
    public record BatchLine(long id, String fileName, String itemTitle, OffsetDateTime receivedAt, DeliveryMethod method,
                            String status, long received, long loaded, long rejected, long late) {
    }

    /**
     * A problem code and how often it occurred.
     *
     * @param title its short Chinese name
     * @param count rows (row reasons) or batches (file reasons)
     */
    public record ReasonCount(String code, String title, long count) {
    }

    /** A first report received more than 7 working days after its decision. */
    public record LateRecord(long batchId, int rowNumber, String itemTitle, LocalDate decisionDate, LocalDate receivedOn,
                             int workingDays, boolean approximate) {
    }
}
