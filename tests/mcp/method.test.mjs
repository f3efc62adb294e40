/**
 * A whole method pass through `career mcp`, as an assistant runs it, with the official
 * TypeScript SDK client over stdio (issue 17): initialise; list tools, prompts and resources;
 * set up the notes; fill the profile; coach two sections (propose, then confirm); refuse a stale
 * confirm after the note changed; run blind spots; create the goals; add a weekly action; write
 * a weekly review; close the session. The resulting notes are checked byte for byte against
 * tests/golden/mcp/ (UPDATE_GOLDEN=1 rewrites them), and the goals note, the weekly action and
 * the review against what `career` itself writes from the same vault.
 */

import assert from "node:assert/strict";
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { ROOT, career, connect, copyVault, leftovers, notes, scratchVault } from "./support.mjs";

const GOLDEN = join(ROOT, "tests", "golden", "mcp");
const INDEX = "Career/0_Career_Index.md";

/** Calls a tool that must succeed; returns its structured result. */
async function call(client, name, args = {}) {
	const result = await client.callTool({ name, arguments: args });
	assert.notEqual(result.isError, true, `${name}: ${result.content?.[0]?.text}`);
	assert.ok(result.structuredContent, `${name} returns structured content`);
	assert.equal(typeof result.content[0].text, "string");
	return result.structuredContent;
}

/** Proposes, checks the preview shows a read-back and a diff, and confirms it. */
async function proposeAndConfirm(client, name, args) {
	const proposal = await call(client, name, args);
	assert.match(proposal.token, /^chg-[0-9a-f]{24}$/, `${name} proposes a change`);
	assert.ok(proposal.changes.length > 0);
	for (const change of proposal.changes) {
		assert.match(change.diff, /^(--- a\/|--- \/dev\/null)/);
	}
	const confirmed = await call(client, "confirm_change", { token: proposal.token });
	assert.deepEqual(
		confirmed.written.map((w) => w.path),
		proposal.changes.map((c) => c.path),
	);
	return { proposal, confirmed };
}

