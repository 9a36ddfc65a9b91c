package escapelab.kernel.errors;

/** Why a cell failed, already formatted for the learner; carries no kernel stack of its own. */
public final class CellFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ErrorReport report;

    /** @param report what the learner reads instead of a stack trace */
    public CellFailure(ErrorReport report) {
        super(report.value(), null, false, false);
        this.report = report;
    }

    /** What the learner reads. */
    public ErrorReport report() {
        return report;
    }
}
