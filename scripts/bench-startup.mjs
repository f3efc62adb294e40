/**
 * The core's first use, measured in fresh processes: what loading the plugin and its first
 * core call cost before anything is warm (JIT, caches), which a long benchmark loop cannot see.
 *
 *     npm run build      # once: this times build/wasm/ and dist/main.js as built
 *     node scripts/bench-startup.mjs [--runs N] [--dist DIR] [--no-browser]
 *
 * `npm run bench` runs it after scripts/bench.mjs. Every sample is a new Node process (or a new
 * Chromium browser context); each row is the median of `--runs` samples (default 9).
 *
 * - Node, step by step, on build/wasm/'s deflated module: decoding the base64 main.js carries
 *   (what esbuild's `binary` loader emits: `Uint8Array.fromBase64` where the runtime has it,
 *   else its own decoder; main.js runs it on the core's first use, not at load, see
 *   plugin/src/core/instance.ts), inflating, compiling, instantiating
 *   (the glue's `initSync` with the compiled module) and a first `outline` call. "fflate" is
 *   the synchronous path (`inflateSync`, `new WebAssembly.Module`), "stream" the warm-up's
 *   (`DecompressionStream("deflate-raw")`, `WebAssembly.compile`).
 * - Node, the bundle: `dist/main.js` (or `--dist`) loaded against the Obsidian emulation the
 *   plugin tests use, as Obsidian loads it (compiling main.js, then `onload`), and the first
 *   command that needs the core ("Create or upgrade career index" in an empty vault): right
 *   after `onload` (the synchronous path), and after the warm-up has settled (its duration
 *   from the layout being ready is reported too). A bundle without a warm-up has no such rows.
 * - Chromium (Debian's, the one the browser tests use; skipped when missing): the same steps
 *   in a fresh browser context, where `DecompressionStream` is Blink's own. There is no glue in
 *   the page, so the instance gets stub imports and no call is made.
 *
 * Prints one table and writes it, machine included, to `target/bench-startup.json`. Numbers are
 * not assertions: nothing here fails on a slow result, only on a broken one.
 */

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import esbuild from "esbuild";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const WASM = join(ROOT, "build/wasm/career_wasm_bg.wasm");
const DEFLATED = `${WASM}.deflate`;
const NOTE = "# Career\n\n## Roles\n\n| Years | Role |\n| --- | --- |\n| 2024 | Lead |\n\n- [ ] ask for [[feedback]]\n";

function fail(message) {
	console.error(`bench-startup: ${message}`);
	process.exit(1);
}

/** esbuild's base64 decoder for its `binary` loader (esbuild 0.28, unminified), as main.js runs it. */
function makeEsbuildToBinary() {
	const table = new Uint8Array(128);
	for (let i = 0; i < 64; i++) table[i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i * 4 - 205] = i;
	return (base64) => {
		const n = base64.length;
		const bytes = new Uint8Array(((n - (base64[n - 1] == "=") - (base64[n - 2] == "=")) * 3) / 4 | 0);
		for (let i = 0, j = 0; i < n; ) {
			const c0 = table[base64.charCodeAt(i++)], c1 = table[base64.charCodeAt(i++)];
			const c2 = table[base64.charCodeAt(i++)], c3 = table[base64.charCodeAt(i++)];
			bytes[j++] = (c0 << 2) | (c1 >> 4);
			bytes[j++] = (c1 << 4) | (c2 >> 2);
			bytes[j++] = (c2 << 6) | c3;
		}
		return bytes;
	};
}

/** Steps reported beside the others but not on the path the total adds up. */
const ASIDE = new Set(["warm-up (background)", "decode without Uint8Array.fromBase64"]);

/** The warm-up's inflate, `plugin/src/core/inflate.ts` itself, bundled by esbuild in `format`. */
function inflateBundle(format) {
	const built = esbuild.buildSync({ entryPoints: [join(ROOT, "plugin/src/core/inflate.ts")], bundle: true, write: false, format, globalName: "careerInflate", platform: "neutral", target: "es2021", logLevel: "error" });
	return built.outputFiles[0].text;
}

