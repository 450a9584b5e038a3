#!/usr/bin/env bash
# Build benchmark: FineTunePolicy's analyzer against its peers, on the same generated code, in the same builds.
#
#   bash build/perf/run-build-benchmark.sh [N ...]        default sizes: 500 2000 (add 8000 for the scaling row)
#
# Environment:
#   PERF_REPS=3                     measured clean builds per size and mode (the median is reported)
#   PERF_MODES="none ours all"      none: no analyzer; ours: FineTunePolicy alone; all: ours + BannedApiAnalyzers,
#                                   NetAnalyzers (CA3001-CA3012 only) and SecurityCodeScan in one compilation;
#                                   inventory: ours with the inventory of LLM use (FTP0100) on (PERF_MODES="ours inventory")
#   PERF_BUILD_ARGS=""              more arguments for every build, e.g. -p:ErrorLog=perf.sarif%2Cversion=2.1 (a SARIF log,
#                                   as the package's targets write in every build)
#   PERF_MODES_<N>="ours"           modes for one size (e.g. PERF_MODES_8000=ours when time is short)
#   PERF_SEED=42                    workload seed
#   PERF_OUT=artifacts/perf         where workloads, logs and results go
#   PERF_WORKLOAD=unclassified      the same code without any FineTunePolicy attribute or annotations reference: a
#                                   project that references the LLM SDKs and classifies nothing (use its own PERF_OUT)
#
# Every build is `dotnet build --no-incremental -p:ReportAnalyzer=true` with a detailed file log; the analyzer times
# are read from the compiler's "Total analyzer execution time" summary and the Csc time from the task performance
# summary of the same log. Results: artifacts/perf/results.tsv (one row per build) and artifacts/perf/results.md.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${PERF_OUT:-$repo/artifacts/perf}"   # PERF_OUT=/tmp/ftp-perf keeps the run away from anything that cleans artifacts/
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 2000)
reps="${PERF_REPS:-3}"
seed="${PERF_SEED:-42}"
mkdir -p "$out/logs" "$out/bin"

echo "== building the analyzer and annotations (Release) from src/"
dotnet build "$repo/src/FineTunePolicy.Analyzers/FineTunePolicy.Analyzers.csproj" -c Release -nologo -v:q
dotnet build "$repo/src/FineTunePolicy.Annotations/FineTunePolicy.Annotations.csproj" -c Release -nologo -v:q
# A private copy, so that a later build of src/ by someone else cannot change the analyzer mid-run.
cp "$repo/src/FineTunePolicy.Analyzers/bin/Release/netstandard2.0/FineTunePolicy.Analyzers.dll" "$out/bin/"
cp "$repo/src/FineTunePolicy.Annotations/bin/Release/netstandard2.0/FineTunePolicy.Annotations.dll" "$out/bin/"

{
  echo "# machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, dotnet $(dotnet --version), $(uname -sr)"
  echo "# started: $(date -u +%Y-%m-%dT%H:%M:%SZ), seed $seed, reps $reps, commit $(git -C "$repo" rev-parse --short HEAD), workload ${PERF_WORKLOAD:-classified}"
} > "$out/run-info.txt"
cat "$out/run-info.txt"

for n in "${sizes[@]}"; do
  dir="$out/w$n"
  echo "== N=$n: generating $dir"
  dotnet run --file "$repo/build/perf/GenerateWorkload.cs" -- --files "$n" --seed "$seed" --out "$dir" \
    --analyzer "$out/bin/FineTunePolicy.Analyzers.dll" --annotations "$out/bin/FineTunePolicy.Annotations.dll" \
    ${PERF_WORKLOAD:+--$PERF_WORKLOAD}
  dotnet restore "$dir/Workload.csproj" -nologo -v:q

  var="PERF_MODES_$n"
  modes="${!var:-${PERF_MODES:-none ours all}}"

  # One warm-up build (not counted), in the last mode: starts the compiler server and loads the analyzers once.
  warm="${modes##* }"
  echo "== N=$n: warm-up ($warm)"
  dotnet build "$dir/Workload.csproj" --no-restore --no-incremental -nologo -v:q -clp:NoSummary -p:PerfAnalyzers="$warm" -p:ReportAnalyzer=true ${PERF_BUILD_ARGS:-} > /dev/null || true

  for rep in $(seq 1 "$reps"); do
    for mode in $modes; do
      log="$out/logs/n$n-$mode-$rep.log"
      start=$(date +%s.%N)
      dotnet build "$dir/Workload.csproj" --no-restore --no-incremental -nologo -v:q -clp:NoSummary \
        -p:PerfAnalyzers="$mode" -p:ReportAnalyzer=true -flp:"v=d;PerformanceSummary;logfile=$log" ${PERF_BUILD_ARGS:-} > /dev/null
      end=$(date +%s.%N)
      printf '   N=%-5s %-5s rep %s: %6.1f s\n' "$n" "$mode" "$rep" "$(echo "$end - $start" | bc)"
    done
  done
done

echo "== summary"
dotnet run --file "$repo/build/perf/Summarize.cs" -- "$out/logs" "$out/run-info.txt" "$out/results.tsv" "$out/results.md"
cat "$out/results.md"
