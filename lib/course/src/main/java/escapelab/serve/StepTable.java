package escapelab.serve;

import escapelab.notebook.Mistake;

import escapelab.evidence.MeasuredTable;
import escapelab.evidence.Numbers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.List;

/**
 * The count at each step of the lesson side by side, the table the task asks for: bytes per
 * request on the server's threads (exact) with the rounds' spread, the scratch buffers' part
 * from JFR (estimated), the buffers borrowed and returned, and what the pool kept. Immutable.
 */
public final class StepTable implements MeasuredTable {

    private final List<PoolStep> steps;

    private StepTable(List<PoolStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * The steps in the order given.
     *
     * @throws Mistake if there is no step or one is null
     */
    public static StepTable of(PoolStep... steps) {
        if (steps == null || steps.length == 0 || java.util.Arrays.asList(steps).contains(null)) {
            throw new Mistake("give the measured steps, e.g. poolSteps(noPool, pooled, capped)");
        }
        return new StepTable(List.of(steps));
    }

    /** Returns the steps as a table. */
    @Override
    public Table table() {
        return Table.create(name()).addColumns(
                StringColumn.create("step", steps.stream().map(PoolStep::label).toList()),
                DoubleColumn.create("B/request", steps.stream().mapToDouble(s -> Numbers.round(s.bytesPerRequest())).toArray()),
                DoubleColumn.create("spread B", steps.stream().mapToDouble(s -> Numbers.round(s.spread())).toArray()),
                DoubleColumn.create("scratch B/request (JFR est.)",
                        steps.stream().mapToDouble(s -> Numbers.round(s.scratchBytesPerRequest())).toArray()),
                LongColumn.create("borrowed", steps.stream().mapToLong(PoolStep::borrowed).toArray()),
                LongColumn.create("returned", steps.stream().mapToLong(PoolStep::returned).toArray()),
                LongColumn.create("pool keeps B", steps.stream().mapToLong(PoolStep::retainedBytes).toArray()));
    }

    @Override
    public String name() {
        return "allocation per request at each step";
    }

    @Override
    public String caption() {
        return "Requests of " + PoolStep.BODY_BYTES + " bytes; B/request from the handler threads' allocation counters";
    }

    @Override
    public String toString() {
        return table().printAll();
    }
}
