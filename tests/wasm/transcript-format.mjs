/**
 * Coaching transcripts (tests/specs/coach/*.transcript, described in its README): the parser
 * and the terminal's way of reading typed lines, shared by the WASM run and the plugin's run.
 * The native run is crates/core/tests/coach_transcripts.rs.
 */

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The transcripts' day: `--- input [template]` is the Career Index template of this day. */
export const TRANSCRIPT_DAY = "2026-01-17";

const WORDS = new Set(["confirm", "yes", "edit", "skip", "back", "pause", "done", "decision", "thread"]);

/** Every case of every transcript under `dir`: `{ file, name, sections, template, input, typed, expect }`. */
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
			const input = block("--- input");
			cases.push({
				file,
				name,
				sections,
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
 * What a reply means at a prompt: `{ kind: "action", action }`, `{ kind: "pause" }`,
 * `{ kind: "decision" }`, `{ kind: "thread" }` or `{ kind: "ignored" }`.
 */
export function meaning(reply, confirming) {
	const word = reply.trim().toLowerCase();
	const is = (...words) => words.includes(word);
	if (confirming ? is("y", "yes", "confirm") : false) return { kind: "action", action: { action: "confirm" } };
	if (confirming && is("e", "edit")) return { kind: "action", action: { action: "edit" } };
	if (is("skip") || (confirming && is("s"))) return { kind: "action", action: { action: "skip" } };
	if (is("back") || (confirming && is("b"))) return { kind: "action", action: { action: "back" } };
	if (is("pause") || (confirming && is("p"))) return { kind: "pause" };
	if (is("decision") || (confirming && is("d"))) return { kind: "decision" };
	if (is("thread") || (confirming && is("t"))) return { kind: "thread" };
	return confirming ? { kind: "ignored" } : { kind: "action", action: { action: "answer", text: reply } };
}
