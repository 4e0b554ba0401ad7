// The HTTPS peer of the TLS tests: Node's own TLS (OpenSSL), an implementation independent of both TLS stacks the
// client can run (the JDK's and Conscrypt's BoringSSL), configured the way a particular server would be.
// Usage: node tls-peer.mjs STORE_P12 PASSWORD [options] (a PKCS12 key store, as keytool makes); prints "ready <port>" when listening on 127.0.0.1.
//   --groups LIST    the key-exchange groups the server accepts (OpenSSL names, such as P-256 or X25519)
//   --tls12          TLS 1.2 only
//   --h2             HTTP/2 only, chosen by ALPN (no HTTP/1.1 fallback)
//   --stall-body     answer with the headers and the first bytes of the body, then send nothing more
// Every answer is a small service list that also says what the connection negotiated: {"tls": {protocol, alpn}}.
import fs from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';

const [storeFile, password, ...flags] = process.argv.slice(2);
const has = (flag) => flags.includes(flag);
const valueOf = (flag) => (flags.includes(flag) ? flags[flags.indexOf(flag) + 1] : undefined);

const options = {pfx: fs.readFileSync(storeFile), passphrase: password};
if (valueOf('--groups')) options.ecdhCurve = valueOf('--groups');
if (has('--tls12')) {
  options.minVersion = 'TLSv1.2';
  options.maxVersion = 'TLSv1.2';
}

function answer(req, res) {
  const socket = req.socket;
  const tls = {protocol: socket.getProtocol(), alpn: socket.alpnProtocol || null};
  const body = JSON.stringify({start: 0, end: 1, totalCount: 1, services: [{apiKey: 1, serviceName: 'peer'}], tls});
  if (has('--stall-body')) {
    res.writeHead(200, {'content-type': 'application/json', 'content-length': String(body.length + 100)});
    res.write(body.slice(0, 10));
    return; // never ends: the client's read limit must end the exchange
  }
  res.writeHead(200, {'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body))});
  res.end(body);
}

const server = has('--h2')
  ? http2.createSecureServer({...options, allowHTTP1: false}, answer)
  : https.createServer(options, answer);
server.listen(0, '127.0.0.1', () => console.log(`ready ${server.address().port}`));
