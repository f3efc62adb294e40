/**
 * Runs every spec under tests/specs/ through the built WebAssembly core:
 * the same files and variants as the native Rust harness.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, applyEdits, loadCore } from "./load-core.mjs";
import { isIdempotent, parseSpec, recoverByDeletingInsertions, specFiles, variants } from "./spec-format.mjs";

const core = await loadCore();
const specRoot = join(ROOT, "tests/specs");

for (const path of specFiles(specRoot)) {
	for (const testCase of parseSpec(specRoot, path)) {
		test(`${testCase.file} :: ${testCase.name}`, () => {
			for (const variant of variants(testCase)) {
				const label = `${variant.name}`;
				const op = { ...testCase.op };
				if (typeof op.line === "number") op.line += variant.lineShift;
				const input = variant.transform(testCase.input);
				const result = core.applyOperation(input, op);
				if (testCase.expect.error) {
					assert.equal(result.ok, false, `${label}: should fail with ${testCase.expect.error}`);
					assert.equal(result.error.code, testCase.expect.error, label);
					continue;
				}
				assert.equal(result.ok, true, `${label}: ${result.ok ? "" : result.error.message}`);
				if (testCase.expect.unchanged) {
					assert.deepEqual(result.value.edits, [], `${label}: should report no change`);
					continue;
				}
				const got = applyEdits(input, result.value.edits);
				assert.equal(got, variant.transform(testCase.expect.text), label);
				const recovered = recoverByDeletingInsertions(got, result.value.edits);
				if (recovered !== null) assert.equal(recovered, input, `${label}: deleting the inserted spans should give back the input`);
				if (isIdempotent(op)) {
					const again = core.applyOperation(got, op);
					assert.equal(again.ok && again.value.edits.length, 0, `${label}: a second run should change nothing`);
				}
			}
		});
	}
}
