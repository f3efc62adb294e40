/**
 * Benchmarks the core against the JavaScript markdown parsers, in one run on the same inputs.
 *
 *     npm run build      # once: the benchmark times build/wasm/ as built, it never builds it
 *     npm run bench [-- --budget-ms N] [-- --corpus DIR]
 *
 * Inputs: every `*.md` under `<repo>/../shared/corpus/obsidian-help-en` (173 Obsidian help
 * notes) and synthetic filled-in Career Indexes of 30 KB and 100 KB. The native half
 * (`cargo run --release -p career-core --example bench_native`) generates the Career
 * Indexes, chooses each corpus note's section and writes both, with every operation, to
 * `target/bench/plan.json`; this script reads that plan, so native and WASM run byte-identical
 * text and identical operations.
 *
 * Timed here, on the same inputs: the WASM `outline` and `applyOperation` (as the core returns
 * them to the plugin: the outline packed and read lazily, as `plugin/src/core/outline.ts` does,
 * with every part built timed too; an operation's edits, not the whole note), the whole-note
 * analyses (the coaching calls through the plugin's kept sessions, scripts/plugin-calls.mjs), markdown-it's `parse`, and
 * mdast-util-from-markdown with micromark-extension-gfm + mdast-util-gfm (remark's parser with
 * remark-gfm). On the Career Indexes each WASM call is timed twice: repeated on one text (the
 * note stays in WebAssembly memory between calls, as between a command's calls on one note),
 * and on a note that changed since the last call (it crosses again each time). Every
 * measurement warms up, then runs in SLICES equal windows that together last at least
 * `--budget-ms`, and reports the median window's time per call (a burst of the host's steal time
 * slows the windows it falls in, not the figure; the mean over all windows is in bench.json too).
 * On the corpus, the WASM calls and markdown-it's parse take their windows in turn, so each
 * "markdown-it ÷ WASM" ratio compares the same moments of the host (remark, whose pass outlasts
 * a window, is timed alone). The native half measures the same way. Both halves run twice, in
 * turn (native, Node, native, Node), and each figure, native, WASM or JavaScript, is the faster
 * of its two runs: a slow spell of the host during one run decides no figure, on either side of
 * a ratio. A corpus measurement's unit is one pass over the notes.
 *
 * Prints a table and the ratios against the goals in BENCHMARKS.md, and writes everything,
 * machine included, to `target/bench.json`. Then runs scripts/bench-startup.mjs: the core's
 * first use, in fresh processes (`target/bench-startup.json`). Numbers are not assertions: nothing here fails on
 * a slow result, only on a broken one.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { benchCharts } from "./bench-charts.mjs";
import { loadOutline, withKeptSessions } from "./plugin-calls.mjs";
import { runNative, time, timeInTurn } from "./timing.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const WASM_DIR = join(ROOT, "build/wasm");

/** The goals from the issue, as ratios measured in the same run (higher is better). */
const GOALS = {
	sectionVsMarkdownIt: 10,
	outlineVsMarkdownIt: 1.5,
	outlineVsRemark: 30,
	wasmVsNative: 0.6,
	careerIndex30kMaxMs: 1,
	chartSceneMaxMs: 16,
};

function parseArgs(argv) {
	const args = { budgetMs: 1000, corpus: resolve(ROOT, "../shared/corpus/obsidian-help-en") };
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1]];
		if (flag === "--budget-ms" && Number(value) > 0) args.budgetMs = Number(value);
		else if (flag === "--corpus" && value) args.corpus = resolve(value);
		else fail(`unknown argument ${JSON.stringify(flag)}; usage: npm run bench [-- --budget-ms N] [-- --corpus DIR]`);
	}
	return args;
}

function fail(message) {
	console.error(`bench: ${message}`);
	process.exit(1);
}

