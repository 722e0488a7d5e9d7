package oms.system.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One way of spoiling a request body the schema allows; each is a client mistake the contract answers with a 4xx. */
enum HostileBody {
    NONE, CONTROL_CHARACTER, HUGE_NUMBER, MANY_DECIMALS, UNKNOWN_FIELD, DUPLICATE_KEY, DEEP_NESTING,
    LONG_STRING, INVALID_UTF8, WRONG_TYPE, NOT_JSON;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLACEHOLDER = "\"@@raw@@\"";

    /** The body as bytes on the wire, spoiled this way; {@code body} is a valid body of the operation. */
    byte[] apply(Map<String, Object> body, Random random) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        List<String> keys = new ArrayList<>(copy.keySet());
        String key = keys.isEmpty() ? "name" : keys.get(random.nextInt(keys.size()));
        String raw = null;
        switch (this) {
            case NONE -> { }
            case CONTROL_CHARACTER -> copy.put(key, "a" + (char) pickInt(random, 0, 1, 7, 8, 10, 13, 27, 127, 0x85, 0x9f) + "b");
            case HUGE_NUMBER -> raw = pick(random, "1e400", "-1e400", "123456789012345678901234567890",
                    "99999999999999999999.99", "9223372036854775808", "1E+2147483647");
            case MANY_DECIMALS -> raw = pick(random, "12.345", "0.001", "1.0000001", "99.999", "5.123456789");
            case UNKNOWN_FIELD -> copy.put(pick(random, "extra", "admin", "id", "status_", "__proto__"), true);
            case DUPLICATE_KEY -> { }
            case DEEP_NESTING -> {
                int depth = 1 + random.nextInt(3000);
                raw = "[".repeat(depth) + "]".repeat(depth);
            }
            case LONG_STRING -> copy.put(key, "x".repeat(pickInt(random, 201, 321, 1000, 20_000, 60_000)));
            case INVALID_UTF8, NOT_JSON -> { }
            case WRONG_TYPE -> copy.put(key, copy.get(key) instanceof String
                    ? pick(random, List.of(1), Map.of("a", 1), true, 1.5, 7)
                    : pick(random, List.of("1"), Map.of("a", 1), true, "12", "x"));
        }
        if (raw != null) {
            copy.put(key, "@@raw@@");
        }
        String text = write(copy);
        if (raw != null) {
            text = text.replace(PLACEHOLDER, raw);
        }
        if (this == DUPLICATE_KEY) {
            text = text.replaceFirst("\\{", "{\"" + key + "\": " + write(copy.getOrDefault(key, "x")) + ", ");
        }
        if (this == NOT_JSON) {
            text = text.substring(0, random.nextInt(Math.max(1, text.length())));
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (this == INVALID_UTF8) {
            // Bytes that start no UTF-8 sequence, whatever follows them.
            int at = Math.max(1, text.indexOf(':') + 3);
            byte[] spoiled = new byte[bytes.length + 2];
            System.arraycopy(bytes, 0, spoiled, 0, at);
            spoiled[at] = (byte) pickInt(random, 0xff, 0xfe, 0xf8, 0x80, 0xbf);
            spoiled[at + 1] = (byte) pickInt(random, 0x28, 0xa0, 0x41);
            System.arraycopy(bytes, at, spoiled, at + 2, bytes.length - at);
            return spoiled;
        }
        return bytes;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static int pickInt(Random random, int... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
