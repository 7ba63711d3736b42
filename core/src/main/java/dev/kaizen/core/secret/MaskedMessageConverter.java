package dev.kaizen.core.secret;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %msg} with the {@link SecretValues} masked; {@code logback.xml} names it {@code %maskedMsg}. */
public final class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SecretValues.mask(super.convert(event));
    }
}
