/**
 * Coaching transcripts (tests/specs/coach/*.transcript, described in its README): the parser,
 * the terminal's way of reading typed lines and a driver (`runTranscript`), shared by the WASM
 * runs and the plugin's run.
 * The native run is crates/core/tests/coach_transcripts.rs.
 */

import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The transcripts' day: `--- input [template]` is the Career Index template of this day. */
export const TRANSCRIPT_DAY = "2026-01-17";

const WORDS = new Set(["confirm", "yes", "edit", "skip", "back", "pause", "done", "decision", "thread", "keep", "remove", "add"]);

/**
 * Every case of every transcript under `dir`: `{ file, name, sections, coachThis, template, input, typed,
 * expect }`. `coachThis` is the id of the blind spot finding whose "Coach this" starts the session (null
 * for `sections`).
 */
export function transcripts(dir) {
	const cases = [];
	for (const file of readdirSync(dir).filter((f) => f.endsWith(".transcript")).sort()) {
		const source = readFileSync(join(dir, file), "utf8");
		for (const chunk of source.split("\n=== ")) {
			if (chunk.trim() === "") {
				continue;
			}
			const text = chunk.replace(/^=== /, "");
			const name = text.slice(0, text.indexOf("\n")).trim();
			const rest = text.slice(text.indexOf("\n") + 1);
			const block = (marker) => {
				const at = rest.startsWith(marker) ? 0 : rest.indexOf(`\n${marker}`) + 1;
				const headerEnd = rest.indexOf("\n", at) + 1;
				const next = rest.indexOf("\n--- ", headerEnd);
				return { header: rest.slice(at, headerEnd).trim(), body: rest.slice(headerEnd, next === -1 ? rest.length : next + 1) };
			};
			const sections = /^sections: (.*)$/m.exec(rest)?.[1].split(", ") ?? [];
			const coachThis = /^coach this: (.*)$/m.exec(rest)?.[1].trim() ?? null;
			const input = block("--- input");
			cases.push({
				file,
				name,
				sections,
				coachThis,
				template: input.header.includes("[template]"),
				input: input.body,
				typed: block("--- type").body.split("\n"),
				expect: `${block("--- expect").body.replace(/\n+$/, "")}\n`,
			});
		}
	}
	return cases;
}

/** Typed lines read as `career coach` reads them on a terminal. */
export class Typing {
	constructor(lines) {
		this.lines = lines;
		this.at = 0;
	}

	/** One non-empty line (a confirmation); null at the end. */
	line() {
		while (this.at < this.lines.length) {
			const l = this.lines[this.at++];
			if (l.trim() !== "") {
				return l;
			}
		}
		return null;
	}

	/** An answer up to an empty line, or a command word alone; null at the end. */
	reply() {
		const first = this.line();
		if (first === null || WORDS.has(first.trim().toLowerCase())) {
			return first;
		}
		const answer = [first];
		while (this.at < this.lines.length) {
			const l = this.lines[this.at++];
			if (l.trim() === "") {
				break;
			}
			answer.push(l);
		}
		return answer.join("\n");
	}
}

/**
 * What a reply means at a prompt of kind `at` (the core's prompt kind): `{ kind: "action", action }`,
 * `{ kind: "pause" }`, `{ kind: "decision" }`, `{ kind: "thread" }` or `{ kind: "ignored" }`. A
 * confirmation and an entry ("keep, edit or remove?") are choices: one line, a word or its first letter.
 */
export function meaning(reply, at) {
	const word = reply.trim().toLowerCase();
	const is = (...words) => words.includes(word);
	const entry = at === "entry";
	const choice = at === "confirm" || entry;
	if (entry && is("k", "keep")) return { kind: "action", action: { action: "keep" } };
	if (entry && is("r", "remove")) return { kind: "action", action: { action: "remove" } };
	if (entry && is("a", "add")) return { kind: "action", action: { action: "add" } };
	if (at === "confirm" && is("y", "yes", "confirm")) return { kind: "action", action: { action: "confirm" } };
	if (choice && is("e", "edit")) return { kind: "action", action: { action: "edit" } };
	if (is("skip") || (choice && is("s"))) return { kind: "action", action: { action: "skip" } };
	if (is("back") || (choice && is("b"))) return { kind: "action", action: { action: "back" } };
	if (is("pause") || (choice && is("p"))) return { kind: "pause" };
	if (is("decision") || (choice && is("d"))) return { kind: "decision" };
	if (is("thread") || (choice && is("t"))) return { kind: "thread" };
	return choice ? { kind: "ignored" } : { kind: "action", action: { action: "answer", text: reply } };
}

/** Whether a prompt of kind `at` reads one line (a choice) rather than an answer. */
export function isChoice(at) {
	return at === "confirm" || at === "entry";
}

/**
 * Runs transcript case `c` through `core` (the glue's `coachStart`, `coachPrompt` and
 * `coachStep`, or anything with their shape) and gives the note's text at the end. `template`:
 * the Career Index template, for a case that starts from it.
 */
export function runTranscript(core, c, template) {
	let note = c.template ? template : c.input;
	let start = { sections: c.sections };
	if (c.coachThis !== null) {
		// What "Coach this" does: the finding's section, opened at its entry if it has one.
		const found = core.blindSpots({ index: note, goals: null, logs: [], today: TRANSCRIPT_DAY });
		const finding = found.value.find((f) => f.id === c.coachThis);
		assert.equal(finding?.action.kind, "coach", JSON.stringify(found));
		start = { sections: [finding.action.section], entry: finding.action.entry };
	}
	const started = core.coachStart({ notePath: "Career/0_Career_Index.md", note, ...start, today: TRANSCRIPT_DAY, at: "t0" });
	assert.equal(started.ok, true, JSON.stringify(started));
	let session = started.value;
	const apply = (action) => {
		const result = core.coachStep({ session, note, action, at: "t" });
		if (!result.ok) {
			assert.equal(result.error.code, "invalid_input", JSON.stringify(result));
			return;
		}
		session = result.value.session;
		note = result.value.write ?? note;
	};
	const typing = new Typing(c.typed);
	for (let i = 0; i < 500; i++) {
		const prompt = core.coachPrompt({ session, note });
		assert.equal(prompt.ok, true, JSON.stringify(prompt));
		if (prompt.value.kind === "done") break;
		const reply = isChoice(prompt.value.kind) ? typing.line() : typing.reply();
		if (reply === null) break;
		const said = meaning(reply, prompt.value.kind);
		if (said.kind === "action") apply(said.action);
		if (said.kind === "pause") {
			apply({ action: "pause" });
			session = JSON.parse(JSON.stringify(session));
			apply({ action: "resume" });
		}
		if (said.kind === "decision") apply({ action: "decide", what: typing.reply() ?? "", why: typing.reply() ?? "" });
		if (said.kind === "thread") apply({ action: "thread", text: typing.reply() ?? "" });
	}
	return note;
}
