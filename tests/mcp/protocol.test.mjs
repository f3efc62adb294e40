/**
 * `career mcp` as a protocol peer (issue 17): initialise and capabilities, ping, tools/list in
 * one page; every tool's input and output schema compiles as JSON Schema (draft 2020-12, ajv);
 * bad arguments are refused with our stable code and the server goes on; stdout carries only
 * JSON-RPC messages and stderr stays quiet unless --verbose; closing stdin, cancelling or
 * killing the server in the middle of a confirmation leaves each note either as it was or fully
 * written, with no temp file behind.
 */

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import Ajv2020 from "ajv/dist/2020.js";
import { CAREER, ENV, TODAY, career, connect, copyVault, leftovers, scratchVault } from "./support.mjs";

const INDEX = "Career/0_Career_Index.md";

/** A vault with the notes `career init` creates. */
function initialised() {
	const vault = scratchVault();
	career(vault, ["init"]);
	return vault;
}

/** A raw stdio peer: send JSON-RPC lines, read every line the server writes. */
function rawServer(vault, extraArgs = []) {
	const child = spawn(CAREER, ["--vault", vault, "--today", TODAY, "mcp", ...extraArgs], { env: ENV, stdio: ["pipe", "pipe", "pipe"] });
	const lines = [];
	let buffer = "";
	let stderr = "";
	const waiters = [];
	child.stdout.on("data", (chunk) => {
		buffer += chunk.toString("utf8");
		let at;
		while ((at = buffer.indexOf("\n")) >= 0) {
			const line = buffer.slice(0, at);
			buffer = buffer.slice(at + 1);
			lines.push(line);
			for (const w of waiters.splice(0)) w();
		}
	});
	child.stderr.on("data", (chunk) => (stderr += chunk.toString("utf8")));
	const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
	const send = (message) => child.stdin.write(`${JSON.stringify(message)}\n`);
	/** The response to request `id`. */
	const response = async (id) => {
		for (;;) {
			const found = lines.map((l) => JSON.parse(l)).find((m) => m.id === id);
			if (found) return found;
			await new Promise((resolve) => waiters.push(resolve));
		}
	};
	const initialise = async () => {
		send({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } } });
		const init = await response(0);
		send({ jsonrpc: "2.0", method: "notifications/initialized" });
		return init;
	};
	return { child, lines, send, response, initialise, exited, stderr: () => stderr, buffer: () => buffer };
}

test("initialise, capabilities, ping and one page of tools; stdout is only JSON-RPC and stderr is quiet", async () => {
	const vault = initialised();
	const server = rawServer(vault);
	const init = await server.initialise();
	assert.equal(init.result.protocolVersion, "2025-06-18");
	assert.equal(init.result.serverInfo.name, "career-coach");
	assert.ok(init.result.capabilities.tools);
	assert.ok(init.result.capabilities.prompts);
	assert.ok(init.result.capabilities.resources);
	assert.ok(init.result.capabilities.completions);
	server.send({ jsonrpc: "2.0", id: 1, method: "ping" });
	assert.deepEqual((await server.response(1)).result, {});
	server.send({ jsonrpc: "2.0", id: 2, method: "tools/list", params: {} });
	const list = await server.response(2);
	assert.ok(list.result.tools.length >= 25);
	assert.equal(list.result.nextCursor, undefined, "every tool in one page: no pagination");
	server.send({ jsonrpc: "2.0", id: 4, method: "completion/complete", params: { ref: { type: "ref/prompt", name: "coach_section" }, argument: { name: "section", value: "net" } } });
	assert.deepEqual((await server.response(4)).result.completion.values, ["network"], "the coach_section prompt completes section ids");
	server.send({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "no_such_tool", arguments: {} } });
	assert.ok((await server.response(3)).error, "an unknown tool is a JSON-RPC error");
	server.child.stdin.end();
	assert.equal((await server.exited).code, 0);
	for (const line of server.lines) {
		assert.equal(JSON.parse(line).jsonrpc, "2.0", `stdout carries only JSON-RPC: ${line}`);
	}
	assert.equal(server.buffer(), "", "nothing but whole messages on stdout");
	assert.equal(server.stderr(), "", "stderr stays quiet");

	const verbose = rawServer(vault, ["--verbose"]);
	await verbose.initialise();
	verbose.child.stdin.end();
	await verbose.exited;
	assert.match(verbose.stderr(), /^career mcp: serving /, "--verbose speaks on stderr");
	assert.ok(verbose.lines.every((l) => JSON.parse(l).jsonrpc === "2.0"));
	rmSync(vault, { recursive: true, force: true });
});

