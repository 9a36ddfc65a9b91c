package escapelab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escapelab.cell.BenchClass;
import escapelab.evidence.TypeNames;
import escapelab.measure.JolVm;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jol.info.ClassLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What JMH produced for a run, as a {@link BenchRun} keeps it: the results in the order the cell
 * declares them, JMH's text tables and JSON per variant, and the forked JVM's description.
 */
final class JmhOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Variant, Collection<RunResult>> byVariant;

    JmhOutput(Map<Variant, Collection<RunResult>> byVariant) {
        this.byVariant = byVariant;
    }

    /**
     * The course's results, per variant in source order.
     *
     * @param objectType the type counted in objects per operation, or null
     */
    List<BenchResult> results(List<BenchClass> classes, Class<?> objectType) {
        if (objectType != null) {
            JolVm.current();
        }
        double instanceSize = objectType == null ? Double.NaN : ClassLayout.parseClass(objectType).instanceSize();
        String typeName = objectType == null ? null : TypeNames.shortName(objectType);
        List<BenchResult> results = new ArrayList<>();
        byVariant.forEach((variant, runs) -> {
            List<BenchResult> ofVariant = new ArrayList<>();
            for (RunResult run : runs) {
                ofVariant.add(JmhResults.toResult(run, variant.label(), typeName, instanceSize));
            }
            // JMH sorts by name; the learner reads them in the order the cell declares them.
            ofVariant.sort(Comparator.comparingInt(r -> sourceOrder(classes, r)));
            results.addAll(ofVariant);
        });
        return results;
    }

    /**
     * "OpenJDK 64-Bit Server VM 17.0.15, forks with -Xms1g …", from what JMH reports of its forks.
     *
     * @param forkArgs the flags every fork had
     * @param variantFlags whether variants added flags of their own
     */
    String vm(List<String> forkArgs, boolean variantFlags) {
        for (Collection<RunResult> runs : byVariant.values()) {
            for (RunResult run : runs) {
                var params = run.getParams();
                return params.getVmName() + " " + params.getJdkVersion() + BenchRun.FORKS_WITH + String.join(" ", forkArgs)
                        + (variantFlags ? " plus each variant's flags" : "");
            }
        }
        return "no benchmark ran";
    }

    /** JMH's result tables, one per variant, each headed by its label and flags when there are several. */
    String text() {
        StringBuilder text = new StringBuilder();
        byVariant.forEach((variant, runs) -> {
            if (byVariant.size() > 1 || !variant.jvmArgs().isEmpty()) {
                text.append("# ").append(variant.label()).append(variant.jvmArgs().isEmpty() ? ""
                        : " " + String.join(" ", variant.jvmArgs())).append('\n');
            }
            text.append(write(ResultFormatType.TEXT, runs)).append('\n');
        });
        return text.toString().strip() + "\n";
    }

    /** Reads and writes a little JSON as {@link #json()} does, so that a first run finds Jackson loaded. */
    static void warm() throws IOException {
        ArrayNode all = JSON.createArrayNode();
        for (var node : JSON.readTree("[{\"benchmark\": \"warm\", \"primaryMetric\": {\"score\": 1.5}}]")) {
            ((ObjectNode) node).put("variant", "default");
            all.add(node);
        }
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }

    /** JMH's own JSON of every variant in one array, each result tagged with its variant's label. */
    String json() {
        ArrayNode all = JSON.createArrayNode();
        try {
            for (Map.Entry<Variant, Collection<RunResult>> entry : byVariant.entrySet()) {
                for (var node : JSON.readTree(write(ResultFormatType.JSON, entry.getValue()))) {
                    ((ObjectNode) node).put("variant", entry.getKey().label());
                    all.add(node);
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException("JMH wrote JSON that does not parse", e);
        }
    }

    private static String write(ResultFormatType type, Collection<RunResult> runs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultFormatFactory.getInstance(type, new PrintStream(out, true, StandardCharsets.UTF_8)).writeOut(runs);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int sourceOrder(List<BenchClass> classes, BenchResult result) {
        int offset = 0;
        for (BenchClass c : classes) {
            if (result.benchmark().startsWith(c.simpleName() + ".")) {
                return offset + c.benchmarks().indexOf(result.method());
            }
            offset += c.benchmarks().size();
        }
        return Integer.MAX_VALUE;
    }
}
