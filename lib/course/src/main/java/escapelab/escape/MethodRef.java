package escapelab.escape;

import java.util.ArrayList;
import java.util.List;

/**
 * A method as both the compile log and the class files name it.
 *
 * @param holder the class's binary name with dots, e.g. {@code cells.FirstEscape$Point}
 * @param name the method's name, {@code <init>} for constructors
 * @param descriptor the JVM descriptor, e.g. {@code (II)Lcells/FirstEscape$Point;}
 */
public record MethodRef(String holder, String name, String descriptor) {

    /** Parses the log's form, {@code "cells.FirstEscape make (II)Lcells/FirstEscape$Point;"}. */
    static MethodRef parse(String logged) {
        String[] parts = logged.strip().split(" ");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a logged method: " + logged);
        }
        return new MethodRef(parts[0], parts[1], parts[2]);
    }

    /** The class's name without its package, nested classes joined by a dot: {@code FirstEscape.Point}. */
    public String simpleHolder() {
        return holder.substring(holder.lastIndexOf('.') + 1).replace('$', '.');
    }

    /**
     * {@code FirstEscape.valueReturn}; a constructor in words, {@code Point's constructor}, and a
     * static initializer likewise, as a learner reads them (see {@link #bytecodeName()}).
     */
    public String display() {
        return switch (name) {
            case "<init>" -> simpleHolder() + "'s constructor";
            case "<clinit>" -> simpleHolder() + "'s static initializer";
            default -> simpleHolder() + "." + name;
        };
    }

    /** {@code Point.<init>}: the class and the method's name as the class file has it. */
    public String bytecodeName() {
        return simpleHolder() + "." + name;
    }

    /**
     * The parameter types in source form without packages, from the descriptor:
     * {@code (Ljava/lang/String;D[I)V} gives {@code (String, double, int[])}.
     */
    public String parameters() {
        List<String> types = new ArrayList<>();
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            if (descriptor.charAt(i) == 'L') {
                int end = descriptor.indexOf(';', i);
                String binary = descriptor.substring(i + 1, end);
                type = binary.substring(binary.lastIndexOf('/') + 1).replace('$', '.');
                i = end + 1;
            } else {
                type = Descriptors.sourceName(descriptor.charAt(i));
                i++;
            }
            types.add(type + "[]".repeat(dims));
        }
        return "(" + String.join(", ", types) + ")";
    }

    /** The package the holder is in, empty for the unnamed package. */
    public String packageName() {
        int dot = holder.lastIndexOf('.');
        return dot < 0 ? "" : holder.substring(0, dot);
    }
}
