/**
 * The coaching transcripts (tests/specs/coach/) through the built WebAssembly core: the same
 * files and expected notes as the native run (crates/core/tests/coach_transcripts.rs).
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, loadCore } from "./load-core.mjs";
import { TRANSCRIPT_DAY, Typing, meaning, transcripts } from "./transcript-format.mjs";

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
		const started = core.coachStart({ notePath: "Career/0_Career_Index.md", note, sections: c.sections, today: TRANSCRIPT_DAY, at: "t0" });
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
			const confirming = prompt.value.kind === "confirm";
			const reply = confirming ? typing.line() : typing.reply();
			if (reply === null) break;
			const said = meaning(reply, confirming);
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
