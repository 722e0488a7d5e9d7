package oms.chassis.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Deserializers that take a JSON value only in its own type. The default ones coerce: "5" and 1.5
 * become the integer 5 and 1, 123 and ["x"] become strings. The contract makes a wrong type a 400,
 * so request fields use these through {@code @Serdeable.Deserializable(using = ...)}.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** A JSON integer that fits an int; nothing else. */
    @Singleton
    public static final class WholeNumber implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            if (value instanceof Integer i) {
                return i;
            }
            throw decoder.createDeserializationException(value instanceof Number
                    ? "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    : "must be a whole number", value);
        }
    }

    /** A JSON number, kept exact; a string such as "12.50" is refused. */
    @Singleton
    public static final class Decimal implements Deserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            throw decoder.createDeserializationException("must be a number", value);
        }
    }

    /** A JSON string; nothing else. */
    @Singleton
    public static final class Text implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            if (value instanceof String s) {
                return s;
            }
            throw decoder.createDeserializationException("must be a string", value);
        }
    }
}
