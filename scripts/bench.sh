#!/usr/bin/env bash
# bench.sh measures sessionlog against its own mock API and checks the
# figures against the performance targets; it is run by hand, never by
# `go test`.
#
#   1. latency-bound paging: wall time of `list` over a 3,000-entry session
#      (100 pages of 30, 50ms per request) with --concurrency 1 and 8: 8
#      workers at least 5x faster than 1, and within 1.15x of the floor of
#      ceil(99/8)+1 = 14 round trips;
#   2. requests sent by `list --last 5` on that session (the mock logs one
#      line per request on stderr): at most 3;
#   3. CPU-bound listing: 200,000 entries, 1,000 a page, 8 requests at
#      once, from a mock without latency: wall time, CPU time (user+sys) and
#      peak RSS of the plain-Go client scripts/baseline (net/http, one
#      encoding/json decode per page, JSON lines), of `curl -Z` + jq (when
#      both are installed), of `list -o jsonl` and of the default table:
#      jsonl CPU at most 1.5x the baseline's, and jsonl faster than curl+jq;
#   4. peak RSS of the table and of jsonl over 200,000 and 20,000 entries
#      (same mock): under 60 MB, and the first less than 1.3x the second;
#   5. start-up of `sessionlog version` against a Go hello-world built in
#      the same run: at most 2x. It also reports, without a target, the
#      start-up of the dependency floor: a program generated in the same run
#      that imports every package sessionlog links, its own excepted, and
#      does nothing, so that it pays the same package initialisation and no
#      more.
#
# It also reports, without a target, how soon the first line of a 200,000-
# entry jsonl listing is out (50ms per request).
#
# Usage: scripts/bench.sh [RUNS]   (RUNS, default 5, is the number of runs a
# median is taken over; the start-up runs 20*RUNS). It uses hyperfine for the
# latency-bound and start-up timings when installed, else a loop over
# `date +%s%N`, and /usr/bin/time for CPU time and peak RSS. It exits 1 when
# a target is missed.
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
mock_pids=()
cleanup() {
	for pid in "${mock_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

# Keep the user's configuration out of the measurements.
while read -r var; do unset "$var"; done < <(env | sed -n 's/^\(SESSIONLOG_[A-Z_]*\)=.*/\1/p')
export XDG_CONFIG_HOME=$work/config NO_COLOR=1

[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

echo "== machine"
echo "cpus: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
go version
echo "commit: $(git -C "$here" rev-parse --short HEAD)$(git -C "$here" diff --quiet HEAD -- . 2>/dev/null || echo ' (modified)')"

echo "== build (CGO_ENABLED=0, as the release archives are built)"
export CGO_ENABLED=0
(cd "$here" && go build -o "$work/sessionlog" . && go build -o "$work/baseline" ./scripts/baseline)
mkdir "$work/hello"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' >"$work/hello/main.go"
printf 'module hello\n\ngo 1.21\n' >"$work/hello/go.mod"
(cd "$work/hello" && GOFLAGS= go build -o "$work/hello-world" .)
# The dependency floor: every importable package of sessionlog's build but
# its own, imported for its initialisation only, in a module with the same
# requirements.
mkdir "$work/floor"
module=$(cd "$here" && go list -m)
{
	printf 'package main\n\nimport (\n'
	(cd "$here" && go list -deps .) | grep -v -e '^internal/' -e '/internal/' -e '/internal$' -e '^vendor/' -e "^$module" | sed 's/.*/\t_ "&"/'
	printf ')\n\nfunc main() { println("hello") }\n'
} >"$work/floor/main.go"
sed "s#^module .*#module floor#" "$here/go.mod" >"$work/floor/go.mod"
cp "$here/go.sum" "$work/floor/go.sum"
(cd "$work/floor" && GOFLAGS= go build -o "$work/dependency-floor" .)
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

# start_mock NAME ARGS... starts a mock on a free port and prints its URL.
start_mock() {
	local name=$1
	shift
	"$bin" mock --listen 127.0.0.1:0 --fixture "$work/fixture.yaml" "$@" >"$work/$name.out" 2>"$work/$name.log" &
	mock_pids+=($!)
	for _ in $(seq 600); do
		[[ -s $work/$name.out ]] && break
		sleep 0.05
	done
	[[ -s $work/$name.out ]] || { echo "the mock did not start:" >&2; cat "$work/$name.log" >&2; exit 1; }
}
start_mock slow --latency 50ms
start_mock fast
base=$(head -n1 "$work/slow.out")
fast=$(head -n1 "$work/fast.out")
echo "mocks at $base (50ms per request) and $fast (no latency)"
sl() { "$bin" --base-url "$base" "$@"; }

# median prints the median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# seconds N CMD... prints the median wall time of N runs of CMD, in seconds.
seconds() {
	local n=$1
	shift
	if command -v hyperfine >/dev/null; then
		hyperfine -N --style none --warmup 1 --runs "$n" --export-csv "$work/hf.csv" -- "$(printf '%q ' "$@")" >/dev/null
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

# measure N CMD... runs CMD N times under /usr/bin/time and prints the
# medians of its wall time (s), CPU time, user+sys (s) and peak RSS (MB).
measure() {
	local n=$1
	shift
	for _ in $(seq "$n"); do
		/usr/bin/time -o "$work/time.out" -f '%e %U %S %M' "$@" >/dev/null
		cat "$work/time.out"
	done >"$work/measure.out"
	printf '%s %s %s\n' \
		"$(awk '{ print $1 }' "$work/measure.out" | median)" \
		"$(awk '{ print $2 + $3 }' "$work/measure.out" | median)" \
		"$(awk '{ printf "%.1f\n", $4 / 1024 }' "$work/measure.out" | median)"
}

# requests prints how many requests the slow mock has logged.
requests() { grep -c '^GET ' "$work/slow.log" || true; }

# check NAME OK DETAIL records a target's outcome.
missed=0
results=()
check() {
	local verdict=met
	if ! awk "BEGIN { exit !($2) }"; then verdict=MISSED missed=1; fi
	results+=("$(printf '%-48s %-7s %s' "$1" "$verdict" "$3")")
}

ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }

echo "== 1. latency-bound: 3,000 entries in 100 pages of 30 (median of $runs)"
sl list 3000 --per-page 30 --concurrency 1 -o jsonl | wc -l | grep -qx 3000 || { echo "list returned the wrong entry count" >&2; exit 1; }
t1=$(seconds "$runs" "$bin" --base-url "$base" list 3000 --per-page 30 --concurrency 1 -o jsonl)
t8=$(seconds "$runs" "$bin" --base-url "$base" list 3000 --per-page 30 --concurrency 8 -o jsonl)
floor=0.700 # (ceil(99/8)+1) * 50ms
speedup=$(ratio "$t1" "$t8")
over=$(ratio "$t8" "$floor")
echo "concurrency 1: ${t1}s  concurrency 8: ${t8}s  speed-up ${speedup}x  floor ${floor}s (${over}x)"
check "concurrency 8 at least 5x faster than 1" "$speedup >= 5" "${speedup}x (${t1}s vs ${t8}s)"
check "concurrency 8 within 1.15x of the 0.70s floor" "$over <= 1.15" "${over}x"

echo "== 2. requests of --last 5 on 3,000 entries"
for per_page in 30 100; do
	before=$(requests)
	sl list 3000 --last 5 --per-page "$per_page" -o csv --no-headers | cut -d, -f2 | tr '\n' ' '
	sleep 0.3 # the mock logs a request once its reply is written
	n=$(($(requests) - before))
	echo "(per_page $per_page: $n requests)"
	check "--last 5 (per_page $per_page) at most 3 requests" "$n <= 3" "$n requests"
done

echo "== 3. CPU-bound: 200,000 entries, 1,000 a page, 8 at once, no latency (median of $runs)"
# curl_jq ID fetches page 1, then the other pages 8 at once with curl -Z
# into files, and prints the entries in order as JSON lines with jq, with
# the session_id and position sessionlog adds.
cat >"$work/curl_jq.sh" <<'SCRIPT'
#!/usr/bin/env bash
set -euo pipefail
base=$1 id=$2 dir=$3
url="$base/v1/customer/sessions/$id/log"
curl -sf -o "$dir/p1.json" "$url?page=1&per_page=1000"
last=$(jq '.data.last_page' "$dir/p1.json")
# (curl 7.88 draws its parallel progress meter even with -s.)
if ((last > 1)); then curl -sfZ --parallel-max 8 -o "$dir/p#1.json" "$url?page=[2-$last]&per_page=1000" 2>/dev/null; fi
for p in $(seq "$last"); do echo "$dir/p$p.json"; done |
	xargs jq -c --arg id "$id" '.data as $d | $d.data | to_entries[] | {session_id: $id, position: (($d.current_page - 1) * $d.per_page + .key + 1)} + .value'
SCRIPT
chmod +x "$work/curl_jq.sh"
mkdir "$work/pages"
n200=200000
[[ $("$work/baseline" -base-url "$fast" -per-page 1000 "$n200" | wc -l) == "$n200" ]] || { echo "the baseline returned the wrong entry count" >&2; exit 1; }
[[ $("$bin" --base-url "$fast" list "$n200" --per-page 1000 --concurrency 8 -o jsonl | wc -l) == "$n200" ]] || { echo "list returned the wrong entry count" >&2; exit 1; }
printf '%-24s %9s %9s %12s %9s %9s\n' "" "wall s" "CPU s" "CPU/entry" "peak MB" "CPU ratio"
row() { # NAME WALL CPU RSS BASE_CPU
	printf '%-24s %9s %9s %10s µs %9s %8sx\n' "$1" "$2" "$3" "$(awk "BEGIN { printf \"%.1f\", $3 / $n200 * 1e6 }")" "$4" "$(ratio "$3" "$5")"
}
read -r bw bc bm < <(measure "$runs" "$work/baseline" -base-url "$fast" -per-page 1000 -concurrency 8 "$n200")
row "plain Go (baseline)" "$bw" "$bc" "$bm" "$bc"
cw=""
if command -v curl >/dev/null && command -v jq >/dev/null; then
	[[ $("$work/curl_jq.sh" "$fast" "$n200" "$work/pages" | wc -l) == "$n200" ]] || { echo "curl + jq returned the wrong entry count" >&2; exit 1; }
	read -r cw cc cm < <(measure "$runs" "$work/curl_jq.sh" "$fast" "$n200" "$work/pages")
	row "curl -Z (8) + jq" "$cw" "$cc" "$cm" "$bc"
fi
read -r jw jc jm < <(measure "$runs" "$bin" --base-url "$fast" list "$n200" --per-page 1000 --concurrency 8 -o jsonl)
row "sessionlog -o jsonl" "$jw" "$jc" "$jm" "$bc"
read -r tw tc tm < <(measure "$runs" "$bin" --base-url "$fast" list "$n200" --per-page 1000 --concurrency 8)
row "sessionlog table" "$tw" "$tc" "$tm" "$bc"
check "jsonl CPU at most 1.5x the plain-Go baseline" "$jc <= 1.5 * $bc" "$(ratio "$jc" "$bc")x (${jc}s vs ${bc}s)"
if [[ -n $cw ]]; then
	check "jsonl faster (wall) than curl -Z + jq" "$jw < $cw" "${jw}s vs ${cw}s"
fi

echo "== 4. peak RSS, 200,000 vs 20,000 entries, same mock (median of $runs)"
for format in table jsonl; do
	read -r _ _ m20 < <(measure "$runs" "$bin" --base-url "$fast" list 20000 --per-page 1000 --concurrency 8 -o "$format")
	if [[ $format == jsonl ]]; then m200=$jm; else m200=$tm; fi
	r=$(ratio "$m200" "$m20")
	echo "$format: 20,000 entries ${m20} MB, 200,000 entries ${m200} MB, ratio ${r}"
	check "$format of 200,000 entries under 60 MB" "$m200 < 60" "${m200} MB"
	check "$format 200,000 under 1.3x of 20,000" "$r < 1.3" "${r}x (${m200} vs ${m20} MB)"
done

echo "== 5. time to the first line of 200,000 entries, 50ms per request (median of $runs)"
first=$(seconds "$runs" sh -c "'$bin' --base-url '$base' list 200000 --concurrency 8 -o jsonl | head -n1")
echo "${first}s (one 50ms round trip is the floor)"

echo "== 6. start-up: sessionlog version vs a Go hello-world and the dependency floor (median of $((runs * 20)))"
if command -v hyperfine >/dev/null; then
	hyperfine -N --style none --warmup 10 --runs $((runs * 20)) --export-csv "$work/hf.csv" \
		"$work/hello-world" "$work/dependency-floor" "$bin version" >/dev/null
	hello=$(awk -F, 'NR == 2 { print $4 * 1000 }' "$work/hf.csv")
	depfloor=$(awk -F, 'NR == 3 { print $4 * 1000 }' "$work/hf.csv")
	version=$(awk -F, 'NR == 4 { print $4 * 1000 }' "$work/hf.csv")
else
	hello=$(awk "BEGIN { print $(seconds $((runs * 20)) "$work/hello-world") * 1000 }")
	depfloor=$(awk "BEGIN { print $(seconds $((runs * 20)) "$work/dependency-floor") * 1000 }")
	version=$(awk "BEGIN { print $(seconds $((runs * 20)) "$bin" version) * 1000 }")
fi
r=$(ratio "$version" "$hello")
printf 'hello-world %.1f ms  dependency floor %.1f ms (%sx)  sessionlog version %.1f ms (%sx; %sx the floor)\n' \
	"$hello" "$depfloor" "$(ratio "$depfloor" "$hello")" "$version" "$r" "$(ratio "$version" "$depfloor")"
printf 'binary sizes: hello-world %s, dependency floor %s, sessionlog %s bytes\n' \
	"$(wc -c <"$work/hello-world")" "$(wc -c <"$work/dependency-floor")" "$(wc -c <"$bin")"
check "sessionlog version at most 2x a hello-world" "$r <= 2" "${r}x"

echo "== targets"
printf '%s\n' "${results[@]}"
exit "$missed"
