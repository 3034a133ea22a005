package org.creditexchange.report.assessment;

import java.util.Optional;

/**
 * One assessment measure of a unit for a month: a numerator over a denominator, and the share that earns full marks
 * where the regulations set one.
 *
 * @param title            the measure's Chinese name, e.g. 入库率
 * @param definition       how it is counted, in Chinese, for the workbook (e.g. 入库行数 ÷ 接收行数)
 * @param numerator        what met the measure
 * @param denominator      what was measured; 0 when there was nothing to measure
 * @param fullMarksPercent the rate in percent at or above which the measure earns full marks, null when none is set
 */
public record Measure(String title, String definition, long numerator, long denominator, Integer fullMarksPercent) {

    public Measure {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(title + ": " + numerator + " / " + denominator);
        }
    }

    /** The rate between 0 and 1; empty when there was nothing to measure. */
    public Optional<Double> rate() {
        return denominator == 0 ? Optional.empty() : Optional.of((double) numerator / denominator);
    }

    /**
     * Whether the rate reaches full marks, exactly (no rounding): empty when no full-marks rate is set or there was
     * nothing to measure.
     */
    public Optional<Boolean> fullMarks() {
        if (fullMarksPercent == null || denominator == 0) {
            return Optional.empty();
        }
        return Optional.of(numerator * 100 >= (long) fullMarksPercent * denominator);
    }
}
