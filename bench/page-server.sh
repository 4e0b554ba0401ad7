# Sourced by the whole-process benchmark scripts (which set $root): a work folder that is removed at exit, and
# the loopback server of synthetic client-list pages (PageServer.java), stopped at exit.
work=$(mktemp -d)
server=
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

# start_page_server PORT ITEMS PAGE_SIZE HEAP: serves ITEMS clients in pages of PAGE_SIZE (also written to $work/pages).
start_page_server() {
  java "-Xmx$4" "$root/bench/PageServer.java" "$1" "$2" "$3" "$work/pages" > "$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do
    grep -q ready "$work/server.log" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "error: the page server did not start; its log: $(cat "$work/server.log")" >&2
  return 1
}
