/**
 * Call speed of two builds of the WebAssembly core, A against B, in one Node process: for
 * choosing build settings by measurement (BENCHMARKS.md, "First use"). Each call on the
 * 30 KB Career Index (every operation of `target/bench/plan.json`, which `npm run bench`
 * writes, and the whole-note calls), and the section-set on the plan's corpus (a pass over
 * its notes, shown per note: the small-note case), is timed in short slices alternating A
 * and B; each row is the median of the slices. The build loaded second runs some calls slower whatever it
 * is, so run it twice with the directories swapped and compare both orders.
 *
 *     node scripts/bench-ab.mjs DIR_A DIR_B [rounds=15] [slice-ms=40]
 *
 * A directory holds a build's `career_wasm.js` and `career_wasm_bg.wasm` (a copy of
 * build/wasm/). Numbers are not assertions.
 */

import { copyFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { withKeptSessions } from "./plugin-calls.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const TODAY = "2026-03-06";

const [dirA, dirB, roundsArg, sliceArg] = process.argv.slice(2);
if (!dirA || !dirB) {
	console.error("usage: node scripts/bench-ab.mjs DIR_A DIR_B [rounds] [slice-ms]");
	process.exit(2);
}
const rounds = Number(roundsArg ?? 15);
const sliceMs = Number(sliceArg ?? 40);
const planFile = join(ROOT, "target/bench/plan.json");
if (!existsSync(planFile)) {
	console.error(`${planFile} is missing: run \`npm run bench\` once first.`);
	process.exit(1);
}

/** One build's glue, imported from a copy of its own so that both can be loaded at once. */
async function load(dir, tag) {
	const glue = join(mkdtempSync(join(tmpdir(), "career-ab-")), `glue-${tag}.mjs`);
	copyFileSync(join(dir, "career_wasm.js"), glue);
	// eslint-disable-next-line no-unsanitized/method -- a build directory named on the command line
	const core = await import(pathToFileURL(glue).href);
	core.initSync({ module: readFileSync(join(dir, "career_wasm_bg.wasm")) });
	return withKeptSessions(core);
}

const plan = JSON.parse(readFileSync(planFile, "utf8"));
const index = plan.careerIndex.find((ci) => ci.name === "career-index-30k");
const text = readFileSync(join(ROOT, "target/bench/career-index-30k.md"), "utf8");
const corpusNotes = plan.corpus.notes
	.filter((n) => n.section !== null)
	.map((n) => ({
		text: readFileSync(join(plan.corpus.dir, n.path), "utf8"),
		op: { op: "section-set", section: n.section, body: plan.sectionBody },
	}));
const CORPUS_SET = "section-set, corpus (per note)";
/** Calls that are a pass over several notes, with their count; every other call is one. */
const perPass = { [CORPUS_SET]: corpusNotes.length };

/** Every call to time, each checked once. */
function callsOf(core) {
	const must = (result, name) => {
		if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
		return result.value;
	};
	const calls = {};
	for (const { name, op } of index.ops) {
		must(core.applyOperation(text, op), name);
		calls[name] = () => core.applyOperation(text, op);
	}
	const inputs = {
		planNote: { kind: "career-index", settings: {}, today: TODAY, existing: text },
		coachStart: { notePath: "Career/0_Career_Index.md", note: text, today: TODAY, at: "t0" },
		blindSpots: { index: text, today: TODAY },
	};
	inputs.coachPrompt = { session: must(core.coachStart(inputs.coachStart), "coachStart"), note: text };
	for (const name of ["planNote", "coachStart", "coachPrompt", "blindSpots"]) {
		must(core[name](inputs[name]), name);
		calls[name] = () => core[name](inputs[name]);
	}
	calls.outlinePacked = () => core.outlinePacked(text);
	calls.goalsRead = () => core.goalsRead(text);
	calls.notePaths = () => core.notePaths({ today: TODAY });
	for (const n of corpusNotes) must(core.applyOperation(n.text, n.op), CORPUS_SET);
	calls[CORPUS_SET] = () => {
		for (const n of corpusNotes) core.applyOperation(n.text, n.op);
	};
	return calls;
}

/** Mean µs per call over one slice (at least 3 calls). */
function slice(fn) {
	let calls = 0;
	const start = performance.now();
	while (calls < 3 || performance.now() - start < sliceMs) {
		fn();
		calls++;
	}
	return ((performance.now() - start) / calls) * 1000;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const a = callsOf(await load(dirA, "a"));
const b = callsOf(await load(dirB, "b"));
const loadBefore = loadavg()[0];
console.log("| call | A µs | B µs | B/A |\n| --- | ---: | ---: | ---: |");
for (const name of Object.keys(a)) {
	slice(a[name]);
	slice(b[name]);
	const timesA = [];
	const timesB = [];
	for (let round = 0; round < rounds; round++) {
		// Alternates which goes first within a round.
		const order = round % 2 === 0 ? [[a, timesA], [b, timesB]] : [[b, timesB], [a, timesA]];
		for (const [calls, times] of order) times.push(slice(calls[name]));
	}
	const per = perPass[name] ?? 1;
	const [ma, mb] = [median(timesA) / per, median(timesB) / per];
	const digits = ma < 100 ? 1 : 0;
	console.log(`| ${name} | ${ma.toFixed(digits)} | ${mb.toFixed(digits)} | ${(mb / ma).toFixed(2)} |`);
}
console.log(`load average ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
