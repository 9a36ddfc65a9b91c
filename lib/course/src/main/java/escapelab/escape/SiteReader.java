package escapelab.escape;

import javassist.bytecode.AccessFlag;
import javassist.bytecode.BadBytecode;
import javassist.bytecode.BootstrapMethodsAttribute;
import javassist.bytecode.ClassFile;
import javassist.bytecode.CodeAttribute;
import javassist.bytecode.CodeIterator;
import javassist.bytecode.ConstPool;
import javassist.bytecode.MethodInfo;
import javassist.bytecode.Opcode;
import javassist.bytecode.SourceFileAttribute;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the allocation, boxing, lambda, string concatenation and lock sites of class files, with
 * their bytecode index and source line (Javassist walks the bytecode; its line table gives the lines).
 */
final class SiteReader {

    private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Character", "java.lang.Boolean", "java.lang.Float", "java.lang.Double");
    private static final String CONCAT = "string concatenation";
    private static final Map<Integer, String> PRIMITIVE_ARRAYS = Map.of(4, "boolean", 5, "char", 6, "float",
            7, "double", 8, "byte", 9, "short", 10, "int", 11, "long");

    private final ClassLoader loader;
    private final Map<String, Optional<ClassFile>> classFiles = new HashMap<>();
    private final Map<MethodRef, MethodInfo> methodsRead = new HashMap<>();
    private final Map<MethodRef, Blocks> blocksOf = new HashMap<>();

    /** @param loader where the classes that calls go to are looked up, to see which are synchronized */
    SiteReader(ClassLoader loader) {
        this.loader = loader;
    }

    /** Every site of one class file, in bytecode order per method. */
    List<Site> read(byte[] classBytes) {
        ClassFile file = parse(classBytes);
        SourceFileAttribute sourceAttribute = (SourceFileAttribute) file.getAttribute(SourceFileAttribute.tag);
        String source = sourceAttribute != null ? sourceAttribute.getFileName()
                : simpleName(file.getName()) + ".java";
        List<Site> sites = new ArrayList<>();
        for (MethodInfo method : file.getMethods()) {
            CodeAttribute code = method.getCodeAttribute();
            if (code != null) {
                readMethod(file, method, code, source, sites);
            }
        }
        return numberedOnTheirLines(sites);
    }