test("an assistant runs the whole method through career mcp, every write proposed and confirmed", async () => {
	const vault = scratchVault();
	const { client, stderr } = await connect(vault);
	try {
		// 1. Initialise.
		assert.equal(client.getServerVersion().name, "career-coach");
		const caps = client.getServerCapabilities();
		assert.ok(caps.tools && caps.prompts && caps.resources);
		assert.match(client.getInstructions(), /only confirm_change writes/);

		// 2. List tools, prompts and resources.
		const { tools } = await client.listTools();
		const names = tools.map((t) => t.name);
		for (const wanted of ["read_index", "read_section", "read_outline", "read_profile", "list_threads", "list_due_reviews", "read_goal_progress", "find_blind_spots", "propose_section_answer", "propose_table_edit", "propose_task_edit", "propose_goal_status", "propose_weekly_action", "propose_review", "propose_profile_answer", "close_session", "confirm_change", "propose_section_edit", "propose_property_edit"]) {
			assert.ok(names.includes(wanted), `tool ${wanted}`);
		}
		for (const tool of tools) {
			assert.ok(tool.description.length > 60, `${tool.name} says when to use it`);
			assert.ok(tool.outputSchema, `${tool.name} declares its output`);
			const a = tool.annotations;
			assert.equal(a.openWorldHint, false, tool.name);
			assert.equal(typeof a.readOnlyHint, "boolean", tool.name);
			assert.equal(typeof a.destructiveHint, "boolean", tool.name);
			assert.equal(typeof a.idempotentHint, "boolean", tool.name);
			assert.ok(a.title, tool.name);
			// Only confirm_change writes to the vault.
			const writesNotes = tool.name === "confirm_change";
			assert.equal(a.destructiveHint, writesNotes, `${tool.name} destructiveHint`);
			if (tool.name.startsWith("propose_") || tool.name.startsWith("read_") || tool.name.startsWith("list_") || tool.name.startsWith("find_") || tool.name === "close_session" || tool.name === "get_coaching_question") {
				assert.equal(a.readOnlyHint, true, `${tool.name} writes nothing`);
			}
		}
		const { prompts } = await client.listPrompts();
		assert.deepEqual(
			prompts.map((p) => p.name).sort(),
			["annual_review", "blind_spot_review", "coach_section", "goal_cascade", "index_structure", "monthly_review", "profile_interview", "quarterly_review", "weekly_review"],
		);
		for (const prompt of prompts) {
			const args = prompt.name === "coach_section" ? { section: "network" } : {};
			const got = await client.getPrompt({ name: prompt.name, arguments: args });
			const text = got.messages.map((m) => m.content.text).join("\n");
			assert.match(text, /ONE question at a time/, prompt.name);
			assert.match(text, /confirm_change/, prompt.name);
			assert.match(text, /close_session/, prompt.name);
			// Every tool a prompt names exists.
			for (const [, named] of text.matchAll(/`((?:propose|read|list|find|note|confirm|close|get)_[a-z_]+)`/g)) {
				assert.ok(names.includes(named), `${prompt.name} names the tool ${named}`);
			}
		}
		const network = await client.getPrompt({ name: "coach_section", arguments: { section: "network" } });
		assert.match(network.messages[0].content.text, /\*\*Sponsor\*\*: Advocates for you when you're not in the room/);
		assert.deepEqual((await client.listResources()).resources, [], "a new vault has no career notes yet");
		assert.equal((await client.listResourceTemplates()).resourceTemplates[0].uriTemplate, "career://note/{path}");

		// Phase 2: the notes, created once the person agrees.
		assert.equal((await call(client, "read_index")).exists, false);
		await proposeAndConfirm(client, "propose_setup", {});
		const index = await call(client, "read_index");
		assert.equal(index.exists, true);
		assert.ok(index.sections.every((s) => s.state !== "filled"));

		// 3. Phase 1: the profile, one answer at a time.
		const profile = await call(client, "read_profile");
		assert.equal(profile.ready, true);
		for (const [question, answer] of [
			["name", "Sam Rivera"],
			["role", "VP of Engineering, delivery and architecture"],
			["tone", "Direct"],
			["help", "Challenge my assumptions; Push for numbers"],
		]) {
			const { proposal } = await proposeAndConfirm(client, "propose_profile_answer", { question, answer });
			assert.match(proposal.read_back[0], /Here is what I understood/);
		}

		// 4. Phase 3: two sections coached, each proposed, shown and confirmed.
		const question = await call(client, "get_coaching_question", { section: "current_role" });
		assert.match(question.question, /scope/i, "the method's own question");
		assert.ok(question.fields.some((f) => f.id === "budget"));
		const partial = await call(client, "propose_section_answer", {
			section: "current_role",
			answer: "8 direct reports and about 65 people, with a $20M budget",
		});
		assert.deepEqual(partial.missing.map((f) => f.id), ["focus"], "the assistant is told what to ask next");
		assert.ok(partial.read_back.includes("  Direct reports: 8"));
		const { confirmed: role } = await proposeAndConfirm(client, "propose_section_answer", {
			section: "current_role",
			answer: "8 direct reports and about 65 people, with a $20M budget",
			fields: { focus: "Architecture and innovation" },
		});
		assert.ok(role.next.some((n) => n.includes("propose_follow_up_answer")));
		await proposeAndConfirm(client, "propose_follow_up_answer", {
			section: "current_role",
			follow_up: 0,
			answer: "Yes: from delivery to architecture; success is a clean handover by April",
		});
		const definitions = await call(client, "get_coaching_question", { section: "network" });
		assert.deepEqual(definitions.definitions.slice(0, 3).map((d) => d.term), ["Sponsor", "Mentor", "Advisor"]);
		await proposeAndConfirm(client, "propose_section_answer", {
			section: "network",
			answer: "Dana Kim, sponsor, CIO\nLee Park, mentor, former CTO\nAva Stone, advisor, startup founder",
		});

		// 5. A stale confirm is refused: the note changed after its preview.
		const wins = await call(client, "propose_section_answer", {
			section: "wins",
			answer: "2025 | GAS Summit | three years running, 900 attendees",
		});
		const before = readFileSync(join(vault, INDEX), "utf8");
		appendFileSync(join(vault, INDEX), "\nTyped in Obsidian meanwhile.\n");
		const edited = readFileSync(join(vault, INDEX), "utf8");
		const refused = await client.callTool({ name: "confirm_change", arguments: { token: wins.token } });
		assert.equal(refused.isError, true);
		assert.equal(refused._meta.code, "stale_proposal");
		assert.match(refused.content[0].text, /^error\[stale_proposal\]/);
		assert.equal(readFileSync(join(vault, INDEX), "utf8"), edited, "nothing was written");
		const again = refused._meta.proposal;
		assert.notEqual(again.token, wins.token, "the new preview has a new token");
		assert.match(again.changes[0].diff, /GAS Summit/);
		const used = await client.callTool({ name: "confirm_change", arguments: { token: wins.token } });
		assert.equal(used._meta.code, "unknown_proposal", "the old token is gone");
		await call(client, "confirm_change", { token: again.token });
		const after = readFileSync(join(vault, INDEX), "utf8");
		assert.ok(after.includes("Typed in Obsidian meanwhile."), "the person's edit is kept");
		assert.ok(after.includes("GAS Summit") && !before.includes("GAS Summit"));

		// 6. Phase 4: blind spots, with their evidence, saved as a note.
		const spots = await call(client, "find_blind_spots");
		assert.ok(spots.findings.length > 0);
		assert.ok(spots.findings.every((f) => f.question.length > 0));
		await call(client, "note_decision", { what: "2026 theme: Visible outside the company", why: "Internal credibility is established" });
		await proposeAndConfirm(client, "propose_blind_spot_analysis");

		// 7. Phase 5: the goals note, the same as `career goals new` writes.
		const goals = {
			year: 2026,
			theme: "Visible outside the company",
			goals: [
				{ outcome: "Speak at two external conferences", metric: "2 talks accepted" },
				{ outcome: "Publish the innovation thesis", metric: "Essay published" },
			],
			quarters: [{ quarter: 1, intention: "Stabilize the transition", focus: "Hand over delivery" }],
			milestones: [{ month: "2026-02", text: "Submit the first talk", goal: "G1" }],
		};
		const beforeGoals = copyVault(vault);
		await proposeAndConfirm(client, "propose_goals_note", goals);
		career(beforeGoals, ["goals", "new", "--year", "2026", "--theme", goals.theme, "--goal", "Speak at two external conferences|2 talks accepted", "--goal", "Publish the innovation thesis|Essay published", "--quarter", "Q1|Stabilize the transition|Hand over delivery", "--milestone", "2026-02|Submit the first talk|G1"]);
		sameNotes(beforeGoals, vault, ["Career/2026 Goals.md", INDEX]);

		// 8. A weekly action, the same as `career goals action` writes.
		const beforeAction = copyVault(vault);
		await proposeAndConfirm(client, "propose_weekly_action", { text: "Draft the conference abstract", goal: "G1" });
		career(beforeAction, ["goals", "action", "Draft the conference abstract", "--goal", "G1"]);
		sameNotes(beforeAction, vault, ["Career/2026 Goals.md"]);
		const progress = await call(client, "read_goal_progress");
		assert.equal(progress.note, "Career/2026 Goals.md");

		// 9. The weekly review, the same as `career review weekly` writes.
		const due = await call(client, "list_due_reviews");
		assert.ok(Array.isArray(due.due));
		const beforeReview = copyVault(vault);
		await proposeAndConfirm(client, "propose_review", { kind: "weekly" });
		career(beforeReview, ["review", "weekly"]);
		const reviews = [...notes(vault).keys()].filter((p) => p.includes("Weekly Review"));
		assert.equal(reviews.length, 1);
		sameNotes(beforeReview, vault, [...reviews, "Career/2026 Goals.md"]);

		// 10. Close the session: the log, from what the session confirmed.
		await call(client, "note_open_thread", { text: "Draft the Innovation Thesis" });
		const closing = await call(client, "close_session", {
			worked: ["One question at a time"],
			improve: ["Ask about business impact earlier"],
		});
		assert.ok(closing.changes.some((c) => c.action === "create" && c.path.endsWith("Career Coaching Session.md")));
		await call(client, "confirm_change", { token: closing.token });
		const resources = (await client.listResources()).resources.map((r) => r.uri);
		assert.ok(resources.includes("career://note/Career/2026%20Goals.md"));
		const read = await client.readResource({ uri: "career://note/Career/0_Career_Index.md" });
		assert.equal(read.contents[0].text, readFileSync(join(vault, INDEX), "utf8"));

		assert.deepEqual(leftovers(vault), []);
		assert.equal(stderr.join(""), "", "stderr stays quiet");
	} finally {
		await client.close();
	}
	checkGoldens(vault);
	rmSync(vault, { recursive: true, force: true });
});

/** The listed notes are byte for byte the same in both vaults. */
function sameNotes(cliVault, mcpVault, paths) {
	const cli = notes(cliVault);
	const mcp = notes(mcpVault);
	for (const path of paths) {
		assert.equal(mcp.get(path), cli.get(path), `${path}: career mcp writes what career writes`);
	}
	rmSync(cliVault, { recursive: true, force: true });
}

function goldenFiles(dir, prefix = "") {
	const out = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = prefix ? `${prefix}/${entry.name}` : entry.name;
		if (entry.isDirectory()) out.push(...goldenFiles(join(dir, entry.name), path));
		else out.push(path);
	}
	return out.sort();
}

