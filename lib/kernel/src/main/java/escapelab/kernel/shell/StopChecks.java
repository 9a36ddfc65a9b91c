package escapelab.kernel.shell;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import jdk.jshell.execution.LocalExecutionControl;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The checks by which a cell's code stops when the learner interrupts it, on JDKs that can no
 * longer stop a thread (25, for one): JShell's {@link LocalExecutionControl} then weaves a call to
 * {@code REPL.$Cancel$.stopCheck()} into every method's start and before every backward branch,
 * and its {@code stop()} makes that call throw.
 *
 * <p>This class weaves the same calls, because JShell's own weaving cannot be used: it rebuilds
 * every method's stack map frames with the Class-File API, which looks classes up in the system
 * class loader, where neither the cells' classes nor the course's are. A cell such as
 * {@code p != null ? p : "none"}, which merges a {@code Layout} and a {@code String}, then fails
 * with "Could not resolve class Layout". The calls inserted here take and leave nothing on the
 * operand stack, so the frames javac wrote stay valid as they are and nothing is looked up.
 */
final class StopChecks {

    /** Whether this JDK's JShell stops cells by such checks: its local control then has the flag they read. */
    static final boolean NEEDED = Arrays.stream(LocalExecutionControl.class.getDeclaredFields())
            .anyMatch(field -> field.getName().equals("allStop"));

    private static final String CANCEL_CLASS = "REPL/$Cancel$";
    private static final String STOP_CHECK = "stopCheck";

    private StopChecks() {
    }

    /** The class with the checks woven in, or as it is where this JDK's JShell does not use them. */
    static byte[] woven(byte[] classFile) {
        if (!NEEDED) {
            return classFile;
        }
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Weaving(super.visitMethod(access, name, descriptor, signature, exceptions));
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class Weaving extends MethodVisitor {

        private final Set<Label> seen = new HashSet<>();

        Weaving(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            stopCheck();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label target) {
            if (seen.contains(target)) { // a backward branch: a loop
                stopCheck();
            }
            super.visitJumpInsn(opcode, target);
        }

        private void stopCheck() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, CANCEL_CLASS, STOP_CHECK, "()V", false);
        }
    }
}
