package escapelab.kernel.shell;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Redirects, in a class's bytecode, the calls and method references that would end the JVM to
 * {@link ExitGuard}. The replacements take the same arguments (a {@code Runtime} receiver becomes
 * the first argument), so the stack and frames stay as they are.
 */
final class ExitCallRewriter {

    private static final String GUARD = ExitGuard.class.getName().replace('.', '/');

    private ExitCallRewriter() {
    }

    /** The class with its exit calls redirected; the same array if it has none. */
    static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] changed = new boolean[1];
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return new Redirecting(super.visitMethod(access, name, descriptor, signature, exceptions), changed);
            }
        }, 0);
        return changed[0] ? writer.toByteArray() : classFile;
    }

    /** The guard's method for a call, or {@code null} if the call does not end the JVM. */
    private static String[] replacement(String owner, String name, String descriptor) {
        if (owner.equals("java/lang/System") && name.equals("exit") && descriptor.equals("(I)V")) {
            return new String[] {"exit", "(I)V"};
        }
        if (owner.equals("java/lang/Runtime") && (name.equals("exit") || name.equals("halt")) && descriptor.equals("(I)V")) {
            return new String[] {name, "(Ljava/lang/Runtime;I)V"};
        }
        return null;
    }

    private static final class Redirecting extends MethodVisitor {

        private final boolean[] changed;

        Redirecting(MethodVisitor next, boolean[] changed) {
            super(Opcodes.ASM9, next);
            this.changed = changed;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String[] guard = replacement(owner, name, descriptor);
            if (guard == null) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            } else {
                changed[0] = true;
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARD, guard[0], guard[1], false);
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            Object[] redirected = arguments.clone();
            for (int i = 0; i < redirected.length; i++) {
                if (redirected[i] instanceof Handle handle) {
                    String[] guard = replacement(handle.getOwner(), handle.getName(), handle.getDesc());
                    if (guard != null) {
                        changed[0] = true;
                        redirected[i] = new Handle(Opcodes.H_INVOKESTATIC, GUARD, guard[0], guard[1], false);
                    }
                }
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, redirected);
        }
    }
}