/** Every note of the vault equals its golden, and there is a golden for every note. */
function checkGoldens(vault) {
	const got = notes(vault);
	if (process.env.UPDATE_GOLDEN) {
		rmSync(GOLDEN, { recursive: true, force: true });
		for (const [path, text] of got) {
			mkdirSync(dirname(join(GOLDEN, path)), { recursive: true });
			writeFileSync(join(GOLDEN, path), text);
		}
	}
	assert.deepEqual([...got.keys()].sort(), goldenFiles(GOLDEN));
	for (const [path, text] of got) {
		assert.equal(text, readFileSync(join(GOLDEN, path), "utf8"), `${path} matches tests/golden/mcp/${path}`);
	}
}

test("a blind spot about one entry names that entry's line, so the assistant improves it rather than adding a copy", async () => {
	const vault = scratchVault();
	const seed = readFileSync(join(ROOT, "tests/fixtures/seed-index-before-blind-spots.md"), "utf8");
	mkdirSync(join(vault, "Career"), { recursive: true });
	writeFileSync(join(vault, INDEX), seed);
	const { client } = await connect(vault);
	try {
		const spots = await call(client, "find_blind_spots");
		const lines = seed.split("\n");
		const cited = spots.findings.filter((f) => f.entry !== undefined);
		assert.ok(cited.length > 0, JSON.stringify(spots.findings));
		for (const f of cited) {
			assert.ok(f.lines.includes(f.entry), `${f.id}: its entry is among its evidence lines`);
			assert.notEqual(lines[f.entry - 1].trim(), "", `${f.id}: line ${f.entry} holds an entry`);
		}
		const listed = await client.callTool({ name: "find_blind_spots", arguments: {} });
		const first = cited[0];
		assert.match(listed.content[0].text, new RegExp(`${first.id} — [^\n]*\\(the entry on line ${first.entry}\\)`), "the text names the line too");
	} finally {
		await client.close();
	}
});
