"""What a learner waits for, measured in one run on this machine, beside the JMH archetype's flow.

Usage: python3 tests/measure_course.py [--no-course] [--no-archetype] [--save PATH] [--against PATH]

Prints:
1. The edit-compile-run loop of a %%jmh cell with two benchmarks in the quick profile (1.8 s of
   configured JMH time): the first run in a fresh kernel (sent at once, in three kernels with the
   kernel's warm-up on and three with it off (ESCAPELAB_WARMUP=off), and in another fresh kernel
   10 s after it is ready, as after reading the task), then the median of three edited runs,
   each as seconds over the configured time, with forks started ahead of time and without
   (ESCAPELAB_STANDBY_FORKS=off): the first cell sent 10 s after the kernel is ready (as after
   reading the task) and each edit 5 s after the run before (as a learner edits), and all sent
   one after the other from the kernel's start; and one fork's cost and a %%jmh cell's compile with
   the cells' class path cut (the default) and whole (ESCAPELAB_FORK_CLASSPATH=whole); and one fork's first run in a fresh
   kernel with the host's warm-up on and off (ESCAPELAB_WARMUP=off); a fresh kernel's first vm()
   (JOL's start) with and without the Serviceability Agent's attempt; a notebook's first %%jmh
   cell in a fresh kernel, read from the cells setup precompiled and compiled (ESCAPELAB_PRECOMPILED=off).
2. The same benchmarks in the JMH archetype's flow (a Maven project built offline with
   `mvn -o -q package`, run with `java -jar target/benchmarks.jar`), edited and run three times.
3. The whole course (00-13) run as Run All in turn in the quick profile: each notebook's time and
   every check's verdict; then the course again with the forks' compile log off
   (ESCAPELAB_COMPILE_LOG=off: the reports read from runs are refused there, the runs are not), and each benchmark's bytes per operation and time in both runs,
   read from the exported JMH JSON: bytes per operation must be the same; and once more with no fork
   started ahead of time (ESCAPELAB_STANDBY_FORKS=off): the same bytes and the same verdicts.
Not part of the test run: it takes about 25 minutes and its figures need a quiet machine.
"""
import glob
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat

from kernel_messages import start_kernel
from notebook_runs import KERNEL_NAME, NOTEBOOKS, execute, texts

CONFIGURED = 2 * 0.9  # two benchmarks, each 2 x 300 ms warm-up and 3 x 100 ms measurement

BENCHMARK = """import org.openjdk.jmh.annotations.*;
import java.util.concurrent.TimeUnit;

@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Loop {
    int x = %d, y = 4;

    @Benchmark
    public int valueReturn() {
        int[] p = {x, y};
        return p[0] + p[1];
    }

    @Benchmark
    public int[] pointerReturn() {
        return new int[] {x, y};
    }
}
"""

ONE_FORK = """%%jmh
import org.openjdk.jmh.annotations.*;
@State(Scope.Thread) @Fork(1) @Warmup(iterations = 0) @Measurement(iterations = 1, time = 10, timeUnit = java.util.concurrent.TimeUnit.MILLISECONDS)
public class OneFork {
    @Benchmark public int nothing() { return 1; }
}
"""


def run_cell(kc, code):
    started = time.monotonic()
    reply = kc.execute_interactive(code, timeout=600, output_hook=lambda m: None)
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"cell failed: {code[:60]}...: {reply['content'].get('evalue')}")
    return time.monotonic() - started


def kernel(env=None):
    return start_kernel(KERNEL_NAME, 120, env={**os.environ, **(env or {})})


READING_SECONDS = 10


