#!/usr/bin/env bash
# bench.sh measures sessionlog against its own mock API with 50ms of latency
# per request, and checks the figures against the performance targets:
#
#   1. wall time of `list` over a 3,000-entry session (100 pages of 30) with
#      --concurrency 1 and 8: 8 workers at least 5x faster than 1, and within
#      1.5x of the floor of ceil(99/8)+1 = 14 round trips;
#   2. requests sent by `list --last 5` on that session (the mock logs one
#      line per request on stderr): at most 3;
#   3. peak RSS of `list -o jsonl` over 200,000 and 20,000 entries: under
#      60 MB, and the first less than 1.3x the second;
#   4. start-up time of `sessionlog version`: under 20 ms.
#
# It also reports, without a target, how soon the first line of a 200,000-
# entry jsonl listing is out.
#
# Usage: scripts/bench.sh [RUNS]   (RUNS, default 5, is the number of runs a
# median is taken over; the RSS runs use ceil(RUNS/2), start-up 4*RUNS).
# It uses hyperfine for the timings when installed, else a loop over
# `date +%s%N`, and /usr/bin/time -v for the peak RSS. It exits 1 when a
# target is missed.
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
mock_pid=""
cleanup() {
	if [[ -n $mock_pid ]]; then kill "$mock_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

# Keep the user's configuration out of the measurements.
while read -r var; do unset "$var"; done < <(env | sed -n 's/^\(SESSIONLOG_[A-Z_]*\)=.*/\1/p')
export XDG_CONFIG_HOME=$work/config NO_COLOR=1

echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
go version

echo "== build"
(cd "$here" && go build -o "$work/sessionlog" .)
bin=$work/sessionlog

# The mock's fixtures cap `generate` at 100,000 entries, so the two sessions
# compared for memory list their entries, alike in both: ENTERED and
# TEMPORARILY_LEFT alternating, 4 minutes apart.
{
	printf 'timezone: UTC\nsessions:\n  - id: "3000"\n    generate: 3000\n'
	for n in 20000 200000; do
		printf '  - id: "%d"\n    entries:\n' "$n"
		awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "      - {action_type: %s, offset: %d}\n", (i % 2 ? "TEMPORARILY_LEFT" : "ENTERED"), 4 * i }'
	done
} >"$work/fixture.yaml"

"$bin" mock --listen 127.0.0.1:0 --latency 50ms --fixture "$work/fixture.yaml" >"$work/mock.out" 2>"$work/mock.log" &
mock_pid=$!
for _ in $(seq 300); do
	[[ -s $work/mock.out ]] && break
	sleep 0.05
done
base=$(head -n1 "$work/mock.out")
[[ -n $base ]] || { echo "the mock did not start:" >&2; cat "$work/mock.log" >&2; exit 1; }
echo "mock at $base (50ms per request)"
sl() { "$bin" --base-url "$base" "$@"; }

# median prints the median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# seconds N CMD... prints the median wall time of N runs of CMD, in seconds.
seconds() {
	local n=$1
	shift
	if command -v hyperfine >/dev/null; then
		hyperfine --style none --runs "$n" --export-csv "$work/hf.csv" -- "$(printf '%q ' "$@")" >/dev/null
		awk -F, 'NR == 2 { print $4 }' "$work/hf.csv"
		return
	fi
	for _ in $(seq "$n"); do
		local start end
		start=$(date +%s%N)
		"$@" >/dev/null
		end=$(date +%s%N)
		awk "BEGIN { printf \"%.4f\\n\", ($end - $start) / 1e9 }"
	done | median
}

# requests prints how many requests the mock has logged.
requests() { grep -c '^GET ' "$work/mock.log" || true; }

# peak_mb N CMD... prints the median peak RSS of N runs of CMD, in MB.
peak_mb() {
	local n=$1
	shift
	for _ in $(seq "$n"); do
		/usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }'
	done | median
}

# check NAME OK DETAIL records a target's outcome.
missed=0
results=()
check() {
	local verdict=met
	if ! awk "BEGIN { exit !($2) }"; then verdict=MISSED missed=1; fi
	results+=("$(printf '%-44s %-7s %s' "$1" "$verdict" "$3")")
}

echo "== 1. wall time, 3,000 entries in 100 pages of 30 (median of $runs)"
sl list 3000 --per-page 30 --concurrency 1 -o jsonl | wc -l | grep -qx 3000 || { echo "list returned the wrong entry count" >&2; exit 1; }
t1=$(seconds "$runs" "$bin" --base-url "$base" list 3000 --per-page 30 --concurrency 1 -o jsonl)
t8=$(seconds "$runs" "$bin" --base-url "$base" list 3000 --per-page 30 --concurrency 8 -o jsonl)
floor=0.700 # (ceil(99/8)+1) * 50ms
speedup=$(awk "BEGIN { printf \"%.2f\", $t1 / $t8 }")
over=$(awk "BEGIN { printf \"%.2f\", $t8 / $floor }")
echo "concurrency 1: ${t1}s  concurrency 8: ${t8}s  speed-up ${speedup}x  floor ${floor}s (${over}x)"
check "concurrency 8 at least 5x faster than 1" "$speedup >= 5" "${speedup}x (${t1}s vs ${t8}s)"
check "concurrency 8 within 1.5x of the 0.70s floor" "$over <= 1.5" "${over}x"

echo "== 2. requests of --last 5 on 3,000 entries"
for per_page in 30 100; do
	before=$(requests)
	sl list 3000 --last 5 --per-page "$per_page" -o csv --no-headers | cut -d, -f2 | tr '\n' ' '
	sleep 0.3 # the mock logs a request once its reply is written
	n=$(($(requests) - before))
	echo "(per_page $per_page: $n requests)"
	check "--last 5 (per_page $per_page) at most 3 requests" "$n <= 3" "$n requests"
done

echo "== 3. peak RSS of -o jsonl, concurrency 8, per_page 100 (median of $(((runs + 1) / 2)))"
if [[ -x /usr/bin/time ]]; then
	m20=$(peak_mb $(((runs + 1) / 2)) "$bin" --base-url "$base" list 20000 --concurrency 8 -o jsonl)
	m200=$(peak_mb $(((runs + 1) / 2)) "$bin" --base-url "$base" list 200000 --concurrency 8 -o jsonl)
	ratio=$(awk "BEGIN { printf \"%.2f\", $m200 / $m20 }")
	echo "20,000 entries: ${m20} MB  200,000 entries: ${m200} MB  ratio ${ratio}"
	check "jsonl of 200,000 entries under 60 MB" "$m200 < 60" "${m200} MB"
	check "jsonl 200,000 under 1.3x of 20,000" "$ratio < 1.3" "${ratio}x (${m200} vs ${m20} MB)"
else
	echo "skipped: /usr/bin/time is not installed (apt-get install time)"
fi

echo "== 4. time to the first line of 200,000 entries, concurrency 8 (median of $runs)"
first=$(seconds "$runs" sh -c "'$bin' --base-url '$base' list 200000 --concurrency 8 -o jsonl | head -n1")
echo "${first}s (one 50ms round trip is the floor)"

echo "== 5. start-up of sessionlog version (median of $((runs * 4)))"
ts=$(seconds $((runs * 4)) "$bin" version)
ms=$(awk "BEGIN { printf \"%.1f\", $ts * 1000 }")
echo "${ms} ms"
check "sessionlog version under 20 ms" "$ms < 20" "${ms} ms"

echo "== targets"
printf '%s\n' "${results[@]}"
exit "$missed"
