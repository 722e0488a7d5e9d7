package oms.chassis.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

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
                    : "must be a whole number", null);
        }
    }

    /** A JSON number, kept exact; a string such as "12.50", and a number beyond a double's range, are refused. */
    @Singleton
    public static final class Decimal implements Deserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
                return new BigDecimal(value.toString());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                if (!Double.isFinite(d)) {
                    throw decoder.createDeserializationException("number out of range", null);
                }
                // The shortest decimal that reads back as this double: the number as sent when it has
                // up to 15 significant digits, so "12.345" stays 12.345 and @Digits refuses it.
                return new BigDecimal(Double.toString(d));
            }
            throw decoder.createDeserializationException("must be a number", null);
        }
    }

    /**
     * A JSON string without control characters or unpaired surrogates; nothing else. Names and
     * emails take any other Unicode (accents, CJK, emoji).
     */
    @Singleton
    public static final class Text implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
                throws IOException {
            Object value = decoder.decodeArbitrary();
            if (!(value instanceof String s)) {
                throw decoder.createDeserializationException("must be a string", null);
            }
            if (!isPrintable(s)) {
                throw decoder.createDeserializationException("must not contain control characters", null);
            }
            return s;
        }

        static boolean isPrintable(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isISOControl(c)) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
