#!/usr/bin/env bash
# Fuzzes the course's reference header parser (escapelab.parse.HeaderParser, notebook 13) for a
# minute with Jazzer, coverage-guided: libFuzzer prints a status line as it goes (#N NEW / pulse
# cov: ... corp: ...) and a summary at the end (#N DONE ... and "Done N runs in S second(s)").
# A crashing input is saved in lib/course/src/test/resources/escapelab/parse/
# HeaderParserFuzzTestInputs/parse/, where every test run (./course test) replays it from then
# on; the corpus the run grows stays in lib/course/.cifuzz-corpus/ (not committed).
# The minute is HeaderParserFuzzTest's @FuzzTest(maxDuration = "60s").
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAZZER_FUZZ=1
exec mvn -B -f "$ROOT/lib/pom.xml" -pl course -am test -Dtest=HeaderParserFuzzTest \
     -Dsurefire.failIfNoSpecifiedTests=false "$@"
