package escapelab.escape;

import javassist.bytecode.BadBytecode;
import javassist.bytecode.ClassFile;
import javassist.bytecode.CodeIterator;
import javassist.bytecode.MethodInfo;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Interpreter;
import org.objectweb.asm.tree.analysis.Value;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Where a value goes in its method, from the bytecode alone: the flows that can make an object
 * escape, as Go's {@code -m=2} lists them. ASM's analysis framework tracks, for every value on the
 * stack and in the locals, which instructions (or parameters) it can come from; a value from more
 * than one of them has passed a join.
 */
final class Flows {

    /** Where a value comes from besides an instruction's bytecode index (0 and up). */
    static final int UNKNOWN = -1_000_000;
    static final int NULL = -1_000_001;
    static final int CONSTANT = -1_000_002;

    /** A parameter's origin: {@code -1 - slot} ({@code this} is slot 0 of an instance method). */
    static int parameter(int slot) {
        return -1 - slot;
    }

    /** What a use does with the value. */
    enum Kind { STATIC_FIELD, FIELD, RETURN, CALL, ARRAY_STORE, ARRAY_INDEX, LOCK, THROW, CAPTURE, MERGE }

    /**
     * One use of the value that can make it escape.
     *
     * @param kind what the use does
     * @param bci where, in the method
     * @param name the field, or the method called ({@code Holder.name}), or empty
     * @param call the method called, for {@code CALL}
     * @param argument which slot of the callee receives the value, for {@code CALL}
     * @param other where the other operand comes from: the object stored into (FIELD), the array
     *              (ARRAY_STORE), the values merged with (MERGE)
     * @param index where an array store's index comes from
     */
    record Use(Kind kind, int bci, String name, MethodRef call, int argument, Set<Integer> other, Set<Integer> index) {
    }

    private final Function<String, Optional<byte[]>> classBytes;
    private final Map<MethodRef, Optional<Analyzed>> analyzed = new HashMap<>();

    /** @param classBytes the class file of a class by binary name (dots), if it can be read */
    Flows(Function<String, Optional<byte[]>> classBytes) {
        this.classBytes = classBytes;
    }

    /** The analysed frames of one method, with the bytecode index of each instruction. */
    private record Analyzed(MethodNode node, org.objectweb.asm.tree.analysis.Frame<Origins>[] frames, int[] bcis) {

