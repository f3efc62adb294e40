/**
 * The charts' half of `npm run bench`: how long the WASM core takes to build each chart's
 * scene (`chartScene`, as the `career-chart` block calls it: the notes passed in, the scene
 * object built on the way out) for the realistic fixture vault — a filled Career Index, a goals
 * note with a year of weekly actions, and a weekly review for most weeks of the year. The goal
 * is well under a frame (16 ms). `bench_native` times the same scenes natively (same notes,
 * sorted by path, same day and width). Runs on its own too: `node scripts/bench-charts.mjs`.
 */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const VAULT = join(ROOT, "tests/golden/charts/vaults/realistic/Career");
export const CHART_KINDS = ["timeline", "skills", "network", "risks", "progress", "streak"];

/** Mean ms per scene for each kind, timed with `time(budgetMs, fn)` from bench.mjs. */
export function benchCharts(core, time, budgetMs) {
	const notes = readdirSync(VAULT).sort().map((name) => [`Career/${name}`, readFileSync(join(VAULT, name), "utf8")]);
	const bytes = notes.reduce((sum, [, text]) => sum + Buffer.byteLength(text), 0);
	const results = {};
	for (const kind of CHART_KINDS) {
		const input = { source: `kind: ${kind}\nyear: 2026`, today: "2026-09-16", notes, width: 640 };
		const first = core.chartScene(input);
		if (!first.ok || first.value.placeholder !== null) {
			throw new Error(`bench: the ${kind} chart did not draw: ${JSON.stringify(first)}`);
		}
		results[kind] = time(budgetMs, () => core.chartScene(input));
	}
	return { notes: notes.length, bytes, wasm: results };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { loadCore } = await import("../tests/wasm/load-core.mjs");
	const core = await loadCore();
	const time = (budget, fn) => {
		for (let i = 0; i < 5; i++) fn();
		let runs = 0;
		const start = performance.now();
		while (performance.now() - start < budget || runs < 5) {
			fn();
			runs++;
		}
		return { meanMs: (performance.now() - start) / runs, runs };
	};
	const report = benchCharts(core, time, 1000);
	console.log(`charts: ${String(report.notes)} notes, ${String(report.bytes)} bytes`);
	for (const [kind, t] of Object.entries(report.wasm)) {
		console.log(`  ${kind.padEnd(9)} ${t.meanMs.toFixed(3)} ms (${String(t.runs)} runs)`);
	}
}
