/**
 * What a cell shows: charts of runs and series ({@link escapelab.view.Charts}), object layouts
 * and footprints (JOL), bytecode (javap), the VM's description, and sentences that read measured
 * numbers back ({@link escapelab.view.Note}).
 */
package escapelab.view;