/** The WASM core, loaded as the plugin and the WASM tests do. */
async function loadWasm() {
	for (const file of ["career_wasm.js", "career_wasm_bg.wasm"]) {
		if (!existsSync(join(WASM_DIR, file))) {
			fail(`${join(WASM_DIR, file)} is missing: run \`npm run build\` (or scripts/build-wasm.sh) first.`);
		}
	}
	const { loadCore } = await import("../tests/wasm/load-core.mjs");
	return loadCore();
}

/**
 * `a` with each timing (an object with `ns`) replaced by `b`'s where `b`'s is faster: two runs of
 * the native half, of the same shape, merged.
 */
function faster(a, b) {
	if (a === null || typeof a !== "object" || b === null || typeof b !== "object") return a;
	if (typeof a.ns === "number" && typeof b.ns === "number") return b.ns < a.ns ? b : a;
	if (Array.isArray(a)) return a.map((item, i) => faster(item, b[i]));
	return Object.fromEntries(Object.entries(a).map(([key, value]) => [key, faster(value, b[key])]));
}

function readInput(path, bytes) {
	const text = readFileSync(path, "utf8");
	if (Buffer.byteLength(text, "utf8") !== bytes) fail(`${path} is not the ${bytes} bytes the native side read`);
	return text;
}

/** Runs an operation once and insists that it worked, so a broken op is never timed. */
function checked(core, text, op, label) {
	const result = core.applyOperation(text, op);
	if (!result.ok) fail(`${label}: ${result.error.code}: ${result.error.message}`);
	if (result.value.edits.length === 0) fail(`${label}: the operation changed nothing`);
}

function machine() {
	const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
	const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
	const osRelease = existsSync("/etc/os-release") ? readFileSync("/etc/os-release", "utf8") : "";
	const distro = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(osRelease)?.[1] ?? os.type();
	const version = (cmd) => {
		try {
			return execFileSync(cmd, ["--version"], { encoding: "utf8" }).trim();
		} catch {
			return "unknown";
		}
	};
	return {
		cpu: model,
		cores: os.cpus().length,
		ramGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
		os: `${distro} (${os.type()} ${os.release()} ${os.arch()})`,
		node: process.version,
		rustc: version("rustc"),
		wasmBytes: statSync(join(WASM_DIR, "career_wasm_bg.wasm")).size,
	};
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (!existsSync(args.corpus)) fail(`the corpus is missing at ${args.corpus}`);
	const core = await withKeptSessions(await loadWasm());
	const outline = await loadOutline(core);
	const out = join(ROOT, "target/bench");
	mkdirSync(out, { recursive: true });

	const nativeBefore = runNative(ROOT, args, out);
	const plan = JSON.parse(readFileSync(join(out, "plan.json"), "utf8"));
	const notes = plan.corpus.notes.map((n) => ({ ...n, text: readInput(join(plan.corpus.dir, n.path), n.bytes) }));
	const sectionNotes = notes.filter((n) => n.section !== null);
	const indexes = plan.careerIndex.map((ci) => ({ ...ci, text: readInput(ci.file, ci.bytes) }));

	const markdownIt = new MarkdownIt();
	const parsers = {
		"markdown-it": (text) => markdownIt.parse(text, {}),
		remark: (text) => fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }),
	};
	const setOp = (n) => ({ op: "section-set", section: n.section, body: plan.sectionBody });
	for (const n of sectionNotes) checked(core, n.text, setOp(n), `section-set on ${n.path}`);
	for (const ci of indexes) for (const { name, op } of ci.ops) checked(core, ci.text, op, `${name} on ${ci.name}`);

	const budget = args.budgetMs;
	const measure = (which) => measureNode({ core, outline, parsers, notes, sectionNotes, indexes, setOp, budget, which });
	// Both halves run twice, in turn (native, Node, native, Node), and each figure is the faster
	// of its two runs: a slow spell of the host during one run decides neither side's figure.
	const first = measure("");
	const native = faster(nativeBefore, runNative(ROOT, args, out, " again"));
	const node = faster(first, measure(" again"));
	const { corpus, careerIndex } = node;
	corpus.native = native.corpus;
	for (const ci of careerIndex) ci.native = native.careerIndex.find((n) => n.name === ci.name).ops;
	const charts = { ...node.charts, native: native.charts.native };
	const goals = judge(corpus, careerIndex, charts);
	const report = { date: new Date().toISOString(), machine: machine(), budgetMs: budget, corpus, careerIndex, charts, goals };
	writeFileSync(join(ROOT, "target/bench.json"), `${JSON.stringify(report, null, 2)}\n`);
	print(report);
	console.error("bench: wrote target/bench.json");
	// First use needs fresh processes, which scripts/bench-startup.mjs starts.
	execFileSync(process.execPath, [join(ROOT, "scripts/bench-startup.mjs")], { cwd: ROOT, stdio: "inherit" });
}