/** For a Chromium page: a script that sets `globalThis.inflateStream`. */
function inflateScript() {
	return `${inflateBundle("iife")}\nglobalThis.inflateStream = careerInflate.inflateStream;`;
}

/** For a Node child: the function, loaded before anything is timed. */
function loadInflate() {
	const file = join(mkdtempSync(join(os.tmpdir(), "career-inflate-")), "inflate.cjs");
	writeFileSync(file, inflateBundle("cjs"));
	return createRequire(import.meta.url)(file).inflateStream;
}

// ---- children: one sample each, JSON on stdout ---------------------------------------------

/** One pass of the path step by step in this fresh process. */
async function childSteps(path, gluePath) {
	const base64 = readFileSync(DEFLATED).toString("base64");
	const { inflateSync } = await import("fflate");
	// eslint-disable-next-line no-unsanitized/method -- our own build output, copied by the parent
	const glue = await import(pathToFileURL(gluePath).href);
	const inflateStream = loadInflate();
	const ms = {};
	let t = performance.now();
	const lap = (name) => {
		const now = performance.now();
		ms[name] = now - t;
		t = now;
	};
	const deflated = typeof Uint8Array.fromBase64 === "function" ? Uint8Array.fromBase64(base64) : makeEsbuildToBinary()(base64);
	lap("decode");
	const bytes = path === "fflate" ? inflateSync(deflated) : await inflateStream(deflated);
	lap("inflate");
	const module = path === "fflate" ? new WebAssembly.Module(bytes) : await WebAssembly.compile(bytes);
	lap("compile");
	glue.initSync({ module });
	lap("instantiate");
	const result = glue.outlinePacked(NOTE);
	lap("first call");
	if (!result.ok) fail(`outline failed: ${JSON.stringify(result.error)}`);
	return ms;
}

/** Loads the bundle as Obsidian does and times its first command, warmed up or not. */
async function childBundle(distDir, warm) {
	const require = createRequire(import.meta.url);
	const harness = require("../tests/obsidian-emulation/harness.js");
	const obsidian = require("../tests/obsidian-emulation/obsidian.js");
	const Module = require("node:module");
	const vaultDir = harness.makeTempDir("career-bench-startup-");
	try {
		const app = harness.createTestApp({ vaultDir, layoutReady: false });
		const filename = join(distDir, "main.js");
		const code = readFileSync(filename, "utf8");
		const manifest = JSON.parse(readFileSync(join(distDir, "manifest.json"), "utf8"));
		const ms = {};
		// As harness.loadPlugin, with the two halves timed apart.
		let t = performance.now();
		const bundle = new Module(filename);
		bundle.filename = filename;
		bundle.require = (id) => (id === "obsidian" ? obsidian : fail(`main.js requires ${id}`));
		bundle._compile(code, filename);
		ms["load main.js"] = performance.now() - t;
		t = performance.now();
		const plugin = new bundle.exports.default(app, manifest);
		await plugin.load();
		ms.onload = performance.now() - t;
		if (warm) {
			if (!("coreWarmUp" in plugin)) return null;
			t = performance.now();
			app.workspace.emulateLayoutReady();
			while (plugin.coreWarmUp === null) await new Promise((done) => setTimeout(done, 0));
			await plugin.coreWarmUp;
			ms["warm-up (background)"] = performance.now() - t;
		}
		t = performance.now();
		await harness.runCommand(app, "career-coach:create-or-upgrade-career-index");
		ms["first command"] = performance.now() - t;
		if (!existsSync(join(vaultDir, "Career/0_Career_Index.md"))) fail("the first command did not create the Career Index");
		plugin.unload();
		return ms;
	} finally {
		harness.removeDir(vaultDir);
	}
}

// ---- Chromium ------------------------------------------------------------------------------

