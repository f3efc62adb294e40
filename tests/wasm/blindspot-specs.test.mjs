/**
 * Runs every blind spot spec under tests/blindspot-specs/ through the built
 * WebAssembly core: the same files and verdicts as
 * crates/core/tests/blindspot_specs.rs (exact finding ids, cited lines).
 */

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { ROOT, loadCore } from "./load-core.mjs";

const core = await loadCore();
const dir = join(ROOT, "tests/blindspot-specs");

/** The cases of one spec file: name, today, note and expectations. */
function parse(file, source) {
	const cases = [];
	for (const chunk of source.split("\n=== ").map((c) => c.replace(/^=== /, ""))) {
		if (!chunk.includes("--- note")) continue;
		const name = `${file}: ${chunk.split("\n")[0].trim()}`;
		const [head, rest] = chunk.split(/--- note\n/);
		const [note, expect] = rest.split(/--- expect\n/);
		const today = /^today: (.+)$/m.exec(head)?.[1].trim() ?? "2026-01-17";
		const expectations = expect
			.split("\n")
			.filter((l) => l.startsWith("+ ") || l.startsWith("- "))
			.map((l) => {
				const [idPart] = l.slice(2).split(":");
				const lines = /\[lines ([\d, ]+)\]/.exec(idPart)?.[1].split(",").map((n) => Number(n.trim())) ?? [];
				return { id: idPart.replace(/\[.*\]/, "").trim(), fires: l.startsWith("+"), lines };
			});
		cases.push({ name, today, note, expectations });
	}
	return cases;
}

for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
	for (const c of parse(file, readFileSync(join(dir, file), "utf8"))) {
		test(c.name, () => {
			const result = core.blindSpots({ index: c.note, today: c.today });
			assert.equal(result.ok, true, result.ok ? "" : result.error.message);
			const found = [...new Set(result.value.map((f) => f.id))].sort();
			const wanted = c.expectations.filter((e) => e.fires).map((e) => e.id).sort();
			assert.deepEqual(found, wanted);
			for (const e of c.expectations.filter((x) => x.lines.length > 0)) {
				const cited = new Set(result.value.filter((f) => f.id === e.id).flatMap((f) => f.lines));
				for (const line of e.lines) assert.ok(cited.has(line), `${e.id} should cite line ${line}: ${[...cited]}`);
			}
		});
	}
}
