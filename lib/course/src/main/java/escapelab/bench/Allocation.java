package escapelab.bench;

import escapelab.check.Check;
import escapelab.evidence.Numbers;

/**
 * What one benchmark allocates per operation, as a sentence reads it back: a read-back that is
 * built from the measurement stays true whatever the run measured.
 *
 * @param bytesPerOp bytes per operation
 * @param objectsPerOp objects per operation of the counted type, NaN when none was counted
 * @param objectType the counted type's simple name, or null
 */
public record Allocation(double bytesPerOp, double objectsPerOp, String objectType) {

    /** The allocation of one result. */
    public static Allocation of(BenchResult result) {
        return new Allocation(result.bytesPerOp(), result.objectsPerOp(), result.objectType());
    }

    /** Whether anything was allocated (at least {@value Check#NO_ALLOCATION_BELOW} B/op). */
    public boolean any() {
        return bytesPerOp >= Check.NO_ALLOCATION_BELOW;
    }

    /** {@code allocates nothing (≈0 B/op)}, {@code allocates 24 B/op (1 Point/op)}. */
    @Override
    public String toString() {
        String bytes = Numbers.quantity(bytesPerOp, "B/op");
        if (!any()) {
            return "allocates nothing (" + bytes + ")";
        }
        return "allocates " + bytes + (objectType == null || Double.isNaN(objectsPerOp) ? ""
                : " (" + Numbers.quantity(objectsPerOp, objectType + "/op") + ")");
    }
}
