package org.creditexchange.schedule;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.LocalDate;
import java.util.List;

/**
 * One year of the working-day calendar, as declared in {@code schedules/calendar-<year>.yaml} (the State Council's
 * notice of that year's holidays). A day is a working day when it is Monday–Friday and not a holiday, or when it is an
 * adjusted working day (调休上班).
 *
 * <pre>
 * year: 2026
 * source: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
 * holidays:
 *   - {name: 春节, from: 2026-02-15, to: 2026-02-23}   # inclusive; a single day: from only
 * adjusted-working-days:
 *   - {date: 2026-02-14, for: 春节}
 * </pre>
 *
 * @param year                the year; equal to the year in the file name
 * @param source              where the dates come from (the notice and its date)
 * @param holidays            days off (放假), as inclusive ranges; weekend days inside a range are allowed
 * @param adjustedWorkingDays weekend days that are working days (调休上班)
 */
public record CalendarDefinition(Integer year, String source, List<Holiday> holidays,
                                 List<AdjustedWorkingDay> adjustedWorkingDays) {

    public CalendarDefinition {
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        adjustedWorkingDays = adjustedWorkingDays == null ? List.of() : List.copyOf(adjustedWorkingDays);
    }

    /**
     * A holiday: the days {@code from} to {@code to}, both included.
     *
     * @param name the holiday's name (元旦, 春节 …)
     * @param from the first day off
     * @param to   the last day off; absent for a single day
     */
    public record Holiday(String name, @JsonDeserialize(using = CalendarDateText.class) LocalDate from,
                          @JsonDeserialize(using = CalendarDateText.class) LocalDate to) {

        /** The last day off: {@code to}, or {@code from} for a single day. */
        public LocalDate last() {
            return to == null ? from : to;
        }
    }

    /**
     * A weekend day worked in exchange for a holiday (调休上班).
     *
     * @param date       the Saturday or Sunday that is a working day
     * @param forHoliday the holiday it makes up for (YAML key {@code for}); optional, for the reader
     */
    public record AdjustedWorkingDay(@JsonDeserialize(using = CalendarDateText.class) LocalDate date,
                                     @JsonProperty("for") String forHoliday) {
    }
}
