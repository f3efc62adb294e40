/**
 * Support for the `career mcp` tests: the built `career` binary (scripts/test.sh builds it
 * first; CAREER_BIN overrides), scratch vaults, the official TypeScript SDK client over stdio,
 * and reading a vault's notes for golden comparison.
 */

import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CAREER = process.env.CAREER_BIN ?? join(ROOT, "target", "debug", "career");
export const TODAY = "2026-01-17";
/** Fixed clock for the session's events (the log's duration), as `career coach` scripts use. */
export const ENV = { ...process.env, CAREER_NOW: `${TODAY}T10:00:00` };

if (!existsSync(CAREER)) {
	throw new Error(`${CAREER} is missing: build it with \`cargo build -p career-cli\` (scripts/test.sh does).`);
}

/** A new empty vault folder. */
export function scratchVault() {
	return mkdtempSync(join(tmpdir(), "career-mcp-"));
}

/** A copy of a vault, to run the CLI on the same state. */
export function copyVault(dir) {
	const copy = scratchVault();
	cpSync(dir, copy, { recursive: true });
	return copy;
}

/** Runs `career --vault DIR --today TODAY ARGS` and returns its result. */
export function career(vault, args) {
	const run = spawnSync(CAREER, ["--vault", vault, "--today", TODAY, ...args], { env: ENV, encoding: "utf8", input: "" });
	if (run.status !== 0) {
		throw new Error(`career ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
	}
	return run;
}

/** Starts `career mcp` on `vault` and connects the SDK client; stderr is collected. */
export async function connect(vault, extraArgs = []) {
	const transport = new StdioClientTransport({
		command: CAREER,
		args: ["--vault", vault, "--today", TODAY, "mcp", ...extraArgs],
		env: ENV,
		stderr: "pipe",
	});
	const stderr = [];
	transport.stderr?.on("data", (chunk) => stderr.push(chunk.toString("utf8")));
	const client = new Client({ name: "career-mcp-tests", version: "1.0.0" });
	await client.connect(transport);
	return { client, transport, stderr };
}

/** Every markdown note of a vault (outside its config folder): path → text. */
export function notes(vault) {
	const out = new Map();
	const walk = (dir) => {
		for (const name of readdirSync(dir).sort()) {
			if (name.startsWith(".")) continue;
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith(".md")) out.set(relative(vault, path).split("\\").join("/"), readFileSync(path, "utf8"));
		}
	};
	walk(vault);
	return out;
}

/** Files a guarded write leaves only while it runs (temp files), anywhere in the vault. */
export function leftovers(vault) {
	const found = [];
	const walk = (dir) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name.endsWith(".tmp")) found.push(relative(vault, path));
		}
	};
	walk(vault);
	return found;
}
