/**
 * Splits the two calls furthest from issue 19's "WASM ≥ 0.6× native" goal into the core's own
 * work and the boundary's, in one Node process:
 *
 *     npm run bench:boundary [-- --budget-ms N] [-- --no-build]
 *
 * It builds the module with the `boundary-probe` feature (crates/wasm/src/probe.rs) into
 * target/boundary-probe/wasm, the way scripts/build-wasm.sh builds the plugin's (wasm-bindgen,
 * wasm-opt -Oz), then times, windows in turn (scripts/timing.mjs):
 *
 * - section-set over the corpus (the notes and sections `npm run bench` uses): the whole call
 *   (`applyOperation`), the note read in, the operation read in, the call without its result,
 *   and the core alone, run in a loop inside the module where nothing crosses;
 * - `coachStart` on the 30 KB and 100 KB Career Indexes: the call as the plugin makes it (through
 *   its session keeper, scripts/plugin-calls.mjs, as `npm run bench` times it) and the core alone
 *   inside the module.
 *
 * The native half is `bench_native`'s, run first for the same inputs. The core-alone rows are the
 * difference between a loop of P passes and one of none (the reading of the inputs), over P.
 * Writes target/bench-boundary.json. Numbers are not assertions.
 */

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadCore } from "../tests/wasm/load-core.mjs";
import { withKeptSessions } from "./plugin-calls.mjs";
import { runNative, timeInTurn } from "./timing.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PROBE_DIR = join(ROOT, "target/boundary-probe/wasm");
const TODAY = "2026-03-06";
const NOTE_PATH = "Career/0_Career_Index.md";
/** Passes of the in-module loops per timed call. */
const PASSES = { corpus: 3, coachStart: 20 };

function parseArgs(argv) {
	const args = { budgetMs: 1000, build: true, corpus: resolve(ROOT, "../shared/corpus/obsidian-help-en") };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === "--no-build") args.build = false;
		else if (flag === "--budget-ms" && Number(argv[i + 1]) > 0) args.budgetMs = Number(argv[++i]);
		else fail(`unknown argument ${JSON.stringify(flag)}; usage: npm run bench:boundary [-- --budget-ms N] [-- --no-build]`);
	}
	return args;
}

function fail(message) {
	console.error(`bench-boundary: ${message}`);
	process.exit(1);
}

function build() {
	console.error("bench-boundary: building the probe module (scripts/build-wasm.sh, feature boundary-probe)…");
	execFileSync("bash", [join(ROOT, "scripts/build-wasm.sh")], {
		cwd: ROOT,
		stdio: ["ignore", "ignore", "inherit"],
		env: { ...process.env, WASM_FEATURES: "boundary-probe", WASM_OUT: PROBE_DIR },
	});
}

function native(args) {
	const out = join(ROOT, "target/bench");
	return { report: runNative(ROOT, args, out), plan: JSON.parse(readFileSync(join(out, "plan.json"), "utf8")) };
}