/** One sample per path in a new browser context each. */
async function browserSamples(runs) {
	const { chromium } = await import("playwright-core");
	const { CHROMIUM_ARGS } = await import("../tests/browser/browser-support.mjs");
	const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
	const base64 = readFileSync(DEFLATED).toString("base64");
	const fflate = readFileSync(join(ROOT, "node_modules/fflate/umd/index.js"), "utf8");
	const samples = { fflate: [], stream: [] };
	try {
		for (let run = 0; run < runs; run++) {
			for (const path of Object.keys(samples)) {
				const context = await browser.newContext();
				const page = await context.newPage();
				await page.addScriptTag({ content: fflate });
				await page.addScriptTag({ content: `${inflateScript()}\nglobalThis.esbuildToBinary = (${makeEsbuildToBinary.toString()})();` });
				samples[path].push(await page.evaluate(pageSteps, { path, base64 }));
				await context.close();
			}
		}
	} finally {
		await browser.close();
	}
	return samples;
}

/** Runs in the page: the same steps as childSteps, with stub imports for the instance. */
async function pageSteps({ path, base64 }) {
	const ms = {};
	let t = performance.now();
	const lap = (name) => {
		const now = performance.now();
		ms[name] = now - t;
		t = now;
	};
	// What esbuild's helper does: the platform's decoder where there is one (Chromium 140+).
	const hasFromBase64 = typeof Uint8Array.fromBase64 === "function";
	const deflated = hasFromBase64 ? Uint8Array.fromBase64(base64) : globalThis.esbuildToBinary(base64);
	lap("decode");
	const bytes = path === "fflate" ? globalThis.fflate.inflateSync(deflated) : await globalThis.inflateStream(deflated);
	lap("inflate");
	const module = path === "fflate" ? new WebAssembly.Module(bytes) : await WebAssembly.compile(bytes);
	lap("compile");
	const imports = {};
	for (const { module: name, name: field, kind } of WebAssembly.Module.imports(module)) {
		imports[name] ??= {};
		if (kind === "function") imports[name][field] = () => undefined;
		else if (kind === "table") imports[name][field] = new WebAssembly.Table({ initial: 128, element: "externref" });
		else throw new Error(`unexpected import kind ${kind}`);
	}
	new WebAssembly.Instance(module, imports);
	lap("instantiate");
	if (hasFromBase64) {
		// For comparison: a runtime without it (older Electron, iOS before 18.2).
		globalThis.esbuildToBinary(base64);
		lap("decode without Uint8Array.fromBase64");
	}
	return ms;
}

// ---- parent --------------------------------------------------------------------------------

function parseArgs(argv) {
	const args = { runs: 9, dist: join(ROOT, "dist"), browser: true };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag === "--runs" && Number(argv[i + 1]) > 0) args.runs = Number(argv[++i]);
		else if (flag === "--dist" && argv[i + 1]) args.dist = resolve(argv[++i]);
		else if (flag === "--no-browser") args.browser = false;
		else fail(`unknown argument ${JSON.stringify(flag)}; usage: node scripts/bench-startup.mjs [--runs N] [--dist DIR] [--no-browser]`);
	}
	return args;
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per step, the median over samples (objects of step → ms), with their total. */
function summarise(samples) {
	const rows = {};
	for (const name of Object.keys(samples[0])) rows[name] = median(samples.map((s) => s[name]));
	return rows;
}

/** Runs `runs` fresh Node processes of this script in child mode and collects their JSON. */
function nodeSamples(runs, childArgs) {
	const samples = [];
	for (let run = 0; run < runs; run++) {
		const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), "--child", ...childArgs], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
		const sample = JSON.parse(out);
		if (sample === null) return null;
		samples.push(sample);
	}
	return samples;
}

function machine() {
	const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
	const chromium = existsSync("/usr/bin/chromium") ? execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() : null;
	return {
		cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown",
		cores: os.cpus().length,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		node: process.version,
		chromium,
		loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
	};
}