/**
 * One run of everything timed in Node: the WASM core and the JavaScript parsers on the corpus and
 * on each Career Index, and the charts' scenes. `main` runs it twice and keeps each figure's
 * faster run, as it does with the native half.
 */
function measureNode({ core, outline, parsers, notes, sectionNotes, indexes, setOp, budget, which }) {
	console.error(`bench: timing WASM and the JavaScript parsers${which}…`);
	const pass = (list, fn) => () => {
		let last;
		for (const n of list) last = fn(n);
		return last;
	};
	// Each ratio's two sides (WASM and markdown-it) in turn, window by window.
	const together = timeInTurn(budget, {
		outline: pass(notes, (n) => outline.lazy(n.text)),
		"markdown-it": pass(notes, (n) => parsers["markdown-it"](n.text)),
		"section-set": pass(sectionNotes, (n) => core.applyOperation(n.text, setOp(n))),
		"markdown-it (section notes)": pass(sectionNotes, (n) => parsers["markdown-it"](n.text)),
	});
	const corpus = {
		notes: notes.length,
		bytes: notes.reduce((sum, n) => sum + n.bytes, 0),
		sectionNotes: sectionNotes.length,
		wasm: { outline: together.outline, "section-set": together["section-set"] },
		js: {
			"markdown-it": together["markdown-it"],
			"markdown-it (section notes)": together["markdown-it (section notes)"],
			// Alone: one pass takes longer than a window, and its goal (30×) is far from the line.
			remark: time(budget, pass(notes, (n) => parsers.remark(n.text))),
		},
	};
	const careerIndex = indexes.map((ci) => {
		const wasm = { outline: time(budget / 2, () => outline.lazy(ci.text)), "outline, every part built": time(budget / 2, () => outline.full(ci.text)) };
		for (const { name, op } of ci.ops) wasm[name] = time(budget / 2, () => core.applyOperation(ci.text, op));
		for (const [name, call] of Object.entries(wholeNoteCalls(core, ci))) wasm[name] = time(budget / 2, call);
		// The same calls on a note that changed since the last call (two texts, one line apart, in
		// turn), so none finds the note still in WebAssembly memory: what the first call of a
		// command pays. The goals are judged, as before, on calls repeated on one text.
		const changedText = `${ci.text}\n`;
		const changed = {};
		const inTurn = (a, b) => {
			let calls = 0;
			return () => (calls++ % 2 === 0 ? a() : b());
		};
		for (const { name, op } of ci.ops) {
			changed[name] = time(budget / 4, inTurn(() => core.applyOperation(changedText, op), () => core.applyOperation(ci.text, op)));
		}
		const [now, then] = [wholeNoteCalls(core, ci), wholeNoteCalls(core, { ...ci, text: changedText })];
		for (const name of Object.keys(now)) changed[name] = time(budget / 4, inTurn(then[name], now[name]));
		const js = {};
		for (const [name, parse] of Object.entries(parsers)) js[name] = time(budget / 2, () => parse(ci.text));
		return { name: ci.name, bytes: ci.bytes, wasm, changed, js };
	});

	console.error(`bench: timing the charts' scenes${which}…`);
	const charts = benchCharts(core, time, budget / 2);
	return { corpus, careerIndex, charts };
}

