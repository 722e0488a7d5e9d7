package oms.inventory.web;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an {@code Integer} only from a JSON number that is whole and in range. The default
 * decoder truncates 1.5 to 1 and reads "3" or true as numbers, so a wrong quantity would be
 * silently changed; here it is a 400. Use on a property with
 * {@code @Serdeable.Deserializable(using = WholeNumber.class)}.
 */
@Singleton
public class WholeNumber implements Deserializer<Integer> {

    @Override
    public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                // Falls through: a fraction, out of int range, or not finite.
            }
        }
        throw decoder.createDeserializationException("must be a whole number from "
                + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE, value);
    }
}
