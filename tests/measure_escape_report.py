"""Times the escape report over a whole package, as task 9 runs it, in the `java` kernel.

Usage: python3 tests/measure_escape_report.py [RUNS]
Compiles two workloads in %%jmh cells, one over the course's own escapelab.check package, one
over a dependency's (Jackson's JSON parser, com.fasterxml.jackson.core.json), then times
`escapes(Workload.class).scope(AClassOfThePackage.class).run()` (JMH forks writing the compile
log, the log read, the package's bytecode judged) and prints the seconds and the counts task 9
needs. Target: under a minute on 2 cores. Not part of the test run; the Maven tests check the
counts.
"""
import os
import statistics
import sys
import time

from kernel_messages import start_kernel

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORKLOADS = os.path.join(ROOT, "lib", "course", "src", "test", "resources", "escape-workloads")
REPORTS = [("CheckWorkload", "Check.class", "escapelab.check"),
           ("JsonWorkload", "com.fasterxml.jackson.core.json.ReaderBasedJsonParser.class", "com.fasterxml.jackson.core.json")]


def run(kc, code):
    shown = []
    reply = kc.execute_interactive(code, timeout=600, output_hook=lambda m: shown.append(m))
    if reply["content"]["status"] != "ok":
        raise SystemExit("cell failed: " + "\n".join(reply["content"].get("traceback", [])))
    return [m["content"]["data"]["text/plain"] for m in shown if m["msg_type"] == "execute_result"]


def main(args):
    runs = int(args[0]) if args else 3
    km, kc = start_kernel("java", 120)
    try:
        for workload, anchor, package in REPORTS:
            with open(os.path.join(WORKLOADS, workload + ".java"), encoding="utf-8") as source:
                run(kc, "%%jmh\n" + source.read())
            seconds = []
            for _ in range(runs):
                started = time.monotonic()
                counts = run(kc, f"escapes({workload}.class).scope({anchor}).run().counts()")
                seconds.append(time.monotonic() - started)
                print(f"escape report over package {package}: {seconds[-1]:.1f} s")
            print(f"median {statistics.median(seconds):.1f} s over {runs} runs (target: under 60 s); "
                  f"load {os.getloadavg()[0]:.2f}")
            print("counts: " + counts[0])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