async function main() {
	const argv = process.argv.slice(2);
	if (argv[0] === "--child") {
		const [, kind, a, b] = argv;
		const result = kind === "steps" ? await childSteps(a, b) : await childBundle(a, b === "warm");
		// Exits at once: the emulated window's timers would keep the process alive.
		process.stdout.write(JSON.stringify(result), () => process.exit(0));
		return;
	}
	const args = parseArgs(argv);
	for (const file of [WASM, DEFLATED, join(args.dist, "main.js")]) {
		if (!existsSync(file)) fail(`${file} is missing: run \`npm run build\` first.`);
	}
	// The glue is an ES module named .js; a copy named .mjs imports without Node's warning.
	const tmp = mkdtempSync(join(os.tmpdir(), "career-bench-startup-"));
	const gluePath = join(tmp, "career_wasm.mjs");
	copyFileSync(join(ROOT, "build/wasm/career_wasm.js"), gluePath);
	const report = {
		date: new Date().toISOString(),
		machine: machine(),
		runs: args.runs,
		sizes: { wasm: statSync(WASM).size, deflated: statSync(DEFLATED).size, mainJs: statSync(join(args.dist, "main.js")).size, dist: args.dist },
		node: {},
		bundle: {},
		chromium: null,
	};
	try {
		console.error(`bench-startup: ${args.runs} fresh Node processes per row…`);
		for (const path of ["fflate", "stream"]) report.node[path] = summarise(nodeSamples(args.runs, ["steps", path, gluePath]));
		for (const mode of ["sync", "warm"]) {
			const samples = nodeSamples(args.runs, ["bundle", args.dist, mode]);
			report.bundle[mode] = samples === null ? null : summarise(samples);
		}
		if (args.browser && existsSync("/usr/bin/chromium")) {
			console.error(`bench-startup: ${args.runs} fresh Chromium contexts per path…`);
			const samples = await browserSamples(args.runs);
			report.chromium = Object.fromEntries(Object.entries(samples).map(([path, s]) => [path, summarise(s)]));
		} else {
			console.error("bench-startup: Chromium skipped");
		}
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
	report.machine.loadAverageAfter = os.loadavg().map((l) => Number(l.toFixed(2)));
	mkdirSync(join(ROOT, "target"), { recursive: true });
	writeFileSync(join(ROOT, "target/bench-startup.json"), `${JSON.stringify(report, null, 2)}\n`);
	print(report);
	console.error("bench-startup: wrote target/bench-startup.json");
}

function print(report) {
	const m = report.machine;
	const f = (ms) => (ms === undefined ? "" : ms.toFixed(1));
	console.log(`\nFirst use: ${m.cpu}, ${m.cores} cores, ${m.os}; node ${m.node}; ${m.chromium ?? "no Chromium"}; load average ${m.loadAverage.join(" ")} → ${m.loadAverageAfter.join(" ")}`);
	const s = report.sizes;
	console.log(`Module: ${s.wasm} bytes inflated, ${s.deflated} deflated; main.js ${s.mainJs} bytes (${s.dist})`);
	const table = (title, columns) => {
		const names = [...new Set(Object.values(columns).flatMap((rows) => (rows === null ? [] : Object.keys(rows))))];
		console.log(`\n${title}, ms (median of ${report.runs})\n| Step | ${Object.keys(columns).join(" | ")} |\n| --- |${" ---: |".repeat(Object.keys(columns).length)}`);
		for (const name of names) console.log(`| ${name} | ${Object.values(columns).map((rows) => f(rows?.[name])).join(" | ")} |`);
		const total = (rows) => Object.entries(rows).reduce((sum, [name, ms]) => (ASIDE.has(name) ? sum : sum + ms), 0);
		console.log(`| total (leaving out ${[...ASIDE].map((name) => `"${name}"`).join(" and ")}) | ${Object.values(columns).map((rows) => (rows === null ? "" : f(total(rows)))).join(" | ")} |`);
	};
	table("Node, step by step", { "fflate + new Module": report.node.fflate, "DecompressionStream + compile": report.node.stream });
	table("Node, the bundle (load, onload, first command)", { "first command right after onload": report.bundle.sync, "first command after the warm-up": report.bundle.warm });
	if (report.chromium !== null) table("Chromium, step by step (stub imports, no call)", { "fflate + new Module": report.chromium.fflate, "DecompressionStream + compile": report.chromium.stream });
}

await main();
