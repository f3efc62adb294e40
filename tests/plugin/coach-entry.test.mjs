/** `entryAnswer` (plugin/src/coach/entry.ts): a Career Index line as an answer to edit. */

import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import esbuild from "esbuild";
import { ROOT } from "./support.mjs";

const require = createRequire(import.meta.url);

test("a win bullet and a table row become answers; other lines do not", async () => {
	const outfile = join(ROOT, "build/test/coach-entry.js");
	mkdirSync(join(ROOT, "build/test"), { recursive: true });
	await esbuild.build({ entryPoints: [join(ROOT, "plugin/src/coach/entry.ts")], outfile, bundle: true, format: "cjs", platform: "neutral", target: "es2021", logLevel: "error" });
	delete require.cache[outfile];
	const { entryAnswer } = require(outfile);
	assert.equal(entryAnswer("- **GAS Summit** — ran it three years running"), "GAS Summit | ran it three years running");
	assert.equal(entryAnswer("- **GAS Summit**"), "GAS Summit");
	assert.equal(entryAnswer("| Pat Kim | Global CIO |"), "Pat Kim | Global CIO");
	assert.equal(entryAnswer("|------|---------|"), null);
	assert.equal(entryAnswer("| | |"), null);
	assert.equal(entryAnswer("### Sponsors"), null);
});
