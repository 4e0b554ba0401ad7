#!/usr/bin/env bash
# Whole-process timing of an installed release: the archive made by scripts/build-dist, installed by
# scripts/install.sh into a fresh prefix and home, its launcher (the bundled runtime and start-up archives) timed
# against curl doing the same request: `service list` over plain http against a loopback server. The first run after
# each install (nothing in ~/.cache) and steady runs, alternating with curl; medians. Also the archive and installed
# sizes.
#
#   bench/installed.sh ARCHIVE [rounds] [OTHER]   (default 11 rounds; the first run is measured on 5 fresh installs)
# With OTHER (another archive, such as the one before a change), its steady runs alternate with ARCHIVE's: an A/B.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
archive=${1:?give the release archive (dist/authlete-VERSION-linux-x64.tar.gz)}
rounds=${2:-11}
other=${3:-}
work=$(mktemp -d)
export XDG_CONFIG_HOME=$work/config AUTHLETE_KEYCHAIN=none AUTHLETE_BEARER=x
mkdir -p "$work/www/api/service/get"
printf '{"start":0,"end":1,"totalCount":1,"services":[{"apiKey":1,"serviceName":"s"}]}' > "$work/www/api/service/get/list"
port=${PORT:-18081}
(cd "$work/www" && exec python3 -m http.server "$port" --bind 127.0.0.1 > /dev/null 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
url=http://127.0.0.1:$port
for _ in $(seq 50); do curl -s "$url/api/service/get/list" > /dev/null && break; sleep 0.1; done

ms() {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null 2>&1
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

: > "$work/first"; : > "$work/first-curl"
for i in $(seq 5); do
  prefix=$work/prefix-$i
  bash "$root/scripts/install.sh" --prefix "$prefix" "$archive" > /dev/null
  ms curl -s -H 'Authorization: Bearer x' "$url/api/service/get/list" >> "$work/first-curl"
  XDG_CACHE_HOME=$work/cache-$i ms "$prefix/bin/authlete" service list --server-url "$url" >> "$work/first"
done
installed=$prefix/lib/authlete
: > "$work/steady"; : > "$work/curl"; : > "$work/version"; : > "$work/other"
if [[ -n $other ]]; then
  bash "$root/scripts/install.sh" --prefix "$work/prefix-other" "$other" > /dev/null
fi
for _ in $(seq "$rounds"); do
  if [[ -n $other ]]; then
    XDG_CACHE_HOME=$work/cache-other ms "$work/prefix-other/bin/authlete" service list --server-url "$url" >> "$work/other"
  fi
  ms curl -s -H 'Authorization: Bearer x' "$url/api/service/get/list" >> "$work/curl"
  XDG_CACHE_HOME=$work/cache-1 ms "$prefix/bin/authlete" service list --server-url "$url" >> "$work/steady"
  XDG_CACHE_HOME=$work/cache-1 ms "$prefix/bin/authlete" --version >> "$work/version"
done
c=$(median < "$work/curl"); f=$(median < "$work/first"); s=$(median < "$work/steady")
echo "archive $(du -h "$archive" | cut -f1) ($(stat -c %s "$archive") bytes), installed $(du -sh "$installed" | cut -f1)"
echo "  runtime $(du -sh "$installed/runtime" | cut -f1), jar $(du -h "$installed/lib/authlete.jar" | cut -f1), start-up archives $(du -ch "$installed"/lib/*.aot | tail -1 | cut -f1)"
printf '  curl GET                          %5s ms (first runs: %s ms)\n' "$c" "$(median < "$work/first-curl")"
printf '  first run after install           %5s ms   %5.1fx curl\n' "$f" "$(echo "$f / $c" | bc -l)"
printf '  steady service list               %5s ms   %5.1fx curl\n' "$s" "$(echo "$s / $c" | bc -l)"
printf '  steady --version                  %5s ms\n' "$(median < "$work/version")"
if [[ -n $other ]]; then
  o=$(median < "$work/other")
  printf '  steady service list of %s: %s ms (%s, jar %s)\n' "${other##*/}" "$o" \
    "$(du -h "$other" | cut -f1)" "$(du -h "$work/prefix-other/lib/authlete/lib/authlete.jar" | cut -f1)"
fi
ls "$work"/cache-1 2>/dev/null | sed 's/^/  (launcher cache, should be empty: )/' || true
