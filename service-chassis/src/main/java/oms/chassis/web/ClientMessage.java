package oms.chassis.web;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client is told about its malformed input. Parser and framework messages name classes,
 * settings and source locations; the contract keeps those out of every problem's detail.
 */
final class ClientMessage {

    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]{0,64})]");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,64})'");
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|java|jackson|micronaut|serde|oms\\.|class|constraints|\\b[a-z]+\\.[a-z]+\\.[a-z]|sql|error:");
    private static final int MAX_LENGTH = 200;

    private ClientMessage() {
    }

    static String of(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return "invalid value";
        }
        String message = raw.lines().findFirst().orElse(raw).strip();
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return "unknown field '" + printable(unknown.group(1)) + "'";
        }
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.find()) {
            return "key '" + printable(duplicate.group(1)) + "' given twice";
        }
        if (message.contains("nesting depth") || message.contains("depth exceeded") || message.contains("Maximum depth")) {
            return "nested deeper than allowed";
        }
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return "not valid UTF-8";
        }
        if (INTERNALS.matcher(message).find()) {
            return "malformed JSON";
        }
        return printable(message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "…" : message);
    }

    /** A field name echoed back must not smuggle control characters into the answer or the logs. */
    private static String printable(String s) {
        return s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
