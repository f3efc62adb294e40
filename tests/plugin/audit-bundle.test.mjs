/**
 * The bundle audit: it flags each forbidden pattern and an oversized bundle, and passes the
 * real build.
 */

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FORBIDDEN_PATTERNS, MAX_BUNDLE_BYTES, auditBundle } from "../../scripts/audit-bundle.mjs";
import { DIST, ROOT, harness } from "./support.mjs";

const CLEAN = '"use strict";\nvar x = require("obsidian");\nmodule.exports = x;\n';

test("a clean bundle passes", () => {
	assert.deepEqual(auditBundle(CLEAN), { ok: true, sizeBytes: Buffer.byteLength(CLEAN), problems: [] });
});

for (const pattern of FORBIDDEN_PATTERNS) {
	test(`a bundle containing ${JSON.stringify(pattern)} fails, naming it with context`, () => {
		const bad = `${CLEAN}function sneaky(el, s) { return ${pattern}"payload"; }\n`;
		const report = auditBundle(bad);
		assert.equal(report.ok, false);
		assert.equal(report.problems.length, 1);
		assert.ok(report.problems[0].includes(`"${pattern}"`), report.problems[0]);
		assert.ok(report.problems[0].includes("sneaky"), `the snippet shows the surrounding code: ${report.problems[0]}`);
	});
}

test("a bundle over 1.5 MiB fails", () => {
	const report = auditBundle(CLEAN, { sizeBytes: MAX_BUNDLE_BYTES + 1 });
	assert.equal(report.ok, false);
	assert.match(report.problems[0], /over the budget of 1572864 bytes/);
	assert.equal(auditBundle(CLEAN, { sizeBytes: MAX_BUNDLE_BYTES }).ok, true, "exactly the budget is fine");
});

test("the built dist/main.js passes the audit", () => {
	const report = auditBundle(readFileSync(join(DIST, "main.js"), "utf8"));
	assert.deepEqual(report.problems, []);
});

test("the command line exits 1 and names the pattern for a bad bundle", (t) => {
	const dir = harness.makeTempDir("career-coach-audit-");
	t.after(() => harness.removeDir(dir));
	const bad = join(dir, "main.js");
	writeFileSync(bad, `${CLEAN}el.innerHTML = userText;\n`);

	const result = spawnSync(process.execPath, [join(ROOT, "scripts/audit-bundle.mjs"), bad], { encoding: "utf8" });
	assert.equal(result.status, 1);
	assert.match(result.stderr, /forbidden pattern "innerHTML" found once, first near: .*el\.innerHTML = userText/);
	assert.match(result.stdout, /main\.js: +\d+ bytes/);
	assert.match(result.stdout, /embedded WASM: \d+ bytes/);
});
