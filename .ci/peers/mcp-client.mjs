// A real MCP client for the MCP server's end-to-end test: the official TypeScript SDK (exact version pinned in
// package.json) over stdio. Reads a plan as JSON on standard input:
//   { "server": { "command": "...", "args": [...], "env": {...} },
//     "calls": [ { "name": "client_get", "arguments": {...} }, ... ] }
// starts the server, initializes, lists the tools (checking each input schema with Ajv, the JSON Schema
// validator the SDK itself uses), makes the calls in order and prints one JSON report on standard output:
//   { "server": {name, version}, "instructions", "tools": [{name, annotations, inputSchema}], "schemaErrors": [...],
//     "results": [ {isError, texts} | {protocolError} ], "stderr": "..." }
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import Ajv from 'ajv';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const plan = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const transport = new StdioClientTransport({
  command: plan.server.command,
  args: plan.server.args,
  env: plan.server.env,
  stderr: 'pipe',
});
let stderr = '';
transport.stderr.on('data', (data) => { stderr += data.toString('utf8'); });

const client = new Client({ name: 'authlete-toolkit-e2e', version: '1.0.0' });
await client.connect(transport);

const tools = [];
let cursor;
do {
  const page = await client.listTools(cursor ? { cursor } : {});
  tools.push(...page.tools);
  cursor = page.nextCursor;
} while (cursor);

const ajv = new Ajv({ strict: true, allErrors: true });
const schemaErrors = [];
for (const tool of tools) {
  try {
    ajv.compile(tool.inputSchema);
  } catch (error) {
    schemaErrors.push(`${tool.name}: ${error.message}`);
  }
}

const results = [];
for (const call of plan.calls ?? []) {
  try {
    const result = await client.callTool({ name: call.name, arguments: call.arguments ?? {} });
    results.push({ isError: result.isError === true, texts: result.content.map((content) => content.text) });
  } catch (error) {
    results.push({ protocolError: String(error.message ?? error) });
  }
}

const version = client.getServerVersion();
await client.close();
process.stdout.write(JSON.stringify({
  server: { name: version?.name, version: version?.version },
  instructions: client.getInstructions(),
  tools: tools.map(({ name, annotations, inputSchema }) => ({ name, annotations, inputSchema })),
  schemaErrors,
  results,
  stderr,
}) + '\n');
