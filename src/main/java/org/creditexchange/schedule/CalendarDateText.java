package org.creditexchange.schedule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Reads a calendar date written {@code yyyy-MM-dd}, naming the accepted form when the text is not such a date. */
public final class CalendarDateText extends StdScalarDeserializer<LocalDate> {

    public CalendarDateText() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String text = p.getValueAsString();
        try {
            return LocalDate.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, text,
                    "'" + text + "' is not a date (write yyyy-MM-dd, e.g. 2026-02-15)");
        }
    }
}
