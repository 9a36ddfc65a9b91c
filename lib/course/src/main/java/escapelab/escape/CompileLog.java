package escapelab.escape;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HotSpot's compile log ({@code -XX:+LogCompilation}) read with the JDK's StAX parser: every
 * compilation with its inlining tree, decisions and eliminations.
 *
 * <p>Ids in a {@code <task>} ({@code <method id=…>}, {@code <klass id=…>}) are local to it. Inlined
 * callees appear as nested {@code <parse>} elements after the {@code <bc bci=…>} of their call;
 * a method inlined late (string and boxing calls) appears as a top-level {@code <parse>} after a
 * {@code <late_inline>} whose {@code <jvms>} name the call.
 *
 * @param compilations every compilation in the order the log has them
 * @param complete false when the log ended early (a killed JVM): what came before is kept
 */
public record CompileLog(List<Compilation> compilations, boolean complete) {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    public CompileLog {
        compilations = List.copyOf(compilations);
    }

    /** Reads one log file. */
    public static CompileLog read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /** Reads a log from a stream; a stream that ends mid-element yields what was complete. */
    static CompileLog read(InputStream in) {
        List<Compilation> done = new ArrayList<>();
        TaskBuilder task = null;
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (xml.getLocalName().equals("task")) {
                        task = new TaskBuilder(xml);
                    } else if (task != null) {
                        task.start(xml);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && task != null) {
                    if (xml.getLocalName().equals("task")) {
                        done.add(task.build());
                        task = null;
                    } else {
                        task.end(xml.getLocalName());
                    }
                }
            }
            return new CompileLog(done, true);
        } catch (XMLStreamException e) {
            return new CompileLog(done, false);
        }
    }

    /** The state of one {@code <task>} while it is read. */
    private static final class TaskBuilder {

        private final int id;
        private final MethodRef root;
        private final int osrBci;
        private final boolean c2;
        private boolean succeeded;
        private final Map<String, String> typeNames = new HashMap<>();
        private final Map<String, MethodRef> methods = new HashMap<>();
        private final Deque<Parse> parses = new ArrayDeque<>();
        private final List<Compilation.Reach> reached = new ArrayList<>();
        private final List<InlineDecision> decisions = new ArrayList<>();
        private final List<Elimination> eliminations = new ArrayList<>();
        private final Set<List<Frame>> lateInlinesPlanned = new HashSet<>();
        private final Set<List<Frame>> lateInlinesDone = new HashSet<>();
        private MethodRef pendingCallee;
        private List<Frame> pendingCallSite;
        private boolean lateInlineCall;
        private List<Frame> jvms;
        private Elimination.Kind eliminating;
        private String eliminatingType = "";
        private String eliminatingHow = "";
        private List<Frame> lateInlineCallers = List.of();

        private record Parse(MethodRef method, List<Frame> callers, int[] lastBci, Set<Integer> cutTaken,
                             Set<Integer> cutFallThrough) {
        }

        TaskBuilder(XMLStreamReader xml) {
            id = Integer.parseInt(attr(xml, "compile_id", "-1"));
            root = MethodRef.parse(attr(xml, "method", "? ? ?"));
            osrBci = "osr".equals(attr(xml, "compile_kind", "")) ? Integer.parseInt(attr(xml, "osr_bci", "0")) : -1;
            // HotSpot writes level only when it is not the top tier: no level is C2.
            String level = attr(xml, "level", "4");
            c2 = level.equals("4");
        }

        void start(XMLStreamReader xml) {
            switch (xml.getLocalName()) {
                case "type", "klass" -> typeNames.put(attr(xml, "id", ""), attr(xml, "name", "?"));
                case "method" -> methods.put(attr(xml, "id", ""), method(xml));
                case "parse" -> startParse(methods.get(attr(xml, "method", "")));
                case "bc" -> {
                    if (!parses.isEmpty()) {
                        parses.peek().lastBci[0] = Integer.parseInt(attr(xml, "bci", "-1"));
                    }
                }
                case "call" -> {
                    pendingCallee = methods.get(attr(xml, "method", ""));
                    pendingCallSite = parses.isEmpty() ? null : callSite(parses.peek(), parses.peek().lastBci[0]);
                    lateInlineCall = false;
                }
                case "inline_success", "inline_fail" -> {
                    if (pendingCallee != null && pendingCallSite != null) {
                        decisions.add(new InlineDecision(pendingCallSite, pendingCallee,
                                xml.getLocalName().equals("inline_success"), attr(xml, "reason", "")));
                    }
                }
                case "inline_id" -> lateInlineCall = true;
                case "direct_call" -> {
                    if (lateInlineCall && !parses.isEmpty()) {
                        lateInlinesPlanned.add(callSite(parses.peek(), Integer.parseInt(attr(xml, "bci", "-1"))));
                    }
                }
                case "late_inline" -> jvms = new ArrayList<>();
                case "eliminate_allocation" -> startElimination(Elimination.Kind.ALLOCATION,
                        typeNames.getOrDefault(attr(xml, "type", ""), ""), "");
                case "eliminate_boxing" -> startElimination(Elimination.Kind.BOXING, "", "");
                case "eliminate_lock" -> startElimination(Elimination.Kind.LOCK, "", attr(xml, "kind", ""));
                case "jvms" -> {
                    MethodRef method = methods.get(attr(xml, "method", ""));
                    if (jvms != null && method != null) {
                        jvms.add(new Frame(method, Integer.parseInt(attr(xml, "bci", "-1"))));
                    }
                }
                case "uncommon_trap" -> {
                    // "taken never": the branch's target is cut off; "taken always": its fall-through.
                    String comment = attr(xml, "comment", "");
                    if (!parses.isEmpty() && attr(xml, "reason", "").equals("unstable_if")) {
                        int bci = Integer.parseInt(attr(xml, "bci", "-1"));
                        if (comment.equals("taken never")) {
                            parses.peek().cutTaken().add(bci);
                        } else if (comment.equals("taken always")) {
                            parses.peek().cutFallThrough().add(bci);
                        }
                    }
                }
                case "task_done" -> succeeded = attr(xml, "success", "0").equals("1");
                default -> { }
            }
        }

        void end(String name) {
            switch (name) {
                case "parse" -> {
                    if (!parses.isEmpty()) {
                        Parse done = parses.pop();
                        reached.add(new Compilation.Reach(done.method(), done.callers(), done.cutTaken(),
                                done.cutFallThrough()));
                    }
                }
                case "late_inline" -> {
                    if (jvms != null && !jvms.isEmpty()) {
                        lateInlinesDone.add(List.copyOf(jvms));
                        lateInlineCallers = List.copyOf(jvms);
                    }
                    jvms = null;
                }
                case "eliminate_allocation", "eliminate_boxing", "eliminate_lock" -> {
                    if (eliminating != null && jvms != null && !jvms.isEmpty()) {
                        eliminations.add(new Elimination(eliminating, jvms, eliminatingType, eliminatingHow));
                    }
                    eliminating = null;
                    jvms = null;
                }
                default -> { }
            }
        }

        private void startElimination(Elimination.Kind kind, String type, String how) {
            eliminating = kind;
            eliminatingType = type;
            eliminatingHow = how;
            jvms = new ArrayList<>();
        }

        private void startParse(MethodRef method) {
            if (method == null) {
                method = new MethodRef("?", "?", "?");
            }
            List<Frame> callers;
            if (parses.isEmpty()) {
                // The root, or a method inlined late: its callers are the late_inline's jvms.
                callers = lateInlineCallers;
                lateInlineCallers = List.of();
            } else {
                Parse caller = parses.peek();
                callers = callSite(caller, caller.lastBci[0]);
            }
            parses.push(new Parse(method, callers, new int[] {-1}, new HashSet<>(), new HashSet<>()));
        }

        private static List<Frame> callSite(Parse in, int bci) {
            List<Frame> chain = new ArrayList<>();
            chain.add(new Frame(in.method(), bci));
            chain.addAll(in.callers());
            return List.copyOf(chain);
        }

        private MethodRef method(XMLStreamReader xml) {
            String holder = typeNames.getOrDefault(attr(xml, "holder", ""), "?");
            StringBuilder descriptor = new StringBuilder("(");
            String arguments = attr(xml, "arguments", "").strip();
            if (!arguments.isEmpty()) {
                for (String argument : arguments.split(" +")) {
                    descriptor.append(Descriptors.of(typeNames.getOrDefault(argument, "?")));
                }
            }
            descriptor.append(')').append(Descriptors.of(typeNames.getOrDefault(attr(xml, "return", ""), "void")));
            return new MethodRef(holder, attr(xml, "name", "?"), descriptor.toString());
        }

        Compilation build() {
            return new Compilation(id, root, osrBci, c2, succeeded, reached, decisions, eliminations,
                    lateInlinesPlanned, lateInlinesDone);
        }

        private static String attr(XMLStreamReader xml, String name, String otherwise) {
            String value = xml.getAttributeValue(null, name);
            return value == null ? otherwise : value;
        }
    }
}
