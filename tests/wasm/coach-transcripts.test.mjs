/**
 * The coaching transcripts (tests/specs/coach/) through the built WebAssembly core: the same
 * files and expected notes as the native run (crates/core/tests/coach_transcripts.rs).
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, loadCore } from "./load-core.mjs";
import { TRANSCRIPT_DAY, runTranscript, transcripts } from "./transcript-format.mjs";

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
		assert.equal(runTranscript(core, c, template(core)), c.expect);
	});
}
