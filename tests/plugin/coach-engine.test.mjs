/**
 * plugin/src/coach/engine.ts on its own: the order of step, write and save, the answer landed
 * on the note as it is at the write by the core (moved past a change elsewhere, refused in its
 * own lines), and what happens when a write or a save fails.
 * The engine is plain TypeScript (no Obsidian), bundled here with esbuild and run against the
 * real core through the glue, with the note, the writes and the saves in memory.
 */

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { before, test } from "node:test";
import esbuild from "esbuild";
import { ROOT, core, localToday } from "./support.mjs";

const require = createRequire(import.meta.url);
const OUT = join(ROOT, "build/test/coach.js");
let coach;
let glue;

before(async () => {
	mkdirSync(join(ROOT, "build/test"), { recursive: true });
	await esbuild.build({
		stdin: {
			contents: ['export * from "./engine";', 'export * from "./draft";', 'export * from "./clock";'].join("\n"),
			resolveDir: join(ROOT, "plugin/src/coach"),
			sourcefile: "coach-modules.ts",
			loader: "ts",
		},
		outfile: OUT,
		bundle: true,
		format: "cjs",
		platform: "neutral",
		target: "es2021",
		logLevel: "error",
	});
	delete require.cache[OUT];
	coach = require(OUT);
	glue = await core();
});

const AT = "2026-03-02T09:30:00";

/**
 * A Career Index, a session on Annual Theme then Success Criteria (so that a confirm moves on
 * to a next question), and in-memory io that logs every call.
 */
function setUp({ write, save } = {}) {
	const note = glue.planNote({ kind: "career-index", settings: {}, today: localToday(), existing: null }).value.text;
	const session = glue.coachStart({ notePath: "Career/0_Career_Index.md", note, sections: ["annual_theme", "success_criteria"], today: localToday(), at: AT }).value;
	const state = { note, saved: null, log: [] };
	const io = {
		read: async () => {
			state.log.push("read");
			return state.note;
		},
		path: "Career/0_Career_Index.md",
		write: async (change) => {
			state.log.push("write");
			if (write !== undefined) {
				await write(state);
			}
			state.note = change(state.note);
		},
		save: async (saved, action) => {
			state.log.push(`save:${action?.action ?? "none"}`);
			if (save !== undefined) {
				await save();
			}
			state.saved = saved;
		},
		now: () => AT,
	};
	const engine = new coach.CoachEngine(session, { prompt: glue.coachPrompt, step: glue.coachStep, land: glue.landEdits }, io);
	return { engine, state };
}

test("a confirm writes what its preview showed, then saves; the next prompt is computed from the written note", async () => {
	const { engine, state } = setUp();
	await engine.act({ action: "answer", text: "Visible outside the company" });
	state.log.length = 0;
	const result = await engine.act({ action: "confirm" });
	assert.equal(result.ok, true);
	assert.equal(result.wrote, true);
	assert.equal(result.prompt.kind, "question");
	assert.equal(result.prompt.section, "success_criteria");
	assert.deepEqual(state.log, ["write", "save:confirm", "read"], "the confirm acts on the note its preview was computed from");
	assert.match(state.note, /> \*\*"Visible outside the company"\*\*/);
	assert.equal(state.saved.stage.stage, "asking");
	assert.equal(state.saved.position, 1);
});

test("a note changed elsewhere under the write keeps that change, and the confirmed answer lands beside it", async () => {
	const { engine, state } = setUp({
		write: async (s) => {
			s.note = s.note.replace("## Vision\n", "## Vision\n\nSomeone else's line.\n");
		},
	});
	await engine.act({ action: "answer", text: "Visible outside the company" });
	const preview = engine.session;
	const shown = state.note;
	state.log.length = 0;
	const result = await engine.act({ action: "confirm" });
	assert.equal(result.ok, true);
	assert.equal(result.changed, undefined, "nothing to confirm again");
	assert.deepEqual(state.log, ["write", "save:confirm", "read"], "one write");
	// Exactly the previewed change (computed on the note as shown), moved past the other line.
	const previewed = glue.coachStep({ session: preview, note: shown, action: { action: "confirm" }, at: AT }).value.write;
	assert.equal(state.note, previewed.replace("## Vision\n", "## Vision\n\nSomeone else's line.\n"));
});

