/**
 * Scheduling: the working-day calendars ({@code schedules/calendar-<year>.yaml}) and working-day arithmetic for
 * deadlines such as "within 7 working days of a decision".
 */
package org.creditexchange.schedule;
