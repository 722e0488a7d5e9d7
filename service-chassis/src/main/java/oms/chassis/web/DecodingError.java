package oms.chassis.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.util.List;
import java.util.Optional;

/**
 * Names the JSON field a body failed to decode at ({@code items[1].quantity}) and why, from the
 * path the serializer records, instead of the framework's "Failed to convert argument [request]".
 */
final class DecodingError {

    private DecodingError() {
    }

    static Optional<Problem.FieldError> of(@Nullable Throwable error) {
        SerdeException outermost = null;
        Throwable innermost = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (outermost == null && t instanceof SerdeException serde) {
                outermost = serde;
            }
            innermost = t;
        }
        if (outermost == null) {
            return Optional.empty();
        }
        return Optional.of(new Problem.FieldError(field(outermost.getPath()), "invalid value: " + reason(innermost)));
    }

    /** The serializer lists the path innermost first. */
    private static String field(List<ReferencePath> path) {
        StringBuilder field = new StringBuilder();
        for (int i = path.size() - 1; i >= 0; i--) {
            ReferencePath step = path.get(i);
            if (step instanceof PropertyReferencePath property) {
                field.append(field.isEmpty() ? "" : ".").append(property.property().getName());
            } else if (step instanceof CollectionItemReferencePath item) {
                field.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                field.append('[').append(entry.key()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String reason(Throwable innermost) {
        return ClientMessage.of(innermost.getMessage());
    }
}
