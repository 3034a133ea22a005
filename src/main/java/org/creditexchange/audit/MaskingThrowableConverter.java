package org.creditexchange.audit;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import org.creditexchange.catalog.code.IdNumberMasking;

/** Stack traces with every ID-number shape masked in their messages ({@code %mex} in logback-spring.xml). */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return IdNumberMasking.maskForLog(super.throwableProxyToString(tp));
    }
}
