#!/usr/bin/env bash
# Whole-process start-up benchmark: `authlete service list` against a loopback server versus
# `curl -s -H 'Authorization: Bearer x' URL` doing the same request, run alternately, over plain http and over
# HTTPS (two ways of trusting a test CA); `authlete --help`; the shell
# completion path. Medians of N rounds (default 15), ratios against curl, peak RSS via /usr/bin/time -v. Runs on
# every JDK given in JDKS (default: $JAVA_HOME or the java on PATH, plus Temurin 25 if installed). Start-up
# archives are recorded once per JDK before timing (the launcher's normal steady state).
#
#   bench/startup.sh [rounds]
#
# AUTHLETE_LAUNCHER times another launcher instead of the checkout's, such as an installed release's
# (~/.local/bin/authlete, which runs on its own runtime whatever JDK is named: give JDKS one entry then).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-15}
port=${PORT:-18095}
. "$root/bench/page-server.sh"
export XDG_CACHE_HOME=$work/cache XDG_CONFIG_HOME=$work/config AUTHLETE_KEYCHAIN=none AUTHLETE_BEARER=x

start_page_server "$port" 10 10 256m
url=http://127.0.0.1:$port
default_jdk=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
launcher=${AUTHLETE_LAUNCHER:-$root/authlete}
jdks=${JDKS:-${JAVA_HOME:-$default_jdk} $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print int($2/1024)}'; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $rounds rounds; commit $(git -C "$root" rev-parse --short HEAD)"
for jdk in $jdks; do
  export JAVA_HOME=$jdk
  # Record both start-up archives first (https: the default; http: chosen by an http:// server URL).
  AUTHLETE_CACHE=sync "$launcher" --version > /dev/null
  AUTHLETE_CACHE=sync AUTHLETE_SERVER_URL=$url "$launcher" --version > /dev/null
  : > "$work/curl"; : > "$work/list"; : > "$work/help"
  for _ in $(seq "$rounds"); do
    ms curl -s -H 'Authorization: Bearer x' "$url/api/service/get/list" >> "$work/curl"
    ms "$launcher" service list --server-url "$url" >> "$work/list"
    ms "$launcher" --help >> "$work/help"
  done
  c=$(median < "$work/curl"); l=$(median < "$work/list"); h=$(median < "$work/help")
  printf '%s\n' "$("$jdk/bin/java" -version 2>&1 | head -1)"
  printf '  curl GET                 %6s ms\n' "$c"
  printf '  authlete service list    %6s ms   %5.1fx curl   peak RSS %s MB\n' "$l" "$(echo "$l / $c" | bc -l)" \
    "$(rss "$launcher" service list --server-url "$url")"
  printf '  authlete --help          %6s ms\n' "$h"
done
# HTTPS, as every real user talks to the API: a loopback `openssl s_server` (HTTP/1.1 answers with a length) with a
# test CA made now (no key is ever committed), trusted two ways: --ca-cert with the test CA, and SSL_CERT_FILE naming
# the system bundle plus the test CA (as on many CI and corporate machines). curl gets the same trust with --cacert.
tls=$work/tls
mkdir -p "$tls/www/api/service/get"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tls/ca.key" -out "$tls/ca.pem" -days 2 \
  -subj "/CN=authlete bench CA" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tls/server.key" -out "$tls/server.csr" \
  -subj "/CN=127.0.0.1" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n' > "$tls/ext.cnf"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -out "$tls/server.pem" \
  -days 2 -extfile "$tls/ext.cnf" 2>/dev/null
