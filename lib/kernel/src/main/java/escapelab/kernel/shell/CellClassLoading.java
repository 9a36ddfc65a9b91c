package escapelab.kernel.shell;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.execution.LoaderDelegate;

/**
 * JShell's own class loading for cells, offered as a {@link LoaderDelegate}. JShell's default
 * delegate is not public, but a {@link DirectExecutionControl} built without arguments holds one
 * and loads through it without further ado; so {@link SessionExecutionControl} loads cell classes
 * here and skips what {@code LocalExecutionControl.load} adds on newer JDKs (see there).
 */
final class CellClassLoading extends DirectExecutionControl implements LoaderDelegate {

    /** Creates JShell's default loader, which makes itself this thread's context class loader. */
    CellClassLoading() {
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, EngineTerminationException {
        try {
            super.load(classes);
        } catch (NotImplementedException impossible) { // the direct control loads, it does not refuse to
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        try {
            super.classesRedefined(classes);
        } catch (NotImplementedException | EngineTerminationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        return super.findClass(name);
    }
}