def first_run_after(idle, env=None):
    """The first %%jmh cell and its run in a fresh kernel, sent `idle` seconds after it is ready."""
    km, kc = kernel(env)
    try:
        time.sleep(idle)
        return (run_cell(kc, "%%jmh\n" + BENCHMARK % 3),
                run_cell(kc, 'bench(Loop.class).profile(QUICK).run();'))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def first_run_at_once():
    """The first cell sent the moment the kernel is ready, in three fresh kernels with the kernel's
    warm-up on and three with it off, in turn: the warm-up's javac gives way to the cell's."""
    runs = {"on": [], "off": []}
    for _ in range(3):
        for label, env in (("on", {}), ("off", {"ESCAPELAB_WARMUP": "off"})):
            runs[label].append(first_run_after(0, env))
    for label, pairs in runs.items():
        over = [c + r - CONFIGURED for c, r in pairs]
        what = "first run in a fresh kernel, sent at once" if label == "on" else "the same, the warm-up off"
        print(f"  {what}: median {statistics.median(over):.2f} s over the configured time "
              f"({', '.join(f'{o:.2f}' for o in over)}; the cell's compile median "
              f"{statistics.median(c for c, _ in pairs):.2f} s)")


EDITING_SECONDS = 5


def edited_runs(env=None, idle=READING_SECONDS, editing=EDITING_SECONDS):
    """Three edited runs of the loop in one kernel, after its first: each edit's compile and run.
    The first cell is sent `idle` seconds after the kernel is ready, as after reading the task, and
    each edit `editing` seconds after the run before it ended, as a learner takes to edit."""
    km, kc = kernel(env)
    try:
        time.sleep(idle)
        run = 'bench(Loop.class).profile(QUICK).run();'
        run_cell(kc, "%%jmh\n" + BENCHMARK % 3)
        run_cell(kc, run)
        edited = []
        for i in range(3):
            time.sleep(editing)
            edited.append(run_cell(kc, "%%jmh\n" + BENCHMARK % (5 + i)) + run_cell(kc, run))
        return edited
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def loop_line(what, runs):
    return (f"  {what}: {', '.join(f'{s:.2f}' for s in runs)} s; "
            f"median overhead {statistics.median(runs) - CONFIGURED:.2f} s")


def edit_compile_run():
    off = {"ESCAPELAB_STANDBY_FORKS": "off"}
    edited, unready = edited_runs(), edited_runs(off)
    at_once, at_once_unready = edited_runs(idle=0, editing=0), edited_runs(off, idle=0, editing=0)
    print(f"edit, compile and run 2 benchmarks ({CONFIGURED:.1f} s of configured JMH time), in the kernel:")
    first_run_at_once()
    # A learner reads the task before the first cell: the kernel's warm-up has that time.
    compiled, ran = first_run_after(READING_SECONDS)
    print(f"  first run, sent {READING_SECONDS} s after the kernel is ready: {compiled + ran:.2f} s, "
          f"{compiled + ran - CONFIGURED:.2f} s over (the cell's compile {compiled:.2f} s, the run {ran:.2f} s)")
    print(loop_line(f"edited runs, the first cell sent {READING_SECONDS} s after the kernel is ready, each edit "
                    f"{EDITING_SECONDS} s after the run before", edited))
    print(loop_line("the same without forks started ahead of time (ESCAPELAB_STANDBY_FORKS=off)", unready))
    print(loop_line("edited runs sent one after the other from the kernel's start", at_once))
    print(loop_line("the same without forks started ahead of time", at_once_unready))


def fork_cost():
    """One fork of an empty benchmark (no warm-up, one 10 ms iteration), the median of five; and
    the loop's %%jmh cell compiled ten times, edited each time, in the same kernel (the last five)."""
    for label, env in (("cut (default)", {}), ("whole", {"ESCAPELAB_FORK_CLASSPATH": "whole"}),
                       ("cut, no fork started ahead of time", {"ESCAPELAB_STANDBY_FORKS": "off"})):
        km, kc = kernel(env)
        try:
            run_cell(kc, ONE_FORK)
            runs = [run_cell(kc, "bench(OneFork.class).profile(ANNOTATED).run();") for _ in range(5)]
            # Ten edits: javac's own code warms over the first ones; the last five are a learner's loop.
            compiles = [run_cell(kc, "%%jmh\n" + BENCHMARK % (30 + i)) for i in range(10)][5:]
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        print(f"  one fork, the cells' class path {label}: median {statistics.median(runs):.2f} s "
              f"({', '.join(f'{s:.2f}' for s in runs)}); the %%jmh cell's compile median "
              f"{statistics.median(compiles):.2f} s ({', '.join(f'{s:.2f}' for s in compiles)})")


