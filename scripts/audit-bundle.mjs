/**
 * Audits the built plugin bundle before it can ship.
 *
 * Obsidian's review rejects plugins whose `main.js` evaluates strings as code, decodes
 * hand-rolled base64, reaches the network with `fetch`, relies on `import.meta` (meaningless
 * in the CommonJS bundle Obsidian loads) or writes HTML strings into the DOM. The WebAssembly
 * glue and esbuild's helpers can bring such code in without any line of ours containing it,
 * so the built file itself is searched. The size is budgeted too: the module is inlined, and a
 * large `main.js` slows startup and breaks on mobile.
 *
 *     node scripts/audit-bundle.mjs [path/to/main.js]   # default: dist/main.js
 *
 * Exits 1 naming each forbidden pattern with a short snippet around it. `auditBundle` is
 * exported so tests can feed it a bundle text directly.
 */

import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Literal strings that must not appear anywhere in `main.js`. */
export const FORBIDDEN_PATTERNS = Object.freeze([
	"new Function",
	"eval(",
	"atob(",
	"fetch(",
	"import.meta",
	"innerHTML",
	"outerHTML",
	"insertAdjacentHTML",
]);

/** Largest accepted `main.js`, in bytes (1.5 MiB). */
export const MAX_BUNDLE_BYTES = 1_572_864;

/** Characters of context shown on each side of a match. */
const SNIPPET_RADIUS = 40;

/**
 * Checks a bundle's text.
 *
 * @param {string} text the content of `main.js`
 * @param {{ sizeBytes?: number }} [options] the file size, if known (else the UTF-8 length of `text`)
 * @returns {{ ok: boolean, sizeBytes: number, problems: string[] }} one readable line per problem
 */
export function auditBundle(text, options = {}) {
	const sizeBytes = options.sizeBytes ?? Buffer.byteLength(text, "utf8");
	const problems = [];
	for (const pattern of FORBIDDEN_PATTERNS) {
		let index = text.indexOf(pattern);
		let count = 0;
		const first = index;
		while (index !== -1) {
			count += 1;
			index = text.indexOf(pattern, index + pattern.length);
		}
		if (count > 0) {
			const where = count === 1 ? "once" : `${count} times`;
			problems.push(`forbidden pattern "${pattern}" found ${where}, first near: ${snippet(text, first, pattern.length)}`);
		}
	}
	if (sizeBytes > MAX_BUNDLE_BYTES) {
		problems.push(`main.js is ${formatBytes(sizeBytes)}, over the budget of ${formatBytes(MAX_BUNDLE_BYTES)}`);
	}
	return { ok: problems.length === 0, sizeBytes, problems };
}

/** Human-readable size: bytes and KiB. */
export function formatBytes(bytes) {
	return `${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`;
}

/** The match with some context on each side, on one line, quoted. */
function snippet(text, index, length) {
	const start = Math.max(0, index - SNIPPET_RADIUS);
	const end = Math.min(text.length, index + length + SNIPPET_RADIUS);
	const flat = text.slice(start, end).replace(/\s+/g, " ");
	return JSON.stringify(`${start > 0 ? "…" : ""}${flat}${end < text.length ? "…" : ""}`);
}

function main() {
	const root = join(dirname(fileURLToPath(import.meta.url)), "..");
	const bundlePath = resolve(process.argv[2] ?? join(root, "dist/main.js"));
	const wasmPath = join(root, "build/wasm/career_wasm_bg.wasm");

	if (!existsSync(bundlePath)) {
		console.error(`audit-bundle: ${bundlePath} does not exist; build the plugin first.`);
		return 1;
	}
	const { size } = statSync(bundlePath);
	const report = auditBundle(readFileSync(bundlePath, "utf8"), { sizeBytes: size });

	console.log(`main.js:       ${formatBytes(size)}`);
	const deflatedPath = `${wasmPath}.deflate`;
	if (existsSync(wasmPath) && existsSync(deflatedPath)) {
		console.log(`embedded WASM: ${formatBytes(statSync(deflatedPath).size)} deflated (before base64), ${formatBytes(statSync(wasmPath).size)} inflated`);
	} else {
		console.log(`embedded WASM: unknown (${deflatedPath} not found)`);
	}
	if (!report.ok) {
		for (const problem of report.problems) {
			console.error(`audit-bundle: ${problem}`);
		}
		console.error(`audit-bundle: FAILED with ${report.problems.length} problem(s) in ${bundlePath}`);
		return 1;
	}
	console.log("audit-bundle: OK");
	return 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
	process.exitCode = main();
}
