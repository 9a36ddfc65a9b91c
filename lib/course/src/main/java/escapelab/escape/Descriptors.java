package escapelab.escape;

import java.util.Map;

/** Type names as the compile log writes them, turned into JVM descriptors, and back for primitives. */
final class Descriptors {

    private static final Map<String, String> PRIMITIVES = Map.of("int", "I", "long", "J", "boolean", "Z",
            "byte", "B", "char", "C", "short", "S", "float", "F", "double", "D", "void", "V");

    private Descriptors() {
    }

    /** {@code I} → {@code int}: a primitive type's source name from its descriptor letter. */
    static String sourceName(char letter) {
        return PRIMITIVES.entrySet().stream().filter(e -> e.getValue().charAt(0) == letter).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not a primitive descriptor: " + letter));
    }

    /** {@code int} → {@code I}; {@code java.lang.String} → {@code Ljava/lang/String;}; {@code [I} stays. */
    static String of(String logged) {
        String primitive = PRIMITIVES.get(logged);
        if (primitive != null) {
            return primitive;
        }
        if (logged.startsWith("[")) {
            return logged.replace('.', '/');
        }
        return "L" + logged.replace('.', '/') + ";";
    }
}
