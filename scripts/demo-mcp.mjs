/**
 * The demo's AI-assistant session: `career mcp` driven by the official MCP TypeScript SDK client,
 * as Claude Desktop or Claude Code would drive it. It reads the Career Index, coaches one empty
 * section (propose → show → confirm), notes a decision and a thread, and closes the session,
 * which writes its session log. Prints what the assistant sees.
 *
 * Usage: node scripts/demo-mcp.mjs CAREER_BINARY VAULT TODAY
 */

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [career, vault, today] = process.argv.slice(2);
const ANSWERS = {
	failure_log: "2024 | Internal AI hackathon | Ran it without business sponsors; next time recruit one per team",
	external_visibility: "Speaking | Two conference talks | Drafting\nWriting | A monthly essay on platform engineering | Not started",
	risk_register: "Reorg merges my org | Medium | High | Keep the architecture roadmap visible to the CIO",
	innovation_portfolio: "Copilot for incident reviews | Cuts review time in half | Piloting | Teams trust summaries they can edit",
};

const client = new Client({ name: "career-demo", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command: career, args: ["--vault", vault, "--today", today, "mcp"] }));
const call = async (name, args = {}) => {
	const result = await client.callTool({ name, arguments: args });
	if (result.isError) throw new Error(`${name}: ${result.content[0].text}`);
	return result;
};
const show = (who, text) => console.log(`\n[${who}]\n${text}`);

const index = (await call("read_index")).structuredContent;
const section = index.sections.find((s) => s.state !== "filled" && ANSWERS[s.id]);
if (section) {
	const question = await call("get_coaching_question", { section: section.id });
	show("assistant asks", question.structuredContent.question);
	show("person answers", ANSWERS[section.id]);
	const proposal = await call("propose_section_answer", { section: section.id, answer: ANSWERS[section.id] });
	show("career mcp previews", proposal.content[0].text);
	show("person", "Yes, write it.");
	show("career mcp", (await call("confirm_change", { token: proposal.structuredContent.token })).content[0].text);
}
await call("note_decision", { what: "Coach with an AI assistant between reviews", why: "Faster capture, same confirmed notes" });
await call("note_open_thread", { text: "Quantify the hackathon's outcome" });
const closing = await call("close_session", { worked: ["Previews before every write"], improve: ["Attach last week's review first"] });
show("career mcp previews the session log", closing.structuredContent.summary);
show("career mcp", (await call("confirm_change", { token: closing.structuredContent.token })).content[0].text);
await client.close();