/** `value`, or the run stops: a call that did not work is never timed. */
function must(value, what) {
	if (!value) fail(`${what} did not run`);
	return value;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (args.build) build();
	const { report, plan } = native(args);
	const probe = await loadCore(PROBE_DIR);
	if (typeof probe.probeNoteIn !== "function") fail(`${PROBE_DIR} has no probes: run without --no-build`);
	const core = await withKeptSessions(probe);

	const notes = plan.corpus.notes
		.filter((n) => n.section !== null)
		.map((n) => ({ ...n, text: readFileSync(join(plan.corpus.dir, n.path), "utf8") }));
	const body = plan.sectionBody;
	const op = (n) => ({ op: "section-set", section: n.section, body });
	const pairs = notes.map((n) => [n.text, n.section]);
	must(probe.probeSectionSetInModule(pairs, body, 1) === notes.length, "every section-set in the module");
	const pass = (fn) => () => {
		let last;
		for (const n of notes) last = fn(n);
		return last;
	};
	console.error("bench-boundary: timing section-set over the corpus…");
	const corpus = timeInTurn(args.budgetMs, {
		call: pass((n) => probe.applyOperation(n.text, op(n))),
		noteIn: pass((n) => probe.probeNoteIn(n.text)),
		operationIn: pass((n) => probe.probeOperationIn(op(n))),
		withoutResult: pass((n) => probe.probeApplyWithoutResult(n.text, op(n))),
		loop: () => probe.probeSectionSetInModule(pairs, body, PASSES.corpus),
		loopReadingOnly: () => probe.probeSectionSetInModule(pairs, body, 0),
	});
	const perNote = (row) => row.ns / notes.length;
	const set = {
		notes: notes.length,
		native: report.corpus["section-set"].ns / notes.length,
		call: perNote(corpus.call),
		noteIn: perNote(corpus.noteIn),
		operationIn: perNote(corpus.operationIn),
		withoutResult: perNote(corpus.withoutResult),
		coreInModule: (corpus.loop.ns - corpus.loopReadingOnly.ns) / PASSES.corpus / notes.length,
	};

	const starts = [];
	for (const ci of plan.careerIndex) {
		console.error(`bench-boundary: timing coachStart on ${ci.name}…`);
		const text = readFileSync(ci.file, "utf8");
		const input = { notePath: NOTE_PATH, note: text, today: TODAY, at: "t0" };
		must(core.coachStart(input).ok, `coachStart on ${ci.name}`);
		must(probe.probeCoachStartInModule(NOTE_PATH, text, TODAY, "t0", 1) === 1, `coachStart in the module on ${ci.name}`);
		const t = timeInTurn(args.budgetMs, {
			call: () => core.coachStart(input),
			loop: () => probe.probeCoachStartInModule(NOTE_PATH, text, TODAY, "t0", PASSES.coachStart),
			loopReadingOnly: () => probe.probeCoachStartInModule(NOTE_PATH, text, TODAY, "t0", 0),
		});
		starts.push({
			name: ci.name,
			native: report.careerIndex.find((n) => n.name === ci.name).ops.coachStart.ns,
			call: t.call.ns,
			coreInModule: (t.loop.ns - t.loopReadingOnly.ns) / PASSES.coachStart,
		});
	}

	const result = { date: new Date().toISOString(), budgetMs: args.budgetMs, sectionSet: set, coachStart: starts };
	writeFileSync(join(ROOT, "target/bench-boundary.json"), `${JSON.stringify(result, null, 2)}\n`);
	print(result);
	console.error("bench-boundary: wrote target/bench-boundary.json");
}

function print({ sectionSet: s, coachStart }) {
	const us = (ns) => (ns / 1000).toFixed(2);
	const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
	console.log(`\nsection-set over the corpus (${s.notes} notes), µs a note:\n`);
	console.log("| Part | µs | native ÷ this |");
	console.log("| --- | ---: | ---: |");
	console.log(`| native (bench_native) | ${us(s.native)} | |`);
	console.log(`| the whole call (applyOperation) | ${us(s.call)} | ${ratio(s.native, s.call)} |`);
	console.log(`| the core alone, in the module | ${us(s.coreInModule)} | ${ratio(s.native, s.coreInModule)} |`);
	console.log(`| the note read in | ${us(s.noteIn)} | |`);
	console.log(`| the operation read in | ${us(s.operationIn)} | |`);
	console.log(`| the call without its result | ${us(s.withoutResult)} | |`);
	console.log(`| so: the result | ${us(s.call - s.withoutResult)} | |`);
	console.log(`| so: the whole boundary (call − core alone) | ${us(s.call - s.coreInModule)} | |`);
	console.log("\ncoachStart as the plugin calls it (its session keeper), µs:\n");
	console.log("| Career Index | native | the call | native ÷ call | core alone, in the module | native ÷ core alone | boundary |");
	console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
	for (const c of coachStart) {
		console.log(`| ${c.name} | ${us(c.native)} | ${us(c.call)} | ${ratio(c.native, c.call)} | ${us(c.coreInModule)} | ${ratio(c.native, c.coreInModule)} | ${us(c.call - c.coreInModule)} |`);
	}
}

await main();
