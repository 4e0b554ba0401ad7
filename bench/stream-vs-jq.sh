#!/usr/bin/env bash
# Whole-process benchmark: `authlete client list --all --output-format json` against a loopback server, versus
# `jq -c '.clients[]'` over the very same pages already on disk. Prints medians, throughput, the ratio, and
# peak RSS. Run by hand after `mvn -B -DskipTests package`; figures go to BENCHMARKS.md.
#
#   bench/stream-vs-jq.sh [items (default 1000000)] [rounds (default 5)]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
items=${1:-1000000}
rounds=${2:-5}
page=1000
port=${PORT:-18080}
command -v jq >/dev/null || { echo "needs jq" >&2; exit 1; }
. "$root/bench/page-server.sh"
start_page_server "$port" "$items" "$page" 1g
url=http://127.0.0.1:$port

run_authlete() {
  AUTHLETE_BEARER=bench "$root/authlete" client list --service-id 1 --all --page-size "$page" \
    --output-format json --server-url "$url" > "$work/authlete.out"
}
run_jq() {
  jq -c '.clients[]' "$work"/pages/page-*.json > "$work/jq.out"
}
seconds() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

run_authlete; run_jq   # warm up, and check both produce the same items (jq rewrites 1.10 as 1.1; we keep it)
[[ $(wc -l < "$work/authlete.out") -eq $items && $(wc -l < "$work/jq.out") -eq $items ]] \
  || { echo "item counts differ from $items" >&2; exit 1; }
cmp -s <(sed 's/1\.10}$/1.1}/' "$work/authlete.out") "$work/jq.out" || { echo "items differ" >&2; exit 1; }
bytes=$(stat -c %s "$work/authlete.out")
: > "$work/a.times"; : > "$work/j.times"
for _ in $(seq "$rounds"); do   # alternate, so that both see the same machine state
  seconds run_authlete >> "$work/a.times"
  seconds run_jq >> "$work/j.times"
done
a=$(median < "$work/a.times"); j=$(median < "$work/j.times")
rss_a=$( { /usr/bin/time -v bash -c "$(declare -f run_authlete); root=$root page=$page url=$url work=$work run_authlete" ; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
rss_j=$( { /usr/bin/time -v bash -c "$(declare -f run_jq); work=$work run_jq" ; } 2>&1 | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}')
mb=$(echo "$bytes / 1048576" | bc -l)
printf 'items %d, NDJSON %.1f MB, %d rounds (medians), %s, %s\n' "$items" "$mb" "$rounds" "$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -1)" "$(jq --version)"
printf '%-34s %8.2f s  %7.1f MB/s  peak RSS %6d MB\n' "authlete --all -F json (loopback)" "$a" "$(echo "$mb / $a" | bc -l)" "$((rss_a / 1024))"
printf '%-34s %8.2f s  %7.1f MB/s  peak RSS %6d MB\n' "jq -c '.clients[]' (pages on disk)" "$j" "$(echo "$mb / $j" | bc -l)" "$((rss_j / 1024))"
printf 'throughput ratio authlete/jq: %.2fx\n' "$(echo "$j / $a" | bc -l)"
