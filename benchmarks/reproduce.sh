#!/bin/sh
# Reproduces every figure of the table "Targets of the speed work" in benchmarks/README.md, in
# about 12 minutes on two cores: the build, the JMH benchmarks (each engine figure beside the
# plain-Java baseline of the same run), the processor-time check, the memory run, and the cold
# command line (hyperfine when it is installed, else five timed runs of each command).
# Run from the repository root:  sh benchmarks/reproduce.sh [RESULTS_FOLDER]
# Results go to RESULTS_FOLDER (default target/bench-results), one file per part.
set -eu
out=${1:-target/bench-results}
mkdir -p "$out"
out=$(cd "$out" && pwd)
say() { printf '\n== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

say "machine"
{ date -u; nproc; uptime; java -version 2>&1; } | tee "$out/machine.txt"

say "build"
mvn -B -q package -DskipTests
bench="java -jar benchmarks/target/benchmarks.jar"

say "target 1: a fresh assessment (JMH, sample mode: mean and median), beside plain Java"
$bench AssessBenchmark -f 1 -wi 5 -w 1s -i 5 -r 1s -bm sample -rf json -rff "$out/assess.json" | tee "$out/assess.txt" | grep -E '^AssessBenchmark|p0.50'

say "target 1 and 2, processor time per operation (fresh, plain Java, one fact changed)"
java -cp benchmarks/target/benchmarks.jar org.threshold.benchmarks.CpuTimePerAssessment 5 0.5 | tee "$out/cpu-time.txt"

say "target 2: one fact changed in a live session and re-read (JMH), beside fresh and plain Java"
$bench IncrementalBenchmark -p scenario=moscow-struck,events30 -f 1 -wi 3 -w 1s -i 3 -r 1s -bm sample -rf json -rff "$out/incremental.json" | tee "$out/incremental.txt" | grep -E '^IncrementalBenchmark|p0.50'

say "target 4: ten years daily, 1,000 events, warm, beside plain Java as of each day"
$bench SimulateBenchmark -p mode=incremental,plainJavaDaily -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/simulate.json" | tee "$out/simulate.txt" | grep -E '^SimulateBenchmark'

say "target 5: heap over 10^6 assessments, two threads, one reasoner"
java -Xmx512m -cp benchmarks/target/benchmarks.jar org.threshold.benchmarks.MemoryStability 1000000 2 examples/scenarios | tee "$out/memory.txt"

say "target 3: the command line, cold (launcher and plain java -jar)"
cd examples
map="map scenarios/moscow-struck.yaml --x humiliation.weight.capital --y factions.hardliners.influence --resolution 200 --out $out/map.png"
if command -v hyperfine > /dev/null; then
    hyperfine -N -w 1 -r 5 --export-markdown "$out/cli.md" \
        "target/threshold --version" \
        "target/threshold assess scenarios/moscow-struck.yaml" \
        "target/threshold assess scenarios/moscow-struck.yaml --no-signposts" \
        "target/threshold simulate scenarios/conveyor-policy.yaml --step 7d" \
        "target/threshold $map" \
        "java -jar target/threshold.jar assess scenarios/moscow-struck.yaml" \
        "java -jar target/threshold.jar assess scenarios/moscow-struck.yaml --no-signposts" \
        | tee "$out/cli.txt"
else
    for c in "target/threshold --version" "target/threshold assess scenarios/moscow-struck.yaml" \
            "target/threshold assess scenarios/moscow-struck.yaml --no-signposts" \
            "target/threshold simulate scenarios/conveyor-policy.yaml --step 7d" "target/threshold $map"; do
        for i in 1 2 3 4 5; do
            /usr/bin/time -f "%e s wall, %U s user, %S s sys: $c" $c > /dev/null
        done
    done 2>&1 | tee "$out/cli.txt"
fi
cd ..
say "done: $out"
