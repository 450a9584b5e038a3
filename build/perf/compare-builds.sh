#!/usr/bin/env bash
# Two builds of the analyzer, compared in the same run: `all`-mode builds of one generated workload alternate between
# analyzer A (the baseline) and analyzer B (the change), A B, B A, A B, ... so that each adjacent pair shares the
# machine's load. Each build's ratios (ours / Csc, / BannedApiAnalyzers, / CA3001-CA3012) are taken within the build;
# the report gives, per pair, B's ratio over A's, and the median of those.
#
#   bash build/perf/compare-builds.sh <workload dir> <pairs> <A: FineTunePolicy.Analyzers.dll> <B: FineTunePolicy.Analyzers.dll> <out dir>
#
# PERF_A_ARGS and PERF_B_ARGS, when set, add MSBuild arguments to one side's builds (the same DLL twice with a rule configured
# differently, say: a property that the workload's project turns into an analyzer config file).
#
# The workload comes from run-build-benchmark.sh (PERF_OUT=/tmp/perf ... 500 leaves /tmp/perf/w500, restored). The two
# DLLs are copied first (each into a folder of its own: the compiler loads an analyzer by its assembly's file name).
set -euo pipefail

dir="$1"; pairs="$2"; a="$3"; b="$4"; out="$5"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="$(basename "$dir" | tr -cd 0-9)"
mkdir -p "$out/A" "$out/B" "$out/dll-A" "$out/dll-B"
cp "$a" "$out/dll-A/FineTunePolicy.Analyzers.dll"
cp "$b" "$out/dll-B/FineTunePolicy.Analyzers.dll"
echo "# started: $(date -u +%Y-%m-%dT%H:%M:%SZ), $pairs pairs, A=$a, B=$b" > "$out/run-info.txt"

side_args() { if [ "$1" = A ]; then echo "${PERF_A_ARGS:-}"; else echo "${PERF_B_ARGS:-}"; fi; }

build() { # side, rep
  dotnet build "$dir/Workload.csproj" --no-restore --no-incremental -nologo -v:q -clp:NoSummary -p:PerfAnalyzers=all \
    -p:ReportAnalyzer=true -p:FineTunePolicyAnalyzerPath="$out/dll-$1/FineTunePolicy.Analyzers.dll" $(side_args "$1") \
    -flp:"v=d;PerformanceSummary;logfile=$out/$1/n$n-all-$2.log" > /dev/null
}

# One warm-up build, not counted.
build A 0 && rm -f "$out/A/n$n-all-0.log"
for rep in $(seq 1 "$pairs"); do
  if [ $((rep % 2)) = 1 ]; then build A "$rep"; build B "$rep"; else build B "$rep"; build A "$rep"; fi
  echo "   pair $rep done"
done

for side in A B; do
  dotnet run --file "$repo/build/perf/Summarize.cs" -- "$out/$side" "$out/run-info.txt" "$out/$side.tsv" "$out/$side.md" > /dev/null
done

# Columns of the TSV: n mode rep csc_s ours_s banned_s netanalyzers_s taint_ca3001_3012_s scs_s all_analyzers_s
awk -F'\t' '
  FNR == 1 { side = (FILENAME ~ /A\.tsv$/) ? "A" : "B"; next }
  { csc[side, $3] = $5 / $4 * 100; banned[side, $3] = $5 / $6; taint[side, $3] = $5 / $8; if ($3 > last) last = $3 }
  function median(v, k,   n, i, j, t) { n = 0; for (i in v) if (i ~ "^" k) s[++n] = v[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
    return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2 }
  END {
    printf "pair  A: ours/Csc /BannedApi /taint   B: ours/Csc /BannedApi /taint   B/A\n"
    for (r = 1; r <= last; r++) {
      printf "%4s  %7.2f %% %6.2fx %6.2fx     %7.2f %% %6.2fx %6.2fx     %5.2f %5.2f %5.2f\n", r,
        csc["A", r], banned["A", r], taint["A", r], csc["B", r], banned["B", r], taint["B", r],
        csc["B", r] / csc["A", r], banned["B", r] / banned["A", r], taint["B", r] / taint["A", r]
      q["c" r] = csc["B", r] / csc["A", r]; q["b" r] = banned["B", r] / banned["A", r]; q["t" r] = taint["B", r] / taint["A", r]
    }
    printf "median of B/A: ours/Csc %.3f, ours/BannedApi %.3f, ours/taint rules %.3f\n", median(q, "c"), median(q, "b"), median(q, "t")
  }' "$out/A.tsv" "$out/B.tsv" | tee "$out/comparison.txt"