/** The day the whole-note analyses run at (`BENCH_TODAY` in bench_native.rs). */
const BENCH_TODAY = "2026-03-06";

/**
 * The analyses the plugin runs over a whole Career Index, keyed by WASM export (the native
 * side times the same core functions under the same names). Each is checked once first.
 */
function wholeNoteCalls(core, ci) {
	const notePath = "Career/0_Career_Index.md";
	const must = (result, name) => {
		if (!result.ok) fail(`${name} on ${ci.name}: ${result.error.code}: ${result.error.message}`);
		return result.value;
	};
	const inputs = {
		planNote: { kind: "career-index", settings: {}, today: BENCH_TODAY, existing: ci.text },
		coachStart: { notePath, note: ci.text, today: BENCH_TODAY, at: "t0" },
		blindSpots: { index: ci.text, today: BENCH_TODAY },
	};
	const session = must(core.coachStart(inputs.coachStart), "coachStart");
	inputs.coachPrompt = { session, note: ci.text };
	const calls = {};
	for (const name of ["planNote", "coachStart", "coachPrompt", "blindSpots"]) {
		must(core[name](inputs[name]), name);
		calls[name] = () => core[name](inputs[name]);
	}
	return calls;
}

/** The goal rows: each with the measured ratio (or time) and whether it is met. */
function judge(corpus, careerIndex, charts) {
	const rows = [];
	const ratio = (goal, what, input, value, target) => rows.push({ goal, what, input, value, target, met: value >= target });
	const ms = (ns) => ns / 1e6;
	const c = corpus;
	ratio("section", "markdown-it parse ÷ WASM section-set", `corpus (${c.sectionNotes} notes with a section)`, c.js["markdown-it (section notes)"].ns / c.wasm["section-set"].ns, GOALS.sectionVsMarkdownIt);
	for (const ci of careerIndex) ratio("section", "markdown-it parse ÷ WASM section-set", ci.name, ci.js["markdown-it"].ns / ci.wasm["section-set"].ns, GOALS.sectionVsMarkdownIt);
	ratio("outline-mdit", "markdown-it parse ÷ WASM outline", `corpus (${c.notes} notes)`, c.js["markdown-it"].ns / c.wasm.outline.ns, GOALS.outlineVsMarkdownIt);
	for (const ci of careerIndex) ratio("outline-mdit", "markdown-it parse ÷ WASM outline", ci.name, ci.js["markdown-it"].ns / ci.wasm.outline.ns, GOALS.outlineVsMarkdownIt);
	ratio("outline-remark", "remark parse ÷ WASM outline", `corpus (${c.notes} notes)`, c.js.remark.ns / c.wasm.outline.ns, GOALS.outlineVsRemark);
	for (const ci of careerIndex) ratio("outline-remark", "remark parse ÷ WASM outline", ci.name, ci.js.remark.ns / ci.wasm.outline.ns, GOALS.outlineVsRemark);
	for (const op of ["outline", "section-set"]) ratio("wasm-native", `native ÷ WASM, ${op}`, "corpus", c.native[op].ns / c.wasm[op].ns, GOALS.wasmVsNative);
	for (const ci of careerIndex) {
		const compared = Object.keys(ci.wasm).filter((op) => op in ci.native);
		const worst = compared
			.map((op) => ({ op, r: ci.native[op].ns / ci.wasm[op].ns }))
			.sort((a, b) => a.r - b.r)[0];
		ratio("wasm-native", `native ÷ WASM, lowest of ${compared.length} ops (${worst.op})`, ci.name, worst.r, GOALS.wasmVsNative);
	}
	const ci30 = careerIndex.find((ci) => ci.name === "career-index-30k");
	for (const side of ["wasm", "native"]) {
		// The calls the plugin makes (each has a native twin); "outline, every part built" is a comparison.
		const [op, t] = Object.entries(ci30[side])
			.filter(([name]) => name in ci30.native)
			.sort((a, b) => b[1].ns - a[1].ns)[0];
		rows.push({ goal: "30k-under-1ms", what: `slowest ${side} op (${op}), ms`, input: ci30.name, value: ms(t.ns), target: GOALS.careerIndex30kMaxMs, met: ms(t.ns) < GOALS.careerIndex30kMaxMs });
	}
	for (const side of ["wasm", "native"]) {
		const [kind, t] = Object.entries(charts[side]).sort((a, b) => b[1].ns - a[1].ns)[0];
		rows.push({ goal: "chart-under-a-frame", what: `slowest ${side} chart scene (${kind}), ms`, input: `chart vault (${String(charts.notes)} notes)`, value: ms(t.ns), target: GOALS.chartSceneMaxMs, met: ms(t.ns) < GOALS.chartSceneMaxMs });
	}
	return rows;
}

