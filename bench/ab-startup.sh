#!/usr/bin/env bash
# Whole-process A/B of two builds of the CLI: `authlete service list` against a loopback page server, run
# alternately with jar A and jar B through the checkout's launcher (each with its own start-up archive, recorded
# before timing), on every JDK given in JDKS. Prints medians of wall time and of CPU time, which a busy machine
# disturbs less than wall time. Only the pair measured in one run compares.
#
#   bench/ab-startup.sh JAR_A JAR_B [rounds]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $# -ge 2 ]] || { echo "usage: bench/ab-startup.sh JAR_A JAR_B [rounds]" >&2; exit 2; }
jar_a=$(readlink -f "$1")
jar_b=$(readlink -f "$2")
rounds=${3:-15}
port=${PORT:-18096}
. "$root/bench/page-server.sh"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config AUTHLETE_KEYCHAIN=none AUTHLETE_BEARER=x

start_page_server "$port" 10 10 256m
url=http://127.0.0.1:$port
default_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
jdks=${JDKS:-${JAVA_HOME:-$default_jdk} $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# One run: "wall_ms cpu_ms". CPU time from perf's task-clock (the launcher, the JVM and its threads; to the
# microsecond) where perf can count it, else from /usr/bin/time (to 10 ms).
if perf stat -x, -e task-clock true > /dev/null 2>&1; then
  timed() {
    local s e
    s=$(date +%s%N)
    perf stat -x, -e task-clock -o "$work/time" env AUTHLETE_JAR="$1" "$root/authlete" service list --server-url "$url" > /dev/null 2>&1
    e=$(date +%s%N)
    echo "$(( (e - s) / 1000000 )) $(awk -F, '/task-clock/ {printf "%d", $1}' "$work/time")"
  }
else
  timed() {
    local s e
    s=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/time" env AUTHLETE_JAR="$1" "$root/authlete" service list --server-url "$url" > /dev/null 2>&1
    e=$(date +%s%N)
    echo "$(( (e - s) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$work/time")"
  }
fi

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $rounds alternating rounds"
echo "A: $jar_a ($(stat -c %s "$jar_a") bytes)"
echo "B: $jar_b ($(stat -c %s "$jar_b") bytes)"
for jdk in $jdks; do
  export JAVA_HOME=$jdk
  for jar in "$jar_a" "$jar_b"; do
    AUTHLETE_JAR=$jar AUTHLETE_CACHE=sync AUTHLETE_SERVER_URL=$url "$root/authlete" --version > /dev/null
  done
  : > "$work/a"; : > "$work/b"
  for _ in $(seq "$rounds"); do
    timed "$jar_a" >> "$work/a"
    timed "$jar_b" >> "$work/b"
  done
  version=$("$jdk/bin/java" -version 2>&1 | head -1)
  printf '%s\n  A: wall %s ms, cpu %s ms\n  B: wall %s ms, cpu %s ms\n' "$version" \
    "$(cut -d' ' -f1 "$work/a" | median)" "$(cut -d' ' -f2 "$work/a" | median)" \
    "$(cut -d' ' -f1 "$work/b" | median)" "$(cut -d' ' -f2 "$work/b" | median)"
done
