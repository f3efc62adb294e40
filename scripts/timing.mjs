/**
 * Timing for the benchmarks (scripts/bench.mjs, scripts/bench-boundary.mjs): the native half
 * (`bench_native`), and in Node each call warmed up, then run in short windows, several calls'
 * windows in turn, reporting the median window's time per call. Numbers are never assertions.
 */

import { execFileSync } from "node:child_process";

/**
 * Builds and runs the native half, `bench_native`, on `args.corpus` with `args.budgetMs`: it
 * writes the shared inputs and `plan.json` to `out` and prints its timings, returned parsed.
 */
export function runNative(root, args, out, which = "") {
	console.error(`bench: building and running the native half${which} (cargo run --release --example bench_native)…`);
	const stdout = execFileSync(
		"cargo",
		["run", "--quiet", "--release", "-p", "career-core", "--example", "bench_native", "--", "--corpus", args.corpus, "--out", out, "--budget-ms", String(args.budgetMs)],
		{ cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 },
	);
	return JSON.parse(stdout);
}

/** Windows per measurement (odd, so the median is one of them); the native half uses as many. */
export const SLICES = 15;

/**
 * Nanoseconds per call of `fn` (the median window's, and the mean), after a warm-up, over at
 * least `budgetMs` and 5 calls.
 */
export function time(budgetMs, fn) {
	return timeInTurn(budgetMs, { fn }).fn;
}

/**
 * `time` for several calls at once, their windows in turn (one of each, then again): a slow
 * spell of the host then falls on all of them alike, and a ratio between two of them
 * (markdown-it ÷ WASM) compares the same moments, as the independent measurement behind
 * issue 19 did by interleaving both sides. Each call gets the same warm-up and windows as
 * `time` gives it alone.
 */
export function timeInTurn(budgetMs, fns) {
	const names = Object.keys(fns);
	const budget = BigInt(Math.round(budgetMs * 1e6));
	let sink = 0;
	for (const name of names) {
		const warmStart = process.hrtime.bigint();
		for (let calls = 0; calls < 3 || process.hrtime.bigint() - warmStart < budget / 5n; calls++) {
			sink += fns[name]() ? 1 : 0;
		}
	}
	// SLICES short windows instead of one long one: a burst of the host's steal time slows
	// the slices it falls in, and the median slice is the call's speed without it.
	const slice = budget / BigInt(SLICES);
	const runs = Object.fromEntries(names.map((name) => [name, { perCall: [], iterations: 0, elapsed: 0n }]));
	for (let s = 0; s < SLICES; s++) {
		for (const name of names) {
			const fn = fns[name];
			const run = runs[name];
			const start = process.hrtime.bigint();
			let calls = 0;
			let spent = 0n;
			while (calls < 1 || spent < slice) {
				sink += fn() ? 1 : 0;
				calls++;
				spent = process.hrtime.bigint() - start;
			}
			run.perCall.push(Number(spent) / calls);
			run.iterations += calls;
			run.elapsed += spent;
		}
	}
	if (sink < 0) console.log(sink); // keeps results observable
	return Object.fromEntries(
		names.map((name) => {
			const { perCall, iterations, elapsed } = runs[name];
			perCall.sort((a, b) => a - b);
			return [name, { iterations, ns: perCall[SLICES >> 1], meanNs: Number(elapsed) / iterations }];
		}),
	);
}
