// The OAuth peer of the login tests: oidc-provider (exact version pinned in package.json) on 127.0.0.1 with the
// device flow and client credentials enabled, its development login and consent pages, and three clients:
//   cli-app  public native client (device flow, authorization code + PKCE with any loopback port, refresh)
//   ci-bot   confidential, client_secret_basic, client credentials
//   ci-post  confidential, client_secret_post, client credentials
// Usage: node oidc-peer.mjs PORT. Prints "ready <issuer>" when listening, then one line per token grant
// ("grant <grant_type> <client_id>") or failure ("grant-error <grant_type> <error>") so that tests can count them.
import Provider from 'oidc-provider';

const port = Number(process.argv[2] || 0);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'cli-app',
      client_name: 'Authlete CLI (test peer)',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
    {
      client_id: 'ci-bot',
      client_secret: 'ci-bot-secret',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
    {
      client_id: 'ci-post',
      client_secret: 'ci-post-secret',
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  features: {
    clientCredentials: { enabled: true },
    deviceFlow: { enabled: true },
    devInteractions: { enabled: true },
  },
  scopes: ['openid', 'offline_access'],
  ttl: {
    AccessToken: 3600,
    ClientCredentials: Number(process.env.PEER_CLIENT_CREDENTIALS_TTL || 600),
    DeviceCode: 600,
  },
});
provider.proxy = false;
provider.on('grant.success', (ctx) => {
  console.log(`grant ${ctx.oidc.params.grant_type} ${ctx.oidc.client?.clientId}`);
});
provider.on('grant.error', (ctx, error) => {
  console.log(`grant-error ${ctx.oidc.params?.grant_type} ${error.error || error.message}`);
});
const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
