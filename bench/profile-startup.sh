#!/usr/bin/env bash
# Where the start-up time of one command goes: runs `authlete service list` (or the arguments after --) N times
# through the launcher (its flags, its start-up archive) against a loopback server, under async-profiler sampling
# CPU every 100 µs per thread, and prints the CPU time of each thread and of the main thread's phases, averaged
# over the runs. Profiling slows the process down, so the figures are for proportions, not wall time.
#
#   bench/profile-startup.sh [runs] [-- authlete arguments]      (after mvn -B -DskipTests -Pbench package)
#
# The async-profiler agent comes from Maven Central (tools.profiler:async-profiler), unpacked by the bench module.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-10}
shift || true
[[ ${1:-} == -- ]] && shift
port=${PORT:-18096}
case $(uname -m) in aarch64|arm64) arch=linux-arm64 ;; *) arch=linux-x64 ;; esac
agent=$root/bench/target/async-profiler/$arch/libasyncProfiler.so
[[ -f $agent ]] || { echo "error: $agent missing; run mvn -B -DskipTests -Pbench package" >&2; exit 1; }
. "$root/bench/page-server.sh"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config AUTHLETE_KEYCHAIN=none AUTHLETE_BEARER=x

start_page_server "$port" 10 10 256m
args=("$@")
(( ${#args[@]} )) || args=(service list)
args+=(--server-url "http://127.0.0.1:$port")

AUTHLETE_CACHE=sync "$root/authlete" --version > /dev/null   # the start-up archive, as in normal use
for i in $(seq "$runs"); do
  AUTHLETE_JAVA_OPTS="-agentpath:$agent=start,event=cpu,interval=100us,threads,file=$work/run-$i.txt,collapsed" \
    "$root/authlete" "${args[@]}" > /dev/null
done
cat "$work"/run-*.txt > "$work/all.txt"

java_version=$("${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/java" -version 2>&1 | head -1)
echo "authlete ${args[*]}: $runs runs, $java_version, commit $(git -C "$root" rev-parse --short HEAD)"
echo "CPU time per thread (ms per run):"
awk -v runs="$runs" '{ n = $NF; split($0, f, ";"); t = f[1]; sub(/ tid=[0-9]+\]/, "]", t); cpu[t] += n }
  END { for (t in cpu) printf "  %7.1f  %s\n", cpu[t] / runs / 10, t }' "$work/all.txt" | sort -rn | head -8

# Phases of the main thread, by the first matching frame pattern (most specific first).
echo "main thread by phase (ms per run, share):"
grep '^\[main' "$work/all.txt" | awk -v runs="$runs" '
  { n = $NF; s = $0; p = "other (JVM, class loading, launcher glue)"
    if (s ~ /LauncherHelper|JarFile|ZipFile/) p = "JVM: opening the jar, finding main"
    else if (s ~ /rvesse\/airline/) p = "command-line parsing (Airline metadata and parse)"
    else if (s ~ /smallrye|microprofile|credentials\/(Settings|ConfigFile|LinkFile|CredentialChain|CredentialStore)/) p = "settings and token"
    else if (s ~ /HttpClientImpl\.<init>|HttpClientBuilderImpl|HttpTransport\$Builder/) p = "HTTP client set-up"
    else if (s ~ /HttpTransport\.send|HttpClientImpl\.send/) p = "request and response"
    else if (s ~ /render\/|ResponseOutput/) p = "output"
    else if (s ~ /Catalog/) p = "catalog"
    else if (s ~ /Shutdown|System\.exit|Runtime\.exit/) p = "exit"
    phase[p] += n; total += n }
  END { for (p in phase) printf "  %7.1f  %4.0f%%  %s\n", phase[p] / runs / 10, 100 * phase[p] / total, p
        printf "  %7.1f  total\n", total / runs / 10 }' | sort -rn
echo "main thread, costliest class initialisers (outermost <clinit> on the stack; ms per run):"
grep '^\[main' "$work/all.txt" | awk -v runs="$runs" '{ n = $NF; $NF = ""; c = split($0, f, ";")
    for (i = 1; i <= c; i++) if (f[i] ~ /<clinit>/) { init[f[i]] += n; break } }
  END { for (k in init) printf "  %7.1f  %s\n", init[k] / runs / 10, k }' | sort -rn | head -8
