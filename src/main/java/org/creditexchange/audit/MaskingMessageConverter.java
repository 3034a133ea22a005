package org.creditexchange.audit;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.creditexchange.catalog.code.IdNumberMasking;

/**
 * Log messages with every ID-number shape masked ({@code %mmsg} in logback-spring.xml): whatever a library or a
 * database puts into a message (a value quoted in a constraint error), the log never holds a clear ID number.
 */
public class MaskingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return IdNumberMasking.maskForLog(super.convert(event));
    }
}