def first_fork():
    """One empty fork's first and second run in a fresh kernel, 10 s after it is ready, with the
    host's warm-up (JMH's blackhole check, its JSON's reader, the table) on and off."""
    for label, env in (("on (the default)", {}), ("off", {"ESCAPELAB_WARMUP": "off"})):
        km, kc = kernel(env)
        try:
            time.sleep(READING_SECONDS)
            run_cell(kc, ONE_FORK)
            first, second = (run_cell(kc, "bench(OneFork.class).profile(ANNOTATED).run();") for _ in range(2))
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        print(f"  one fork, a fresh kernel's first run, the warm-up {label}: {first:.2f} s (its second run {second:.2f} s)")


def first_layout():
    """A fresh kernel's vm() (JOL's start), 10 s after it is ready, with JOL's Serviceability
    Agent attempt skipped (the default) and made (the property set to false at the JVM's start)."""
    for label, env in (("skipped (the default)", {}),
                       ("made", {"JDK_JAVA_OPTIONS": "-Djol.skipHotspotSAAttach=false"})):
        km, kc = kernel(env)
        try:
            time.sleep(READING_SECONDS)
            run_cell(kc, "1 + 1")
            seconds = run_cell(kc, "vm()")
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
        print(f"  a fresh kernel's first vm(), the Serviceability Agent's attempt {label}: {seconds:.2f} s")


