package escapelab.view;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import escapelab.measure.JolVm;
import escapelab.notebook.MimeBundle;
import org.openjdk.jol.vm.VirtualMachine;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts about the running JVM that decide how big an object is: whether references and class
 * pointers are compressed, how big object and array headers are, and how objects are aligned.
 *
 * @param javaVersion the {@code java.version} of this JVM, such as {@code 17.0.15}
 * @param vmName the {@code java.vm.name}, such as {@code OpenJDK 64-Bit Server VM}
 * @param compressedOops whether references are 4 bytes on a 64-bit VM
 * @param compressedClassPointers whether the class word of a header is 4 bytes on a 64-bit VM
 * @param objectHeaderSize bytes before the first field of an object
 * @param arrayHeaderSize bytes of an array's header, including its length
 * @param objectAlignment every object's size is a multiple of this many bytes
 * @param flags the HotSpot flags behind these values, as {@code -XX:} options separated by
 *     spaces; empty when the VM does not report them
 */
public record Vm(String javaVersion, String vmName, boolean compressedOops,
                 boolean compressedClassPointers, int objectHeaderSize, int arrayHeaderSize,
                 int objectAlignment, String flags) implements MimeBundle {

    /** The flags that change object layout; UseCompactObjectHeaders exists from JDK 24 on. */
    private static final List<String> LAYOUT_FLAGS = List.of(
            "UseCompressedOops", "UseCompressedClassPointers", "UseCompactObjectHeaders",
            "ObjectAlignmentInBytes");

    /** Checks the components; a {@code Vm} is usually obtained from {@link #current()}. */
    public Vm {
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(flags, "flags");
        if (objectHeaderSize <= 0 || arrayHeaderSize <= 0 || objectAlignment <= 0) {
            throw new IllegalArgumentException("header sizes and alignment must be positive, got "
                    + objectHeaderSize + ", " + arrayHeaderSize + ", " + objectAlignment);
        }
    }

    /**
     * Returns the running JVM's layout facts, as JOL measures them, together with the HotSpot
     * flags that explain them. Probed once: these facts cannot change while the JVM runs.
     *
     * @return the facts of this JVM
     */
    public static Vm current() {
        return Current.VM;
    }

    /**
     * Returns a one-line description, for example {@code OpenJDK 64-Bit Server VM 17.0.15,
     * compressed oops, compressed class pointers, 12-byte object header, 16-byte array header,
     * 8-byte alignment}.
     *
     * @return the description, without a trailing period
     */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(vmName).append(' ').append(javaVersion);
        s.append(compressedOops ? ", compressed oops" : ", uncompressed oops");
        s.append(compressedClassPointers ? ", compressed class pointers" : ", uncompressed class pointers");
        if (flags.contains("-XX:+UseCompactObjectHeaders")) {
            s.append(", compact object headers");
        }
        s.append(", ").append(objectHeaderSize).append("-byte object header");
        s.append(", ").append(arrayHeaderSize).append("-byte array header");
        s.append(", ").append(objectAlignment).append("-byte alignment");
        return s.toString();
    }

    /**
     * Returns the notebook views of {@link #describe()}: HTML that wraps between words (a
     * notebook's plain-text output may break a line inside a word) and the plain text.
     */
    @Override
    public Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText("<div style=\"" + WRAP_BETWEEN_WORDS + "\">" + MimeBundle.escapeHtml(describe())
                + "</div>", describe());
    }

    /**
     * Lines break between words; only a token too long for the line (a path, a long flag) breaks
     * inside.
     */
    private static final String WRAP_BETWEEN_WORDS = "white-space:normal;word-break:normal;overflow-wrap:anywhere";

    /** Returns {@link #describe()}, so that the VM reads the same in text as in the notebook. */
    @Override
    public String toString() {
        return describe();
    }

    /** Lazily probes the VM once, on first use, so that merely loading the class costs nothing. */
    private static final class Current {
        static final Vm VM = probe();
    }

    private static Vm probe() {
        VirtualMachine jol = JolVm.current();
        Optional<HotSpotDiagnosticMXBean> hotspot = hotspot();
        List<String> flags = new ArrayList<>();
        for (String name : LAYOUT_FLAGS) {
            hotspot.flatMap(bean -> option(bean, name)).ifPresent(value -> flags.add(flag(name, value)));
        }
        // The flags are the VM's own word; JOL's measured sizes are the fallback on VMs that do
        // not expose HotSpot flags (a compressed slot is smaller than a machine address).
        boolean oops = hotspot.flatMap(b -> option(b, "UseCompressedOops")).map(Boolean::parseBoolean)
                .orElse(jol.sizeOfField("oop") < jol.addressSize());
        boolean klass = hotspot.flatMap(b -> option(b, "UseCompressedClassPointers")).map(Boolean::parseBoolean)
                .orElse(jol.classPointerSize() > 0 && jol.classPointerSize() < jol.addressSize());
        return new Vm(System.getProperty("java.version", "?"), System.getProperty("java.vm.name", "?"),
                oops, klass, jol.objectHeaderSize(), jol.arrayHeaderSize(), jol.objectAlignment(),
                String.join(" ", flags));
    }

    private static Optional<HotSpotDiagnosticMXBean> hotspot() {
        try {
            return Optional.ofNullable(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
        } catch (RuntimeException | LinkageError notHotSpot) {
            // Not HotSpot, or jdk.management is absent: the flags are simply unknown.
            return Optional.empty();
        }
    }

    private static Optional<String> option(HotSpotDiagnosticMXBean bean, String name) {
        try {
            VMOption option = bean.getVMOption(name);
            return Optional.of(option.getValue());
        } catch (IllegalArgumentException unknownOnThisJdk) {
            return Optional.empty();
        }
    }

    private static String flag(String name, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return "-XX:" + ("true".equals(value) ? "+" : "-") + name;
        }
        return "-XX:" + name + "=" + value;
    }
}
