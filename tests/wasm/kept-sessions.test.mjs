/**
 * Coaching sessions kept in the module (crates/wasm/src/coach.rs, used through
 * plugin/src/core/kept-sessions.ts): every coaching transcript gives, call by call, the same
 * prompts, steps and sessions as the plain exports, however sessions come and go: a session
 * the module no longer keeps, one changed by spreading it, one read back from `data.json`, or
 * any after the instance was restarted.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { before, test } from "node:test";
import { ROOT, loadCore, pluginModule } from "./load-core.mjs";
import { TRANSCRIPT_DAY, runTranscript, transcripts } from "./transcript-format.mjs";
import { template } from "./coach-transcripts.test.mjs";

let SessionKeeper;
let core;

before(async () => {
	({ SessionKeeper } = await pluginModule("kept-sessions"));
	core = await loadCore();
});

/** A keeper over the glue, with the instance's generation under the test's control. */
function keeper(glue, generation = () => 1) {
	return new SessionKeeper({ startKept: glue.coachStartKept, keep: glue.coachKeep, promptKept: glue.coachPromptKept, stepKept: glue.coachStepKept, generation });
}

/**
 * A core whose coaching calls run both ways and must agree: the plain exports on plain copies
 * of the sessions, the keeper on the objects it handed out. `churn` runs before each call (to
 * start other sessions, so that the module drops this one).
 */
function mirrored(glue, keep, churn = () => {}) {
	const plain = new WeakMap();
	const both = (name, input, run) => {
		churn();
		const kept = run(input);
		const expected = glue[name]({ ...input, ...(input.session ? { session: plain.get(input.session) ?? input.session } : {}) });
		assert.deepEqual(kept, expected, `${name} differs`);
		return kept;
	};
	return {
		blindSpots: glue.blindSpots,
		coachStart: (input) => {
			const started = both("coachStart", input, (i) => keep.start(i));
			if (started.ok) plain.set(started.value, glue.coachStart(input).value);
			return started;
		},
		coachPrompt: (input) => both("coachPrompt", input, (i) => keep.prompt(i)),
		coachStep: (input) => {
			const stepped = both("coachStep", input, (i) => keep.step(i));
			if (stepped.ok) plain.set(stepped.value.session, structuredClone(stepped.value.session));
			return stepped;
		},
	};
}

const cases = transcripts(join(ROOT, "tests/specs/coach"));

test("every transcript runs the same through kept sessions, call by call", () => {
	assert.ok(cases.length >= 6);
	for (const c of cases) assert.equal(runTranscript(mirrored(core, keeper(core)), c, template(core)), c.expect, c.name);
});

test("a session the module no longer keeps is handed over again, and answers the same", () => {
	const keep = keeper(core);
	const note = template(core);
	// Nine other sessions started before every call: more than the module keeps.
	const churn = () => {
		for (let i = 0; i < 9; i++) keep.start({ notePath: "Career/0_Career_Index.md", note, today: TRANSCRIPT_DAY, at: "other" });
	};
	for (const c of cases) assert.equal(runTranscript(mirrored(core, keep, churn), c, template(core)), c.expect, c.name);
});

test("after the instance is rebuilt, sessions are handed over again", async () => {
	// A core of its own, so that the sessions' numbers are known: the first session is 1.
	const glue = await loadCore();
	let generation = 1;
	const keep = keeper(glue, () => generation);
	const note = template(glue);
	const started = keep.start({ notePath: "Career/0_Career_Index.md", note, today: TRANSCRIPT_DAY, at: "t0" });
	const before = keep.prompt({ session: started.value, note });
	// What a trap does (plugin/src/core/instance.ts): a fresh instance, whose first session is 1 again.
	glue.__wbg_reset_state();
	generation = 2;
	const other = keep.start({ notePath: "Career/0_Career_Index.md", note, sections: ["network"], today: TRANSCRIPT_DAY, at: "t1" });
	assert.equal(other.ok, true);
	assert.notDeepEqual(keep.prompt({ session: other.value, note }), before);
	assert.deepEqual(keep.prompt({ session: started.value, note }), before);
});

test("a session changed by spreading it is read as changed; a handed-out one cannot be assigned to", () => {
	const keep = keeper(core);
	const note = template(core);
	const started = keep.start({ notePath: "Career/0_Career_Index.md", note, today: TRANSCRIPT_DAY, at: "t0" });
	const moved = { ...started.value, position: 2 };
	const prompt = keep.prompt({ session: moved, note });
	assert.equal(prompt.ok, true);
	assert.deepEqual(prompt, core.coachPrompt({ session: moved, note }));
	assert.notDeepEqual(prompt, keep.prompt({ session: started.value, note }));
	assert.throws(() => {
		started.value.position = 3;
	}, TypeError);
	assert.ok(Object.isFrozen(moved), "a session handed over is frozen too");
});

test("bad input is refused as the plain exports refuse it", () => {
	const keep = keeper(core);
	const note = template(core);
	const started = keep.start({ notePath: "Career/0_Career_Index.md", note, today: TRANSCRIPT_DAY, at: "t0" });
	assert.deepEqual(keep.step({ session: started.value, note }), core.coachStep({ session: structuredClone(started.value), note }));
	assert.deepEqual(keep.prompt({ session: { ...started.value, version: "one" }, note }).error.code, "invalid_input");
	assert.deepEqual(keep.start({ notePath: "x.md", note, today: "2026-13-01", at: "t0" }), core.coachStart({ notePath: "x.md", note, today: "2026-13-01", at: "t0" }));
	assert.deepEqual(keep.start({ notePath: "x.md", today: TRANSCRIPT_DAY, at: "t0" }), core.coachStart({ notePath: "x.md", today: TRANSCRIPT_DAY, at: "t0" }));
	assert.equal(core.coachPromptKept(4_000_000_000, note), undefined);
});