ARCHETYPE_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.sample</groupId><artifactId>loop</artifactId><version>1.0</version>
  <properties>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <jmh.version>1.37</jmh.version><maven.compiler.release>17</maven.compiler.release>
  </properties>
  <dependencies>
    <dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-core</artifactId><version>${jmh.version}</version></dependency>
    <dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-generator-annprocess</artifactId><version>${jmh.version}</version><scope>provided</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version>
      <configuration><annotationProcessorPaths><path><groupId>org.openjdk.jmh</groupId><artifactId>jmh-generator-annprocess</artifactId><version>${jmh.version}</version></path></annotationProcessorPaths></configuration></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-shade-plugin</artifactId><version>3.6.0</version>
      <executions><execution><phase>package</phase><goals><goal>shade</goal></goals>
        <configuration><finalName>benchmarks</finalName>
          <transformers><transformer implementation="org.apache.maven.plugins.shade.resource.ManifestResourceTransformer"><mainClass>org.openjdk.jmh.Main</mainClass></transformer></transformers>
          <filters><filter><artifact>*:*</artifact><excludes><exclude>META-INF/*.SF</exclude><exclude>META-INF/*.DSA</exclude><exclude>META-INF/*.RSA</exclude></excludes></filter></filters>
        </configuration></execution></executions></plugin>
  </plugins></build>
</project>
"""


def archetype():
    project = tempfile.mkdtemp(prefix="jmh-archetype-")
    try:
        source = os.path.join(project, "src", "main", "java", "org", "sample")
        os.makedirs(source)
        with open(os.path.join(project, "pom.xml"), "w") as f:
            f.write(ARCHETYPE_POM)
        times = []
        for i in range(4):
            with open(os.path.join(source, "Loop.java"), "w") as f:
                f.write("package org.sample;\n" + BENCHMARK % (3 + i))
            started = time.monotonic()
            subprocess.run(["mvn", "-o", "-q", "package"], cwd=project, check=True, stdout=subprocess.DEVNULL)
            subprocess.run(["java", "-jar", "target/benchmarks.jar", "-f", "1", "-wi", "2", "-w", "300ms", "-i", "3",
                            "-r", "100ms", "-prof", "gc", "-jvmArgs", "-Xms1g -Xmx1g -XX:+UseParallelGC", "Loop"],
                           cwd=project, check=True, stdout=subprocess.DEVNULL)
            times.append(time.monotonic() - started)
        edited = times[1:]
        print("the same loop in the JMH archetype's flow (mvn -o -q package; java -jar target/benchmarks.jar):")
        print(f"  first build and run {times[0]:.2f} s; edited runs: {', '.join(f'{s:.2f}' for s in edited)} s; "
              f"median overhead {statistics.median(edited) - CONFIGURED:.2f} s")
    finally:
        shutil.rmtree(project, ignore_errors=True)


def course(env, label, **options):
    """Runs 00-13 in turn; returns {notebook: seconds}, {criterion: verdict}, {benchmark key: (B/op, score)}."""
    saved = dict(os.environ)
    os.environ.update(env)
    seconds, verdicts, measured = {}, {}, {}
    try:
        for path in sorted(glob.glob(os.path.join(NOTEBOOKS, "[0-9][0-9]-*.ipynb"))):
            name = os.path.basename(path)[:-len(".ipynb")]
            nb = nbformat.read(path, as_version=4)
            exported = tempfile.mkdtemp(prefix="submissions-")
            seconds[name] = execute(nb, exported, timeout=1800, **options)
            for line in "\n".join(texts(nb)).splitlines():
                match = re.match(r"\[(PASS|FAIL|OPEN)\] (.*?): ", line)
                if match:
                    verdicts[f"{name}: {match.group(2)}"] = match.group(1)
            for file in glob.glob(os.path.join(exported, name, "jmh", "*.json")):
                with open(file, encoding="utf-8") as f:
                    for r in json.load(f):
                        key = (name, os.path.basename(file)[:-5], r["benchmark"].rsplit(".", 1)[-1],
                               json.dumps(r.get("params") or {}, sort_keys=True), r.get("variant", ""))
                        norm = r["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", 0.0)
                        measured[key] = (norm, r["primaryMetric"]["score"], r["primaryMetric"]["scoreUnit"])
            shutil.rmtree(exported, ignore_errors=True)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    total = sum(seconds.values())
    print(f"the whole course, Run All of 00-13 in turn, quick, {label}: {total / 60:.1f} min ("
          + ", ".join(f"{n[:2]} {s:.0f}" for n, s in seconds.items()) + " s)")
    failed = [c for c, v in verdicts.items() if v == "FAIL"]
    print(f"  {len(verdicts)} checks: {sum(v == 'PASS' for v in verdicts.values())} met, {len(failed)} failed"
          + (": " + "; ".join(failed) if failed else "")
          + f", {sum(v == 'OPEN' for v in verdicts.values())} open (the learner's own analysis)")
    return seconds, verdicts, measured


def compare(on, off, what="the compile log"):
    """Bytes per operation with `what` on and off, benchmark by benchmark, and time per operation."""
    same, differ, ratios = 0, [], []
    for key in sorted(set(on) & set(off)):
        (b1, s1, unit), (b0, s0, _) = on[key], off[key]
        # Bytes per operation are whole bytes of the code C2 produced: equal within JMH's rounding.
        if abs(b1 - b0) <= max(0.5, 0.01 * max(b1, b0)):
            same += 1
        else:
            differ.append(f"{key[0]} {key[1]} {key[2]} {key[3]} {key[4]}: {b1:.1f} B/op with, {b0:.1f} without")
        if unit.endswith("/op") and s0 > 0:
            ratios.append(s1 / s0)
    print(f"bytes per operation with {what} and without: {same} of {len(set(on) & set(off))} "
          f"benchmark results the same" + ("" if not differ else "; differ: " + "; ".join(differ)))
    if ratios:
        print(f"  time per operation, with over without: median {statistics.median(ratios):.2f}, "
              f"quartiles {statistics.quantiles(ratios, n=4)[0]:.2f}-{statistics.quantiles(ratios, n=4)[2]:.2f} "
              f"over {len(ratios)} results (quick runs: each time is rough)")
    return not differ


def same_verdicts(these, those, what):
    changed = [f"{c}: {these.get(c)} with, {those.get(c)} without" for c in sorted(set(these) | set(those))
               if these.get(c) != those.get(c)]
    print(f"  verdicts with {what} and without: {len(these) - len(changed)} of {len(these)} the same"
          + ("" if not changed else "; " + "; ".join(changed)))
    return not changed


def against_saved(path, verdicts, measured):
    """Compares this course run with one saved by --save (another build's): every verdict, and
    each benchmark's bytes per operation (parameters naming a temporary file left out of its key)."""
    with open(path, encoding="utf-8") as f:
        saved = json.load(f)
    then = {tuple(k): v for k, v in saved["measured"]}
    now = {_stable(k): v for k, v in measured.items()}
    changed = {c: (saved["verdicts"].get(c), verdicts.get(c)) for c in set(saved["verdicts"]) | set(verdicts)
               if saved["verdicts"].get(c) != verdicts.get(c)}
    print(f"against {path}: {len(verdicts)} verdicts, {len(changed)} changed"
          + "".join(f"; {c}: {a} then, {b} now" for c, (a, b) in changed.items()))
    common = set(then) & set(now)
    differ = [k for k in common if abs(then[k][0] - now[k][0]) > max(0.5, 0.01 * max(then[k][0], now[k][0]))]
    print(f"  bytes per operation: {len(common) - len(differ)} of {len(common)} benchmark results the same"
          + "".join(f"; {' '.join(k)}: {then[k][0]:.1f} then, {now[k][0]:.1f} now" for k in sorted(differ)))
    return not changed and not differ


def _stable(key):
    return tuple(re.sub(r'"/tmp/[^"]*"', '"<temporary file>"', part) for part in key)


def first_notebook_cell():
    """A notebook's first %%jmh cell in a fresh kernel, sent right after vm() as Run All sends it:
    read from the cells setup precompiled (the default) and compiled by the kernel's cold javac
    (ESCAPELAB_PRECOMPILED=off); the median of three kernels each."""
    nb = nbformat.read(os.path.join(NOTEBOOKS, "01-first-escape.ipynb"), as_version=4)
    cell = next(c.source for c in nb.cells if c.cell_type == "code" and c.source.startswith("%%jmh"))
    for label, env in (("precompiled (the default)", {}), ("compiled", {"ESCAPELAB_PRECOMPILED": "off"})):
        times = []
        for _ in range(3):
            km, kc = kernel(env)
            try:
                run_cell(kc, "vm()")
                times.append(run_cell(kc, cell))
            finally:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        print(f"  notebook 01's first %%jmh cell in a fresh kernel, right after vm(), {label}: "
              f"median {statistics.median(times):.2f} s ({', '.join(f'{t:.2f}' for t in times)})")


def main(args):
    """--save PATH keeps the course's verdicts and bytes per operation; --against PATH compares
    with a run saved so (the course at another build, say)."""
    edit_compile_run()
    fork_cost()
    first_fork()
    first_layout()
    first_notebook_cell()
    if "--no-archetype" not in args:
        archetype()
    ok = True
    if "--no-course" not in args:
        _, verdicts, logged = course({}, "compile log on (the default)")
        if "--save" in args:
            with open(args[args.index("--save") + 1], "w", encoding="utf-8") as f:
                json.dump({"verdicts": verdicts, "measured": [[_stable(k), v] for k, v in logged.items()]}, f)
        if "--against" in args:
            ok = against_saved(args[args.index("--against") + 1], verdicts, logged)
        # Without the log, a report of a run has nothing to read and says so: its cells fail, the runs do not.
        _, _, unlogged = course({"ESCAPELAB_COMPILE_LOG": "off"}, "compile log off (reports of runs refused)",
                                allow_errors=True)
        ok = compare(logged, unlogged) and ok
        _, unready_verdicts, unready = course({"ESCAPELAB_STANDBY_FORKS": "off"}, "no fork started ahead of time")
        what = "forks started ahead of time"
        ok = compare(logged, unready, what) and same_verdicts(verdicts, unready_verdicts, what) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
