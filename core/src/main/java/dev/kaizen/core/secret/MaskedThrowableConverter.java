package dev.kaizen.core.secret;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %ex} (a logged exception's stack trace) with the {@link SecretValues} masked; {@code %maskedEx}. */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretValues.mask(super.convert(event));
    }
}
