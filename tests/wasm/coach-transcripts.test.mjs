/**
 * The coaching transcripts (tests/specs/coach/) through the built WebAssembly core: the same
 * files and expected notes as the native run (crates/core/tests/coach_transcripts.rs).
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, loadCore } from "./load-core.mjs";
import { TRANSCRIPT_DAY, Typing, isChoice, meaning, transcripts } from "./transcript-format.mjs";

const core = await loadCore();

/** The Career Index template of the transcripts' day. */
export function template(glue) {
	const plan = glue.planNote({ kind: "career-index", settings: {}, today: TRANSCRIPT_DAY, existing: null });
	assert.equal(plan.ok, true, JSON.stringify(plan));
	return plan.value.text;
}

const cases = transcripts(join(ROOT, "tests/specs/coach"));

test("the transcripts are there", () => {
	assert.ok(cases.length >= 6, `${String(cases.length)} transcript cases`);
});

for (const c of cases) {
	test(`${c.file} :: ${c.name}`, () => {
		let note = c.template ? template(core) : c.input;
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
		assert.equal(note, c.expect);
	});
}