function print(report) {
	const us = (ns) => (ns / 1e3).toFixed(1).padStart(10);
	const { corpus: c } = report;
	console.log(`\nMachine: ${report.machine.cpu}, ${report.machine.cores} cores, ${report.machine.ramGiB} GiB, ${report.machine.os}; node ${report.machine.node}; ${report.machine.rustc}`);
	console.log(`\nCorpus: ${c.notes} notes, ${c.bytes} bytes (${c.sectionNotes} with a section for section-set). µs per pass, then per note:`);
	const corpusRows = [
		["WASM outline", c.wasm.outline, c.notes],
		["native outline", c.native.outline, c.notes],
		["WASM section-set", c.wasm["section-set"], c.sectionNotes],
		["native section-set", c.native["section-set"], c.sectionNotes],
		["markdown-it parse", c.js["markdown-it"], c.notes],
		["markdown-it parse (section notes)", c.js["markdown-it (section notes)"], c.sectionNotes],
		["remark (mdast + GFM) parse", c.js.remark, c.notes],
	];
	for (const [name, t, n] of corpusRows) console.log(`  ${name.padEnd(36)}${us(t.ns)} ${us(t.ns / n)}`);
	for (const ci of report.careerIndex) {
		console.log(`\n${ci.name} (${ci.bytes} bytes), µs per call: WASM, native, native ÷ WASM; then WASM on a note changed since the last call, and native ÷ that`);
		for (const op of Object.keys(ci.wasm)) {
			const native = ci.native[op];
			const changed = ci.changed[op];
			const ratio = (t) => (native && t ? (native.ns / t.ns).toFixed(2).padStart(8) : "".padStart(8));
			console.log(`  ${op.padEnd(20)}${us(ci.wasm[op].ns)}${native ? us(native.ns) : "".padStart(10)}${ratio(ci.wasm[op])}${changed ? us(changed.ns) : "".padStart(10)}${ratio(changed)}`);
		}
		for (const [name, t] of Object.entries(ci.js)) console.log(`  ${name.padEnd(20)}${us(t.ns)}`);
	}
	const { charts } = report;
	console.log(`\nCharts: ${String(charts.notes)} notes, ${String(charts.bytes)} bytes; ms per scene: WASM, native`);
	for (const kind of Object.keys(charts.wasm)) {
		console.log(`  ${kind.padEnd(20)}${(charts.wasm[kind].ns / 1e6).toFixed(3).padStart(10)}${(charts.native[kind].ns / 1e6).toFixed(3).padStart(10)}`);
	}
	console.log("\n| Goal | Measured | Input | Value | Target | Met |\n| --- | --- | --- | ---: | ---: | --- |");
	for (const g of report.goals) {
		const inMs = g.goal === "30k-under-1ms" || g.goal === "chart-under-a-frame";
		const target = inMs ? `< ${g.target} ms` : `≥ ${g.target}×`;
		const value = inMs ? g.value.toFixed(3) : `${g.value.toFixed(2)}×`;
		console.log(`| ${g.goal} | ${g.what} | ${g.input} | ${value} | ${target} | ${g.met ? "met" : "not met"} |`);
	}
}

await main();
