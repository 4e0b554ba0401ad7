#!/usr/bin/env bash
# Whole-process start-up benchmark: `authlete service list` against a loopback server versus
# `curl -s -H 'Authorization: Bearer x' URL` doing the same request, run alternately; `authlete --help`; the shell
# completion path. Medians of N rounds (default 15), ratios against curl, peak RSS via /usr/bin/time -v. Runs on
# every JDK given in JDKS (default: $JAVA_HOME or the java on PATH, plus Temurin 25 if installed). Start-up
# archives are recorded once per JDK before timing (the launcher's normal steady state).
#
#   bench/startup.sh [rounds]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-15}
port=${PORT:-18095}
. "$root/bench/page-server.sh"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config AUTHLETE_KEYCHAIN=none AUTHLETE_BEARER=x

start_page_server "$port" 10 10 256m
url=http://127.0.0.1:$port
default_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
jdks=${JDKS:-${JAVA_HOME:-$default_jdk} $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print int($2/1024)}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $rounds rounds; commit $(git -C "$root" rev-parse --short HEAD)"
for jdk in $jdks; do
  export JAVA_HOME=$jdk
  AUTHLETE_CACHE=sync "$root/authlete" --version > /dev/null   # record the start-up archive first
  : > "$work/curl"; : > "$work/list"; : > "$work/help"
  for _ in $(seq "$rounds"); do
    ms curl -s -H 'Authorization: Bearer x' "$url/api/service/get/list" >> "$work/curl"
    ms "$root/authlete" service list --server-url "$url" >> "$work/list"
    ms "$root/authlete" --help >> "$work/help"
  done
  c=$(median < "$work/curl"); l=$(median < "$work/list"); h=$(median < "$work/help")
  printf '%s\n' "$("$jdk/bin/java" -version 2>&1 | head -1)"
  printf '  curl GET                 %6s ms\n' "$c"
  printf '  authlete service list    %6s ms   %5.1fx curl   peak RSS %s MB\n' "$l" "$(echo "$l / $c" | bc -l)" \
    "$(rss "$root/authlete" service list --server-url "$url")"
  printf '  authlete --help          %6s ms\n' "$h"
done
"$root/authlete" completion bash > "$work/completion.bash"
: > "$work/complete"
for _ in $(seq "$rounds"); do
  ms bash -c "source $work/completion.bash; COMP_WORDS=(authlete client create --client-t); COMP_CWORD=3; _authlete" >> "$work/complete"
done
printf 'completion (bash, loading the script and completing; no JVM involved): %s ms\n' "$(median < "$work/complete")"