    /** Sites of the same name on the same line (two branches of a {@code ?:}) numbered in bytecode order. */
    private static List<Site> numberedOnTheirLines(List<Site> sites) {
        Map<String, Integer> perLine = new HashMap<>();
        for (Site site : sites) {
            perLine.merge(site.line() + " " + site.what(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<Site> numbered = new ArrayList<>();
        for (Site site : sites) {
            String key = site.line() + " " + site.what();
            if (site.line() < 0 || perLine.get(key) == 1) {
                numbered.add(site);
            } else {
                int nth = seen.merge(key, 1, Integer::sum);
                numbered.add(new Site(site.method(), site.bci(), site.line(), site.sourceFile(), site.kind(),
                        site.what(), nth));
            }
        }
        return numbered;
    }

    private void readMethod(ClassFile file, MethodInfo method, CodeAttribute code, String source, List<Site> sites) {
        MethodRef ref = new MethodRef(file.getName(), method.getName(), method.getDescriptor());
        methodsRead.put(ref, method);
        ConstPool pool = file.getConstPool();
        CodeIterator bytecode = code.iterator();
        Integer lastConstant = null;
        try {
            while (bytecode.hasNext()) {
                int bci = bytecode.next();
                int op = bytecode.byteAt(bci);
                String what = switch (op) {
                    case Opcode.NEW -> "new " + simpleName(pool.getClassInfo(bytecode.u16bitAt(bci + 1)));
                    case Opcode.NEWARRAY -> arrayOf(PRIMITIVE_ARRAYS.getOrDefault(bytecode.byteAt(bci + 1), "?"), lastConstant);
                    case Opcode.ANEWARRAY -> arrayOf(simpleName(pool.getClassInfo(bytecode.u16bitAt(bci + 1))), lastConstant);
                    case Opcode.MULTIANEWARRAY -> "new " + simpleName(pool.getClassInfo(bytecode.u16bitAt(bci + 1)));
                    case Opcode.MONITORENTER -> "lock (synchronized block)";
                    case Opcode.INVOKESTATIC, Opcode.INVOKEVIRTUAL, Opcode.INVOKESPECIAL, Opcode.INVOKEINTERFACE ->
                            call(pool, bytecode.u16bitAt(bci + 1), op == Opcode.INVOKEINTERFACE);
                    case Opcode.INVOKEDYNAMIC -> dynamic(file, bytecode.u16bitAt(bci + 1));
                    default -> null;
                };
                if (what != null) {
                    sites.add(new Site(ref, bci, method.getLineNumber(bci), source, kindOf(op, what), what));
                }
                lastConstant = constant(bytecode, bci, op);
            }
        } catch (BadBytecode e) {
            throw new IllegalStateException("cannot read the bytecode of " + ref.display() + ": " + e.getMessage(), e);
        }
    }

    /** The source line of a position in a class read so far, -1 if unknown. */
    int line(Frame frame) {
        MethodInfo method = methodsRead.get(frame.method());
        return method == null || frame.bci() < 0 ? -1 : method.getLineNumber(frame.bci());
    }

    /**
     * Whether a site is in the code a compiled copy runs: false when every path to it crosses
     * a branch side C2 cut off. Unknown methods count as reachable.
     */
    boolean compiled(Site site, int entry, Compilation.Reach reach) {
        MethodInfo method = methodsRead.get(site.method());
        if (method == null || method.getCodeAttribute() == null) {
            return true;
        }
        if (reach.cutTaken().isEmpty() && reach.cutFallThrough().isEmpty() && entry == 0) {
            return true;
        }
        try {
            Blocks blocks = blocksOf.get(site.method());
            if (blocks == null) {
                blocks = new Blocks(method);
                blocksOf.put(site.method(), blocks);
            }
            return blocks.reachable(site.bci(), entry, reach.cutTaken(), reach.cutFallThrough());
        } catch (BadBytecode e) {
            return true; // bytecode Javassist cannot split into blocks: judge the site as compiled
        }
    }

    private static Site.Kind kindOf(int op, String what) {
        return switch (op) {
            case Opcode.NEW -> Site.Kind.NEW;
            case Opcode.NEWARRAY, Opcode.ANEWARRAY, Opcode.MULTIANEWARRAY -> Site.Kind.ARRAY;
            case Opcode.MONITORENTER -> Site.Kind.LOCK;
            case Opcode.INVOKEDYNAMIC -> what.equals(CONCAT) ? Site.Kind.CONCAT
                    : what.startsWith("non-") ? Site.Kind.NON_CAPTURING_LAMBDA : Site.Kind.CAPTURING_LAMBDA;
            default -> what.startsWith("box ") ? Site.Kind.BOX : Site.Kind.LOCK;
        };
    }

    /**
     * An {@code invokedynamic} that makes a lambda or method reference (LambdaMetafactory) or
     * concatenates strings (StringConcatFactory) is a site; others (records' {@code toString},
     * pattern switches) are not.
     */
    private static String dynamic(ClassFile file, int index) {
        ConstPool pool = file.getConstPool();
        BootstrapMethodsAttribute table = (BootstrapMethodsAttribute) file.getAttribute(BootstrapMethodsAttribute.tag);
        if (table == null) {
            return null;
        }
        BootstrapMethodsAttribute.BootstrapMethod bootstrap = table.getMethods()[pool.getInvokeDynamicBootstrap(index)];
        String factory = pool.getClassInfo(pool.getMemberClass(pool.getMethodHandleIndex(bootstrap.methodRef)));
        if (factory.equals("java.lang.invoke.StringConcatFactory")) {
            return CONCAT;
        }
        if (!factory.equals("java.lang.invoke.LambdaMetafactory") || bootstrap.arguments.length < 2) {
            return null;
        }
        // The call site's type lists what is captured: ()Ljava/util/function/IntSupplier; captures nothing.
        boolean captures = !pool.getInvokeDynamicType(index).startsWith("()");
        // The second bootstrap argument is the method the lambda runs: javac names a lambda's body lambda$...
        int implementation = pool.getMethodHandleIndex(bootstrap.arguments[1]);
        String implementationName = pool.getUtf8Info(pool.getNameAndTypeName(pool.getMemberNameAndType(implementation)));
        String what = implementationName.startsWith("lambda$") ? "lambda" : "method reference";
        return (captures ? "capturing " : "non-capturing ") + what;
    }

    /** A boxing call or a call to a synchronized method is a site; other calls are not. */
    private String call(ConstPool pool, int index, boolean onInterface) {
        String owner = onInterface ? pool.getInterfaceMethodrefClassName(index) : pool.getMethodrefClassName(index);
        String name = onInterface ? pool.getInterfaceMethodrefName(index) : pool.getMethodrefName(index);
        String type = onInterface ? pool.getInterfaceMethodrefType(index) : pool.getMethodrefType(index);
        if (BOXES.contains(owner) && name.equals("valueOf") && type.length() > 1 && type.charAt(2) == ')'
                && type.charAt(1) != 'L') {
            return "box " + simpleName(owner);
        }
        if (!onInterface && isSynchronized(owner, name, type)) {
            return "lock " + simpleName(owner) + "." + name;
        }
        return null;
    }

    /** Looks the method up in the owner's class file, then its superclasses'. */
    private boolean isSynchronized(String owner, String name, String type) {
        String holder = owner;
        for (int depth = 0; holder != null && depth < 32; depth++) {
            Optional<ClassFile> file = classFile(holder);
            if (file.isEmpty()) {
                return false;
            }
            for (MethodInfo candidate : file.get().getMethods()) {
                if (candidate.getName().equals(name) && candidate.getDescriptor().equals(type)) {
                    return (candidate.getAccessFlags() & AccessFlag.SYNCHRONIZED) != 0;
                }
            }
            holder = file.get().getName().equals("java.lang.Object") ? null : file.get().getSuperclass();
        }
        return false;
    }

    private Optional<ClassFile> classFile(String name) {
        return classFiles.computeIfAbsent(name, n -> {
            try (InputStream in = loader.getResourceAsStream(n.replace('.', '/') + ".class")) {
                return in == null ? Optional.empty() : Optional.of(parse(in.readAllBytes()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static Integer constant(CodeIterator code, int bci, int op) {
        if (op >= Opcode.ICONST_0 && op <= Opcode.ICONST_5) {
            return op - Opcode.ICONST_0;
        }
        if (op == Opcode.BIPUSH) {
            return (int) (byte) code.byteAt(bci + 1);
        }
        if (op == Opcode.SIPUSH) {
            return code.s16bitAt(bci + 1);
        }
        return null;
    }

    private static String arrayOf(String element, Integer length) {
        return "new " + element + "[" + (length == null ? "" : length) + "]";
    }

    static String simpleName(String className) {
        String name = className.substring(className.lastIndexOf('.') + 1);
        return name.substring(name.lastIndexOf('$') + 1);
    }

    private static ClassFile parse(byte[] bytes) {
        try {
            return new ClassFile(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("not a class file", e);
        }
    }
}