        int indexOf(int bci) {
            for (int i = 0; i < bcis.length; i++) {
                if (bcis[i] == bci) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Whether the method's bytecode could be read and analysed. */
    boolean readable(MethodRef method) {
        return analysis(method).isPresent();
    }

    /**
     * The uses of the value with this origin (the node index of the instruction that makes it,
     * see {@link #nodeAt}, or {@link #parameter(int)}) that can make it escape, in bytecode order.
     */
    List<Use> uses(MethodRef method, int origin) {
        Optional<Analyzed> read = analysis(method);
        if (read.isEmpty()) {
            return List.of();
        }
        Analyzed a = read.get();
        List<Use> uses = new ArrayList<>();
        Set<Integer> mergedAt = new LinkedHashSet<>();
        for (int i = 0; i < a.bcis.length; i++) {
            org.objectweb.asm.tree.analysis.Frame<Origins> frame = a.frames[i];
            AbstractInsnNode insn = a.node.instructions.get(i);
            if (frame == null || insn.getOpcode() < 0) {
                continue;
            }
            int bci = a.bcis[i];
            int consumed = consumed(insn);
            for (int k = 0; k < consumed; k++) {
                Origins value = top(frame, k);
                if (value.from().contains(origin) && value.from().size() > 1 && mergedAt.isEmpty()) {
                    Set<Integer> others = new TreeSet<>(value.from());
                    others.remove(origin);
                    mergedAt.add(bci);
                    uses.add(new Use(Kind.MERGE, bci, "", null, -1, others, Set.of()));
                }
            }
            int array = arrayOperand(insn.getOpcode());
            if (array >= 0 && holds(top(frame, array), origin)
                    && !top(frame, array - 1).from().equals(Set.of(CONSTANT))) {
                uses.add(new Use(Kind.ARRAY_INDEX, bci, "", null, -1, Set.of(), top(frame, array - 1).from()));
            }
            switch (insn.getOpcode()) {
                case Opcodes.PUTSTATIC -> {
                    if (holds(top(frame, 0), origin)) {
                        FieldInsnNode f = (FieldInsnNode) insn;
                        uses.add(new Use(Kind.STATIC_FIELD, bci, simple(f.owner) + "." + f.name, null, -1, Set.of(), Set.of()));
                    }
                }
                case Opcodes.PUTFIELD -> {
                    if (holds(top(frame, 0), origin)) {
                        FieldInsnNode f = (FieldInsnNode) insn;
                        uses.add(new Use(Kind.FIELD, bci, f.name, null, -1, top(frame, 1).from(), Set.of()));
                    }
                }
                case Opcodes.AASTORE -> {
                    if (holds(top(frame, 0), origin)) {
                        uses.add(new Use(Kind.ARRAY_STORE, bci, "", null, -1, top(frame, 2).from(), top(frame, 1).from()));
                    }
                }
                case Opcodes.ARETURN -> {
                    if (holds(top(frame, 0), origin)) {
                        uses.add(new Use(Kind.RETURN, bci, "", null, -1, Set.of(), Set.of()));
                    }
                }
                case Opcodes.MONITORENTER -> {
                    if (holds(top(frame, 0), origin)) {
                        uses.add(new Use(Kind.LOCK, bci, "", null, -1, Set.of(), Set.of()));
                    }
                }
                case Opcodes.ATHROW -> {
                    if (holds(top(frame, 0), origin)) {
                        uses.add(new Use(Kind.THROW, bci, "", null, -1, Set.of(), Set.of()));
                    }
                }
                case Opcodes.INVOKEDYNAMIC -> {
                    for (int k = 0; k < consumed; k++) {
                        if (holds(top(frame, k), origin)) {
                            uses.add(new Use(Kind.CAPTURE, bci, "", null, -1, Set.of(), Set.of()));
                            break;
                        }
                    }
                }
                case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKESTATIC, Opcodes.INVOKEINTERFACE -> {
                    MethodInsnNode m = (MethodInsnNode) insn;
                    MethodRef callee = new MethodRef(m.owner.replace('/', '.'), m.name, m.desc);
                    Type[] args = Type.getArgumentTypes(m.desc);
                    boolean instance = insn.getOpcode() != Opcodes.INVOKESTATIC;
                    // Operand k from the top is the last argument for k = 0; its callee slot counts longs twice.
                    int slot = instance ? 1 : 0;
                    List<Integer> slots = new ArrayList<>();
                    if (instance) {
                        slots.add(0);
                    }
                    for (Type t : args) {
                        slots.add(slot);
                        slot += t.getSize();
                    }
                    for (int k = 0; k < consumed; k++) {
                        if (holds(top(frame, k), origin)) {
                            uses.add(new Use(Kind.CALL, bci, m.name.equals("<init>") ? callee.display() : simple(m.owner) + "." + m.name, callee,
                                    slots.get(consumed - 1 - k), Set.of(), Set.of()));
                        }
                    }
                }
                default -> { }
            }
        }
        return uses;
    }

    /** Where the array is among an array access's operands, counted from the top (the index is next above it), else -1. */
    private static int arrayOperand(int opcode) {
        return switch (opcode) {
            case Opcodes.AALOAD, Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.FALOAD, Opcodes.BALOAD,
                 Opcodes.CALOAD, Opcodes.SALOAD -> 1;
            case Opcodes.AASTORE, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.DASTORE, Opcodes.FASTORE,
                 Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> 2;
            default -> -1;
        };
    }

    private static boolean holds(Origins value, int origin) {
        return value.from().contains(origin);
    }

    private static Origins top(org.objectweb.asm.tree.analysis.Frame<Origins> frame, int k) {
        return frame.getStack(frame.getStackSize() - 1 - k);
    }

    /** How many stack operands an instruction consumes, as far as flows go (0 for the rest). */
    private static int consumed(AbstractInsnNode insn) {
        return switch (insn.getOpcode()) {
            case Opcodes.PUTSTATIC, Opcodes.ARETURN, Opcodes.MONITORENTER, Opcodes.ATHROW, Opcodes.GETFIELD,
                 Opcodes.ARRAYLENGTH, Opcodes.CHECKCAST, Opcodes.INSTANCEOF -> 1;
            case Opcodes.PUTFIELD, Opcodes.AALOAD, Opcodes.IALOAD, Opcodes.LALOAD, Opcodes.DALOAD, Opcodes.FALOAD,
                 Opcodes.BALOAD, Opcodes.CALOAD, Opcodes.SALOAD, Opcodes.IF_ACMPEQ, Opcodes.IF_ACMPNE -> 2;
            case Opcodes.AASTORE, Opcodes.IASTORE, Opcodes.LASTORE, Opcodes.DASTORE, Opcodes.FASTORE,
                 Opcodes.BASTORE, Opcodes.CASTORE, Opcodes.SASTORE -> 3;
            case Opcodes.INVOKEVIRTUAL, Opcodes.INVOKESPECIAL, Opcodes.INVOKEINTERFACE ->
                    Type.getArgumentTypes(((MethodInsnNode) insn).desc).length + 1;
            case Opcodes.INVOKESTATIC -> Type.getArgumentTypes(((MethodInsnNode) insn).desc).length;
            case Opcodes.INVOKEDYNAMIC -> Type.getArgumentTypes(((InvokeDynamicInsnNode) insn).desc).length;
            default -> 0;
        };
    }

    private Optional<Analyzed> analysis(MethodRef method) {
        return analyzed.computeIfAbsent(method, this::analyse);
    }

    @SuppressWarnings("unchecked")
    private Optional<Analyzed> analyse(MethodRef method) {
        Optional<byte[]> bytes = classBytes.apply(method.holder());
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        ClassNode node = new ClassNode();
        new ClassReader(bytes.get()).accept(node, ClassReader.SKIP_FRAMES);
        for (MethodNode m : node.methods) {
            if (m.name.equals(method.name()) && m.desc.equals(method.descriptor()) && m.instructions.size() > 0) {
                try {
                    int[] bcis = bcis(bytes.get(), method, m);
                    if (bcis == null) {
                        return Optional.empty();
                    }
                    Analyzer<Origins> analyzer = new Analyzer<>(new Tracker(m));
                    return Optional.of(new Analyzed(m, analyzer.analyze(node.name, m), bcis));
                } catch (AnalyzerException | RuntimeException e) {
                    return Optional.empty(); // bytecode the analysis cannot follow: no flows claimed
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The bytecode index of each node of ASM's instruction list (-1 for labels, lines and
     * frames): real instructions come in the order Javassist walks them, one for one.
     */
    private static int[] bcis(byte[] bytes, MethodRef method, MethodNode node) {
        try {
            ClassFile file = new ClassFile(new DataInputStream(new ByteArrayInputStream(bytes)));
            MethodInfo info = file.getMethod(method.name());
            for (MethodInfo candidate : file.getMethods()) {
                if (candidate.getName().equals(method.name()) && candidate.getDescriptor().equals(method.descriptor())) {
                    info = candidate;
                }
            }
            CodeIterator code = info.getCodeAttribute().iterator();
            int[] bcis = new int[node.instructions.size()];
            for (int i = 0; i < bcis.length; i++) {
                if (node.instructions.get(i).getOpcode() < 0) {
                    bcis[i] = -1;
                } else if (code.hasNext()) {
                    bcis[i] = code.next();
                } else {
                    return null;
                }
            }
            return code.hasNext() ? null : bcis;
        } catch (IOException | BadBytecode | RuntimeException e) {
            return null;
        }
    }

    private static String simple(String internalName) {
        return SiteReader.simpleName(internalName.replace('/', '.'));
    }

    /**
     * A value: its basic type (for sizes) and where it can come from.
     */
    record Origins(BasicValue basic, Set<Integer> from) implements Value {

        @Override
        public int getSize() {
            return basic.getSize();
        }
    }

    /** Tracks origins through copies and joins; a new object, array, box or lambda starts one. */
    private static final class Tracker extends Interpreter<Origins> {

        private final BasicInterpreter basic = new BasicInterpreter();
        private final MethodNode method;

        Tracker(MethodNode method) {
            super(Opcodes.ASM9);
            this.method = method;
        }

        private int index(AbstractInsnNode insn) {
            return method.instructions.indexOf(insn);
        }

        /** The value an instruction makes: its own origin for a site, unknown for other references. */
        private Origins made(AbstractInsnNode insn, BasicValue value, boolean site) {
            if (value == null) {
                return null;
            }
            if (site) {
                return new Origins(value, Set.of(index(insn)));
            }
            return new Origins(value, value.isReference() ? Set.of(UNKNOWN) : Set.of());
        }

        @Override
        public Origins newValue(Type type) {
            BasicValue value = basic.newValue(type);
            return value == null ? null : new Origins(value, Set.of());
        }

        @Override
        public Origins newParameterValue(boolean isInstanceMethod, int local, Type type) {
            BasicValue value = basic.newValue(type);
            return new Origins(value, value.isReference() ? Set.of(parameter(local)) : Set.of());
        }

        @Override
        public Origins newReturnTypeValue(Type type) {
            return newValue(type);
        }

        @Override
        public Origins newEmptyValue(int local) {
            return new Origins(BasicValue.UNINITIALIZED_VALUE, Set.of());
        }

        @Override
        public Origins newExceptionValue(org.objectweb.asm.tree.TryCatchBlockNode tryCatch,
                                         org.objectweb.asm.tree.analysis.Frame<Origins> handlerFrame, Type exceptionType) {
            return new Origins(basic.newValue(exceptionType), Set.of(UNKNOWN));
        }

        @Override
        public Origins newOperation(AbstractInsnNode insn) throws AnalyzerException {
            BasicValue value = basic.newOperation(insn);
            return switch (insn.getOpcode()) {
                case Opcodes.NEW -> made(insn, value, true);
                case Opcodes.ACONST_NULL -> new Origins(value, Set.of(NULL));
                case Opcodes.ICONST_M1, Opcodes.ICONST_0, Opcodes.ICONST_1, Opcodes.ICONST_2, Opcodes.ICONST_3,
                     Opcodes.ICONST_4, Opcodes.ICONST_5, Opcodes.BIPUSH, Opcodes.SIPUSH -> new Origins(value, Set.of(CONSTANT));
                default -> made(insn, value, false);
            };
        }

        @Override
        public Origins copyOperation(AbstractInsnNode insn, Origins value) {
            return value;
        }

        @Override
        public Origins unaryOperation(AbstractInsnNode insn, Origins value) throws AnalyzerException {
            BasicValue result = basic.unaryOperation(insn, value.basic());
            return switch (insn.getOpcode()) {
                case Opcodes.NEWARRAY, Opcodes.ANEWARRAY -> made(insn, result, true);
                case Opcodes.CHECKCAST -> value;
                default -> made(insn, result, false);
            };
        }

        @Override
        public Origins binaryOperation(AbstractInsnNode insn, Origins a, Origins b) throws AnalyzerException {
            return made(insn, basic.binaryOperation(insn, a.basic(), b.basic()), false);
        }

        @Override
        public Origins ternaryOperation(AbstractInsnNode insn, Origins a, Origins b, Origins c) {
            return null;
        }

        @Override
        public Origins naryOperation(AbstractInsnNode insn, List<? extends Origins> values) throws AnalyzerException {
            List<BasicValue> basics = values.stream().map(Origins::basic).toList();
            BasicValue result = basic.naryOperation(insn, basics);
            // A call's result is an origin of its own too: where the caller inlined it, the value
            // returned (an object made in the callee) goes on from there.
            boolean site = insn.getOpcode() != Opcodes.INVOKESPECIAL || !((MethodInsnNode) insn).name.equals("<init>");
            return made(insn, result, site);
        }

        @Override
        public void returnOperation(AbstractInsnNode insn, Origins value, Origins expected) {
        }

        @Override
        public Origins merge(Origins a, Origins b) {
            if (a.equals(b)) {
                return a;
            }
            Set<Integer> from = new TreeSet<>(a.from());
            from.addAll(b.from());
            BasicValue value = basic.merge(a.basic(), b.basic());
            Origins merged = new Origins(value, Set.copyOf(from));
            return merged.equals(a) ? a : merged;
        }
    }

    /**
     * Where the value a call at this bytecode index passes in the callee's slot comes from (slot 0
     * of an instance call is the receiver), empty if unknown.
     */
    Set<Integer> argumentOrigins(MethodRef method, int bci, int slot) {
        Optional<Analyzed> read = analysis(method);
        int i = nodeAt(method, bci);
        if (read.isEmpty() || i < 0 || read.get().frames[i] == null
                || !(read.get().node.instructions.get(i) instanceof MethodInsnNode call)) {
            return Set.of();
        }
        boolean instance = call.getOpcode() != Opcodes.INVOKESTATIC;
        List<Integer> slots = new ArrayList<>();
        int next = 0;
        if (instance) {
            slots.add(next++);
        }
        for (Type t : Type.getArgumentTypes(call.desc)) {
            slots.add(next);
            next += t.getSize();
        }
        int k = slots.indexOf(slot);
        return k < 0 ? Set.of() : top(read.get().frames[i], slots.size() - 1 - k).from();
    }

    /**
     * The constant a one-argument call at this bytecode index is given, where the instruction
     * just before pushes one ({@code Integer.valueOf(Integer.MAX_VALUE)}), else empty.
     */
    Optional<Long> constantArgument(MethodRef method, int bci) {
        Optional<Analyzed> read = analysis(method);
        int i = nodeAt(method, bci) - 1;
        while (read.isPresent() && i >= 0 && read.get().node.instructions.get(i).getOpcode() < 0) {
            i--;
        }
        if (read.isEmpty() || i < 0) {
            return Optional.empty();
        }
        AbstractInsnNode insn = read.get().node.instructions.get(i);
        int op = insn.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return Optional.of((long) (op - Opcodes.ICONST_0));
        }
        if (op == Opcodes.LCONST_0 || op == Opcodes.LCONST_1) {
            return Optional.of((long) (op - Opcodes.LCONST_0));
        }
        if (insn instanceof org.objectweb.asm.tree.IntInsnNode push && op != Opcodes.NEWARRAY) {
            return Optional.of((long) push.operand);
        }
        if (insn instanceof org.objectweb.asm.tree.LdcInsnNode ldc && ldc.cst instanceof Number n
                && !(n instanceof Float) && !(n instanceof Double)) {
            return Optional.of(n.longValue());
        }
        return Optional.empty();
    }

    /** The bytecode index of an origin that is an instruction of the method (its node index), else -1. */
    int bciOf(MethodRef method, int origin) {
        return origin < 0 ? -1 : analysis(method).map(a -> a.bcis[origin]).orElse(-1);
    }

    /** Whether the origin is the result of a call (not a site of its own, unless a boxing call). */
    boolean isCall(MethodRef method, int origin) {
        return origin >= 0 && analysis(method).map(a -> a.node.instructions.get(origin) instanceof MethodInsnNode m
                && !(m.name.equals("valueOf") && m.owner.startsWith("java/lang/"))).orElse(false);
    }

    /** The node index of the instruction at a bytecode index, -1 if none: the origin of the value it makes. */
    int nodeAt(MethodRef method, int bci) {
        return analysis(method).map(a -> a.indexOf(bci)).orElse(-1);
    }
}
