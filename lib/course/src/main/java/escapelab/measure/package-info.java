/**
 * Measurements made inside the kernel's own JVM, not in JMH's forks: a
 * {@link escapelab.measure.Series} of points, {@link escapelab.measure.HeapGrowth} while results
 * are kept, a map's table as it grows ({@link escapelab.measure.MapGrowth}), this JVM's
 * allocation counters ({@link escapelab.measure.Memory}), JOL's view of it
 * ({@link escapelab.measure.JolVm}) and the scratch files a measurement needs
 * ({@link escapelab.measure.ScratchFolder}).
 */
package escapelab.measure;