test("every tool's schemas compile as JSON Schema, and bad arguments are refused with our code without a crash", async () => {
	const vault = initialised();
	const { client, stderr } = await connect(vault);
	try {
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		const { tools } = await client.listTools();
		for (const tool of tools) {
			assert.doesNotThrow(() => ajv.compile(tool.inputSchema), `${tool.name} input schema`);
			assert.doesNotThrow(() => ajv.compile(tool.outputSchema), `${tool.name} output schema`);
			assert.equal(tool.inputSchema.additionalProperties, false, `${tool.name} refuses unknown arguments`);
			for (const [name, property] of Object.entries(tool.inputSchema.properties ?? {})) {
				assert.ok(property.description, `${tool.name}.${name} is described`);
			}
			const refusal = await refusedCode(client, tool.name, { not_an_argument: 1 });
			assert.equal(refusal, "invalid_input", `${tool.name} with an unknown argument`);
		}
		// Wrong types, missing required arguments, values outside the enums.
		for (const [name, args] of [
			["propose_section_answer", { section: 5, answer: "x" }],
			["propose_section_answer", { answer: "x" }],
			["propose_section_answer", { section: "hobbies", answer: "chess" }],
			["propose_goal_status", { goal: "G1", status: "Done-ish" }],
			["propose_review", { kind: "daily" }],
			["propose_follow_up_answer", { section: "vision", follow_up: -1, answer: "x" }],
			["confirm_change", {}],
			["read_section", { section: "Nowhere" }],
			["read_note", { note: "../outside.md" }],
			["propose_section_edit", { note: "/etc/passwd.md", action: "append", section: "x", text: "y" }],
			["propose_weekly_action", { text: "x", week: "2026-13" }],
		]) {
			const code = await refusedCode(client, name, args);
			assert.match(code, /^[a-z_]+$/, `${name} ${JSON.stringify(args)} is refused with a code`);
		}
		assert.equal(await refusedCode(client, "read_note", { note: "../outside.md" }), "path_outside_vault");
		assert.equal(await refusedCode(client, "confirm_change", { token: "chg-000" }), "unknown_proposal");
		assert.deepEqual(await client.ping(), {}, "the server is still there");
		assert.equal(stderr.join(""), "");
	} finally {
		await client.close();
	}
	rmSync(vault, { recursive: true, force: true });
});

/** The stable code a refused call carries: a JSON-RPC error's data, or a tool error's _meta. */
async function refusedCode(client, name, args) {
	try {
		const result = await client.callTool({ name, arguments: args });
		assert.equal(result.isError, true, `${name} ${JSON.stringify(args)} should be refused`);
		assert.match(result.content[0].text, /^error\[[a-z_]+\]: /);
		return result._meta.code;
	} catch (error) {
		assert.equal(error.code, -32602, `${name}: ${error.message}`);
		return error.data.code;
	}
}

/** Proposes the Vision answer on a raw server and returns its token. */
async function proposeVision(server) {
	server.send({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "propose_section_answer", arguments: { section: "vision", answer: "CTO of a product company by 2031\nLife: time for family\nRole: CTO\nImpact: teams that ship\nReach: teaching" } } });
	const proposed = await server.response(1);
	return proposed.result.structuredContent.token;
}

for (const [how, interrupt] of [
	["closing stdin", (server) => server.child.stdin.end()],
	["cancelling the request", (server) => {
		server.send({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 2, reason: "the person left" } });
		server.child.stdin.end();
	}],
	["killing the server", (server) => server.child.kill("SIGKILL")],
]) {
	test(`${how} in the middle of a confirmation leaves the note as it was or fully written`, async () => {
		const vault = initialised();
		const before = readFileSync(join(vault, INDEX), "utf8");
		// The note as a finished confirmation writes it, on a copy.
		const copy = copyVault(vault);
		const full = rawServer(copy);
		await full.initialise();
		full.send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "confirm_change", arguments: { token: await proposeVision(full) } } });
		assert.notEqual((await full.response(2)).result.isError, true);
		full.child.stdin.end();
		await full.exited;
		const after = readFileSync(join(copy, INDEX), "utf8");
		assert.notEqual(after, before);

		for (let round = 0; round < 3; round++) {
			const server = rawServer(vault);
			await server.initialise();
			const token = await proposeVision(server);
			server.send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "confirm_change", arguments: { token } } });
			interrupt(server);
			await server.exited;
			const now = readFileSync(join(vault, INDEX), "utf8");
			assert.ok(now === before || now === after, `${how}: the note is whole (round ${round})`);
			if (how !== "killing the server") {
				// (A killed run's temp file, if the kill lands mid-write, is removed by the
				// next write to that folder: crates/cli/tests/write_safety.)
				assert.deepEqual(leftovers(vault), [], "no temp file is left behind");
			}
			if (now === after) break;
		}
		rmSync(vault, { recursive: true, force: true });
		rmSync(copy, { recursive: true, force: true });
	});
}
