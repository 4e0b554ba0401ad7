#!/usr/bin/env bash
# Whole-process A/B of the TLS implementation: `authlete service list` over HTTPS against a Node https server on
# loopback (answering in one write), alternately with AUTHLETE_TLS=jdk (the JDK's TLS) and the default (Conscrypt
# when its native library loads), through the checkout's launcher with its start-up archive; curl against the
# same server for scale. Medians of wall time; only the figures of one run compare.
#
#   bench/tls-ab.sh [rounds] [rsa|ec|chain]
#
# rsa and ec: a self-signed server certificate (trusted as is: no signature is checked on the path). chain: shaped
# like a public server's, an RSA root, an ECDSA P-384 intermediate and an ECDSA P-256 server certificate (as Let's
# Encrypt issues), the server sending its certificate and the intermediate, the root trusted.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-15}
kind=${2:-ec}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
if [[ $kind == chain ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/root.key" -out "$work/cert.pem" -days 2 -subj /CN=bench-root \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout "$work/int.key" -out "$work/int.csr" \
    -subj /CN=bench-intermediate 2>/dev/null
  printf 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n' > "$work/int.cnf"
  openssl x509 -req -in "$work/int.csr" -CA "$work/cert.pem" -CAkey "$work/root.key" -CAcreateserial -days 2 \
    -extfile "$work/int.cnf" -out "$work/int.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/leaf.csr" \
    -subj /CN=127.0.0.1 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$work/leaf.cnf"
  openssl x509 -req -in "$work/leaf.csr" -CA "$work/int.pem" -CAkey "$work/int.key" -CAcreateserial -days 2 \
    -extfile "$work/leaf.cnf" -out "$work/leaf.pem" 2>/dev/null
  cat "$work/leaf.pem" "$work/int.pem" > "$work/chain.pem"
elif [[ $kind == rsa ]]; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
else
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" \
    -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
fi
cat > "$work/server.js" <<'JS'
const https = require('https'); const fs = require('fs');
const body = JSON.stringify({start: 0, end: 1, totalCount: 1, services: [{apiKey: 1, serviceName: 'bench'}]});
https.createServer({key: fs.readFileSync(process.argv[2]), cert: fs.readFileSync(process.argv[3])}, (req, res) => {
  res.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body)}); res.end(body);
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
JS
served=$work/cert.pem
[[ $kind == chain ]] && served=$work/chain.pem
node "$work/server.js" "$work/key.pem" "$served" > "$work/port" &
server=$!
for _ in $(seq 50); do [[ -s $work/port ]] && break; sleep 0.1; done
url=https://127.0.0.1:$(cat "$work/port")
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config AUTHLETE_KEYCHAIN=none AUTHLETE_BEARER=x
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
# Start-up archives recorded first, one per variant, as a user's first runs would.
AUTHLETE_CACHE=sync AUTHLETE_TLS=jdk "$root/authlete" service list --server-url "$url" --ca-cert "$work/cert.pem" > /dev/null
AUTHLETE_CACHE=sync "$root/authlete" service list --server-url "$url" --ca-cert "$work/cert.pem" > /dev/null
for _ in $(seq "$rounds"); do
  ms env AUTHLETE_TLS=jdk "$root/authlete" service list --server-url "$url" --ca-cert "$work/cert.pem" >> "$work/jdk"
  ms "$root/authlete" service list --server-url "$url" --ca-cert "$work/cert.pem" >> "$work/native"
  ms curl -fsS --cacert "$work/cert.pem" "$url/api/service/get/list" >> "$work/curl"
done
jdk=$(median < "$work/jdk"); native=$(median < "$work/native"); curl=$(median < "$work/curl")
echo "$kind certificate, $rounds rounds, medians: JDK TLS ${jdk} ms, Conscrypt ${native} ms, curl ${curl} ms"
awk -v a="$native" -v b="$jdk" -v c="$curl" 'BEGIN {printf "Conscrypt/JDK %.2fx; x curl: JDK %.1fx, Conscrypt %.1fx\n", a/b, b/c, a/c}'
