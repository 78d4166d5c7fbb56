// Solves one TraceFix task through MCP tools alone, with the official TypeScript MCP client over Streamable HTTP.
// Usage: node solve-task.mjs <mcp-url> <task-name> <fix-file>   (env TRACEFIX_KEY: operator key, optional)
// Prints one JSON document describing what the server answered; exits non-zero on any protocol failure.
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [url, task, fixFile] = process.argv.slice(2);
const fix = readFileSync(fixFile, "utf8").replace(/\n+$/, "");
const headers = process.env.TRACEFIX_KEY ? { Authorization: `Bearer ${process.env.TRACEFIX_KEY}` } : {};
const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
const client = new Client({ name: "tracefix-e2e", version: "1.2.3" });
await client.connect(transport);

const report = {
  server: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
  sessionId: transport.sessionId,
  protocolVersion: transport.protocolVersion,
};
report.tools = (await client.listTools()).tools.map((t) => t.name);

const call = async (name, args = {}) => {
  const result = await client.callTool({ name, arguments: { thought: `calling ${name}`, ...args } });
  return { isError: result.isError ?? false, text: result.content?.[0]?.text ?? "", structured: result.structuredContent ?? null };
};

report.reset = await call("reset", { task_name: task });
const lines = Object.keys(report.reset.structured.observation.code_dict).length;
report.before = await call("run_tests");
report.replace = await call("replace_lines", { start_line: 1, end_line: lines, new_code_block: fix });
report.after = await call("run_tests");
report.submit = await call("submit");
report.afterDone = await call("view_code");
try {
  await client.callTool({ name: "no_such_tool", arguments: {} });
  report.unknownTool = "accepted";
} catch (error) {
  report.unknownTool = String(error.code ?? error.message);
}
await transport.terminateSession();
await client.close();
console.log(JSON.stringify(report));
