package escapelab.evidence;

/**
 * The short name of a type as a learner reads it in a table, a unit or a layout's title. Most
 * types go by their simple name; a lambda's class is hidden and generated at run time, and its
 * simple name ({@code $JShell$39$Capture$$Lambda$552/0x00007fb35912f208}) says little, so it is
 * named after the class that wrote the lambda: {@code Capture lambda}.
 */
public final class TypeNames {

    /** What the JDK puts between the host class's name and a lambda class's number. */
    private static final String LAMBDA_MARK = "$$Lambda";

    private TypeNames() {
    }

    /**
     * Returns the type's short name: {@code Integer}, {@code Capture lambda}; an anonymous class,
     * which has no simple name, goes by its binary name after the package ({@code Outer$1}).
     *
     * @throws NullPointerException if the type is null
     */
    public static String shortName(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf(LAMBDA_MARK);
        if (type.isHidden() && lambda > 0) {
            return simpleName(name.substring(0, lambda)) + " lambda";
        }
        String simple = type.getSimpleName();
        return simple.isEmpty() ? name.substring(name.lastIndexOf('.') + 1) : simple;
    }

    /**
     * {@code Capture} of {@code REPL.$JShell$39$Capture} or {@code a.b.Outer$Capture}: a JShell
     * cell's class is nested in a wrapper class, and nested classes' binary names hold a {@code $}.
     */
    public static String simpleName(String binaryName) {
        String afterPackage = binaryName.substring(binaryName.lastIndexOf('.') + 1);
        String simple = afterPackage.substring(afterPackage.lastIndexOf('$') + 1);
        return simple.isEmpty() ? afterPackage : simple;
    }
}
