package oms.system;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A compose file read as plain YAML (merge keys resolved), with the few lookups the tests need. */
final class ComposeFile {

    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{(\\w+):-([^}]*)}");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}");

    private final Map<String, Object> top;

    private ComposeFile(Map<String, Object> top) {
        this.top = top;
    }

    static ComposeFile read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> top = new Yaml().load(reader);
            assertNotNull(top, file + " is empty");
            return new ComposeFile(top);
        }
    }

    Map<String, Object> top() {
        return top;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> services() {
        Object services = top.get("services");
        assertTrue(services instanceof Map<?, ?>, "no services");
        return (Map<String, Object>) services;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> section(String name) {
        Object definition = services().get(name);
        assertNotNull(definition, "compose has no service " + name);
        return (Map<String, Object>) definition;
    }

    /** The image with ${NAME:-default} taken at its default, or null. */
    String image(String name) {
        Object image = section(name).get("image");
        return image == null ? null : withDefaults(image.toString());
    }

    boolean isDatabase(String name) {
        String image = image(name);
        return image != null && image.startsWith("postgres:");
    }

    /** The environment in either compose form: a map, or a list of NAME=value. */
    Map<String, String> env(String name) {
        Object environment = section(name).get("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return env;
    }

    /** Host address ("" for all), published and container port of each entry, defaults taken. */
    List<String[]> ports(String name) {
        List<String[]> ports = new ArrayList<>();
        if (!(section(name).get("ports") instanceof List<?> entries)) {
            return ports;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> map) {
                ports.add(new String[] {String.valueOf(map.get("host_ip") == null ? "" : map.get("host_ip")),
                        withDefaults(String.valueOf(map.get("published"))), String.valueOf(map.get("target"))});
            } else {
                String[] parts = withDefaults(String.valueOf(entry)).split("/")[0].split(":");
                String host = parts.length == 3 ? parts[0] : "";
                String published = parts.length >= 2 ? parts[parts.length - 2] : "";
                ports.add(new String[] {host, published, parts[parts.length - 1]});
            }
        }
        return ports;
    }

    List<String> networks(String name) {
        Object networks = section(name).get("networks");
        if (networks instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        return networks instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    String healthcheck(String name) {
        Object healthcheck = section(name).get("healthcheck");
        assertTrue(healthcheck instanceof Map<?, ?>, name + " has no healthcheck");
        Object test = ((Map<?, ?>) healthcheck).get("test");
        assertNotNull(test, name + " healthcheck has no test");
        String text = test instanceof List<?> parts ? String.join(" ", parts.stream().map(String::valueOf).toList())
                : String.valueOf(test);
        assertFalse(text.isBlank() || text.equals("NONE"), name + " healthcheck is empty");
        return text;
    }

    String dependencyCondition(String service, String dependency) {
        Object dependsOn = section(service).get("depends_on");
        assertTrue(dependsOn instanceof Map<?, ?>, service + " needs depends_on in long form (with conditions)");
        Object entry = ((Map<?, ?>) dependsOn).get(dependency);
        assertTrue(entry instanceof Map<?, ?>, service + " does not depend on " + dependency);
        return String.valueOf(((Map<?, ?>) entry).get("condition"));
    }

    /** "${NAME:-default}" becomes "default"; the rest stays as written. */
    static String withDefaults(String value) {
        return DEFAULTED.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(2)));
    }

    /** The variable of a value written as "${NAME:?message}" (compose stops when it is unset). */
    static Optional<String> requiredVariable(String value) {
        Matcher required = REQUIRED.matcher(value == null ? "" : value);
        return required.matches() ? Optional.of(required.group(1)) : Optional.empty();
    }
}
