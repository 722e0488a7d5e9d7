package oms.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The objects one kustomize build printed, looked up by kind and name, with map-walking helpers. */
record Manifests(List<Map<String, Object>> objects) {

    static Manifests of(List<Map<String, Object>> objects) {
        return new Manifests(objects);
    }

    List<Map<String, Object>> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> find(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(at(o, "metadata", "name"))).findFirst().orElse(null);
    }

    Map<String, Object> one(String kind, String name) {
        List<Map<String, Object>> found = all(kind).stream().filter(o -> name.equals(at(o, "metadata", "name"))).toList();
        assertEquals(1, found.size(), "expected one " + kind + " " + name);
        return found.get(0);
    }

    /** A container's environment: its ConfigMaps (envFrom) and then its literal values. */
    Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> source : list(container.get("envFrom"))) {
            Object name = at(source, "configMapRef", "name");
            if (name != null) {
                map(at(one("ConfigMap", name.toString()), "data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        for (Map<String, Object> variable : list(container.get("env"))) {
            if (variable.containsKey("value")) {
                env.put(String.valueOf(variable.get("name")), String.valueOf(variable.get("value")));
            }
        }
        return env;
    }

    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(at(workload, "spec", "template", "spec", "containers"));
    }

    static boolean selects(Object matchLabels, Map<String, Object> labels) {
        Map<String, Object> selector = map(matchLabels);
        return !selector.isEmpty() && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object node) {
        return node instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