test("a note changed in the answer's own lines: nothing written or saved, the change shown again, the answer kept", async () => {
	const { engine, state } = setUp();
	await engine.act({ action: "answer", text: "Visible outside the company" });
	const shown = await engine.prompt();
	const removed = shown.prompt.changes.find((line) => line.sign === "-");
	assert.ok(removed !== undefined && state.note.includes(removed.text), "the preview replaces a line of the note");
	const session = engine.session;
	// Another device fills in that very line while the person reads the preview.
	state.note = state.note.replace(removed.text, '> **"Written on my phone"**');
	const touched = state.note;
	state.log.length = 0;
	const result = await engine.act({ action: "confirm" });
	assert.equal(result.ok, true);
	assert.equal(result.changed, coach.PREVIEW_CHANGED_MESSAGE);
	assert.equal(result.prompt.kind, "confirm", "asked again");
	assert.ok(result.prompt.changes.some((line) => line.sign === "-" && line.text === '> **"Written on my phone"**'), "the new preview shows the phone's line");
	assert.deepEqual(state.log, ["write", "read"], "no save");
	assert.equal(state.note, touched, "nothing written over the phone's line");
	assert.equal(engine.session, session, "the answer is kept in the session");

	const again = await engine.act({ action: "confirm" });
	assert.equal(again.ok, true);
	assert.equal(again.prompt.kind, "question");
	assert.match(state.note, /> \*\*"Visible outside the company"\*\*/);
});

test("a landing the core refuses for another reason than a change is a failure, not a new preview", async () => {
	const { engine, state } = setUp();
	await engine.act({ action: "answer", text: "Visible outside the company" });
	const session = engine.session;
	const before = state.note;
	const refusing = new coach.CoachEngine(session, { prompt: glue.coachPrompt, step: glue.coachStep, land: () => ({ ok: false, error: { code: "span_out_of_bounds", message: "An edit does not fit the note." } }) }, {
		path: "Career/0_Career_Index.md",
		read: async () => state.note,
		write: async (change) => {
			state.note = change(state.note);
		},
		save: async () => assert.fail("nothing to save"),
		now: () => AT,
	});
	const result = await refusing.act({ action: "confirm" });
	assert.equal(result.ok, false);
	assert.equal(result.failure.kind, "write");
	assert.match(result.failure.message, /your answer is kept: An edit does not fit the note\./);
	assert.equal(refusing.session, session);
	assert.equal(state.note, before);
});

test("a failing write keeps the session; a failing save after a write is a warning", async () => {
	const failing = setUp({
		write: async () => {
			throw new Error("disk full");
		},
	});
	await failing.engine.act({ action: "answer", text: "Visible outside the company" });
	const before = failing.engine.session;
	const result = await failing.engine.act({ action: "confirm" });
	assert.equal(result.ok, false);
	assert.equal(result.failure.kind, "write");
	assert.match(result.failure.message, /your answer is kept: disk full/);
	assert.equal(failing.engine.session, before);

	let saves = 0;
	const saving = setUp({
		save: async () => {
			saves += 1;
			throw new Error("read-only");
		},
	});
	await saving.engine.act({ action: "answer", text: "Visible outside the company" });
	saves = 0;
	const warned = await saving.engine.act({ action: "confirm" });
	assert.equal(warned.ok, true);
	assert.equal(warned.prompt.kind, "question", "the session moves on: the note has the answer");
	assert.match(warned.warning, /note was updated, but the session could not be saved: read-only/);
	assert.equal(saves, 1);
});

test("actions are queued: a pause sent during a write runs after it", async () => {
	let release;
	const { engine, state } = setUp({
		write: () =>
			new Promise((resolve) => {
				release = resolve;
			}),
	});
	await engine.act({ action: "answer", text: "Visible outside the company" });
	state.log.length = 0;
	const confirming = engine.act({ action: "confirm" });
	const pausing = engine.act({ action: "pause" });
	await new Promise((resolve) => setImmediate(resolve));
	assert.deepEqual(state.log, ["write"], "the pause waits");
	release();
	await Promise.all([confirming, pausing]);
	assert.deepEqual(state.log, ["write", "save:confirm", "read", "save:pause", "read"]);
	assert.equal(state.saved.paused, true);
	assert.equal(state.saved.stage.stage, "asking");
	assert.equal(state.saved.position, 1);
});

test("localIsoDateTime is the local wall-clock time without a zone", () => {
	assert.equal(coach.localIsoDateTime(new Date(2026, 0, 5, 7, 3, 9)), "2026-01-05T07:03:09");
});

test("a draft fits only the point of the session it was typed at", async () => {
	const { engine } = setUp();
	const draft = coach.draftAt(engine.session, "half");
	assert.equal(coach.draftFits(draft, engine.session), true);
	assert.deepEqual(coach.parseDraft(JSON.parse(JSON.stringify(draft))), draft);
	assert.equal(coach.parseDraft({ text: 1 }), null);
	await engine.act({ action: "answer", text: "Visible outside the company" });
	assert.equal(coach.draftFits(draft, engine.session), false);
});