system_bundle=${SYSTEM_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
cat "$system_bundle" "$tls/ca.pem" > "$tls/bundle.pem"
body='{"start":0,"end":1,"totalCount":1,"services":[{"apiKey":1,"serviceName":"s"}]}'
printf 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
  "${#body}" "$body" > "$tls/www/api/service/get/list"
tls_port=${TLS_PORT:-18443}
(cd "$tls/www" && exec openssl s_server -accept "$tls_port" -cert "$tls/server.pem" -key "$tls/server.key" -HTTP -quiet \
  > "$work/s_server.log" 2>&1) &
tls_server=$!
trap 'kill "$server" "$tls_server" 2>/dev/null || true; rm -rf "$work"' EXIT
tls_url=https://127.0.0.1:$tls_port
for _ in $(seq 50); do curl -s --cacert "$tls/ca.pem" "$tls_url/api/service/get/list" > /dev/null && break; sleep 0.1; done
# The JDK's store as every user without flags has it: a copy of this JDK's cacerts plus the test CA, named by
# javax.net.ssl.trustStore (the JDK's own trust manager reads it exactly as it reads cacerts).
echo "HTTPS ($(openssl version | cut -d' ' -f1-2) s_server, EC P-256 test CA; system bundle of $(grep -c BEGIN "$system_bundle") certificates)"
for jdk in $jdks; do
  export JAVA_HOME=$jdk
  printf '%s\n' "$("$jdk/bin/java" -version 2>&1 | head -1)"
  rm -f "$tls/jdk-store"
  cp "$jdk/lib/security/cacerts" "$tls/jdk-store"; chmod u+w "$tls/jdk-store"
  "$jdk/bin/keytool" -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE -J-Dkeystore.pkcs12.macAlgorithm=NONE -importcert \
    -noprompt -alias bench-ca -file "$tls/ca.pem" -keystore "$tls/jdk-store" -storepass changeit > /dev/null 2>&1
  # The floor: the JDK's HTTP client alone doing the same request, with its own start-up archive.
  floor=$tls/floor-$(basename "$jdk")
  mkdir -p "$floor"
  "$jdk/bin/javac" -d "$floor/classes" "$root/bench/TlsFloor.java"
  "$jdk/bin/jar" cf "$floor/floor.jar" -C "$floor/classes" .   # a start-up archive needs a jar, not a folder
  floor_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -cp "$floor/floor.jar")
  # The same floor with the handshake in Conscrypt (its jar from the local Maven repository, its library from the
  # build, as the CLI loads it): the floor of any JVM program that uses it.
  conscrypt_jar=$HOME/.m2/repository/org/conscrypt/conscrypt-openjdk-uber/2.9.0/conscrypt-openjdk-uber-2.9.0.jar
  native_opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData --enable-native-access=ALL-UNNAMED
    -Djava.library.path="$root/cli/target/native/META-INF/native" -cp "$floor/floor.jar:$conscrypt_jar")
  if "$jdk/bin/java" -XX:AOTCacheOutput="$floor/a.aot" "${floor_opts[@]}" TlsFloor "$tls_url/api/service/get/list" "$tls/ca.pem" > /dev/null 2>&1; then
    floor_opts+=(-XX:AOTCache="$floor/a.aot")
    "$jdk/bin/java" -XX:AOTCacheOutput="$floor/n.aot" "${native_opts[@]}" TlsFloor "$tls_url/api/service/get/list" "$tls/ca.pem" conscrypt > /dev/null 2>&1 \
      && native_opts+=(-XX:AOTCache="$floor/n.aot")
  else
    "$jdk/bin/java" -XX:ArchiveClassesAtExit="$floor/a.jsa" "${floor_opts[@]}" TlsFloor "$tls_url/api/service/get/list" "$tls/ca.pem" > /dev/null 2>&1
    floor_opts+=(-XX:SharedArchiveFile="$floor/a.jsa")
    "$jdk/bin/java" -XX:ArchiveClassesAtExit="$floor/n.jsa" "${native_opts[@]}" TlsFloor "$tls_url/api/service/get/list" "$tls/ca.pem" conscrypt > /dev/null 2>&1 \
      && native_opts+=(-XX:SharedArchiveFile="$floor/n.jsa")
  fi
  floors=(floor)
  [[ -f $conscrypt_jar ]] && floors+=(floor-native)
  for trust in ca-cert ssl-cert-file jdk-store "${floors[@]}" pretty; do
    : > "$work/curl"; : > "$work/list"
    for _ in $(seq "$rounds"); do
      case $trust in
        ssl-cert-file)
          ms curl -s --cacert "$tls/bundle.pem" -H 'Authorization: Bearer x' "$tls_url/api/service/get/list" >> "$work/curl"
          ms env SSL_CERT_FILE="$tls/bundle.pem" "$launcher" service list --server-url "$tls_url" >> "$work/list" ;;
        jdk-store)
          ms curl -s --cacert "$tls/ca.pem" -H 'Authorization: Bearer x' "$tls_url/api/service/get/list" >> "$work/curl"
          ms env -u SSL_CERT_FILE AUTHLETE_JAVA_OPTS="-Djavax.net.ssl.trustStore=$tls/jdk-store" \
            "$launcher" service list --server-url "$tls_url" >> "$work/list" ;;
        floor)
          ms curl -s --cacert "$tls/ca.pem" -H 'Authorization: Bearer x' "$tls_url/api/service/get/list" >> "$work/curl"
          ms "$jdk/bin/java" "${floor_opts[@]}" TlsFloor "$tls_url/api/service/get/list" "$tls/ca.pem" >> "$work/list" ;;
        floor-native)
          ms curl -s --cacert "$tls/ca.pem" -H 'Authorization: Bearer x' "$tls_url/api/service/get/list" >> "$work/curl"
          ms "$jdk/bin/java" "${native_opts[@]}" TlsFloor "$tls_url/api/service/get/list" "$tls/ca.pem" conscrypt \
            >> "$work/list" ;;
        *)
          ms curl -s --cacert "$tls/ca.pem" -H 'Authorization: Bearer x' "$tls_url/api/service/get/list" >> "$work/curl"
          format=json; [[ $trust == pretty ]] && format=pretty
          ms env -u SSL_CERT_FILE "$launcher" service list --server-url "$tls_url" --ca-cert "$tls/ca.pem" -F "$format" \
            >> "$work/list" ;;
      esac
    done
    c=$(median < "$work/curl"); l=$(median < "$work/list")
    what="authlete service list"
    [[ $trust == floor ]] && what="TlsFloor (JDK alone)"
    [[ $trust == floor-native ]] && what="TlsFloor + Conscrypt"
    [[ $trust == pretty ]] && what="service list -F pretty"
    printf '  %-14s curl %4s ms   %-22s %5s ms   %5.1fx curl\n' "$trust" "$c" "$what" "$l" "$(echo "$l / $c" | bc -l)"
  done
done

"$launcher" completion bash > "$work/completion.bash"
: > "$work/complete"
for _ in $(seq "$rounds"); do
  ms bash -c "source $work/completion.bash; COMP_WORDS=(authlete client create --client-t); COMP_CWORD=3; _authlete" >> "$work/complete"
done
printf 'completion (bash, loading the script and completing; no JVM involved): %s ms\n' "$(median < "$work/complete")"
