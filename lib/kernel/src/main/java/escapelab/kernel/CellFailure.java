package escapelab.kernel;

/** Why a cell failed, already formatted for the learner; carries no kernel stack of its own. */
final class CellFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ErrorReport report;

    CellFailure(ErrorReport report) {
        super(report.value(), null, false, false);
        this.report = report;
    }

    ErrorReport report() {
        return report;
    }
}
