/**
 * A trap in the core in the middle of a coaching session: the session goes on in the fresh
 * instance (which keeps none of the old one's sessions, and numbers its own from the start
 * again) and writes exactly what an untroubled session writes.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import { CURRENT_ROLE_SCRIPT, INDEX_PATH, SECTION_COMMAND, coachModal, expectedNote, perform, runScript, shown } from "./coach-support.mjs";
import { CAREER_INDEX_COMMAND, harness, loadInVault, localToday, readVaultFile, trapInFirstInstance, watchWebAssembly } from "./support.mjs";

test("a trap between two steps of a session: it goes on in the new instance and writes what it should", async (t) => {
	let trapNow = false;
	// The first instance traps in notePaths when told to.
	const wasm = watchWebAssembly({ onInstance: trapInFirstInstance("notePaths", () => trapNow) });
	t.after(() => wasm.restore());
	const { app, vaultDir } = await loadInVault(t);
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	harness.takeNotices();
	app.workspace.activeLeaf.detach();
	const before = readVaultFile(vaultDir, INDEX_PATH).toString("utf8");
	const script = CURRENT_ROLE_SCRIPT;
	const expected = await expectedNote(before, { sections: ["current_role"], today: localToday(), script });

	const running = harness.runCommand(app, SECTION_COMMAND);
	const picker = await harness.waitForModal();
	[...picker.querySelectorAll(".suggestion-item")].find((item) => item.textContent.startsWith("Current Role")).click();
	await running;
	const modal = await coachModal();
	await perform(modal, script(shown(modal)));
	assert.deepEqual(shown(modal), { kind: "follow-up", section: "current_role" });

	// Another command traps; the next call builds a fresh instance.
	const instances = wasm.counts.Instance;
	trapNow = true;
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	trapNow = false;
	assert.match(harness.takeNotices().join("\n"), /The core stopped unexpectedly/);
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	harness.takeNotices();
	assert.equal(wasm.counts.Instance, instances + 1, "a new instance replaced the trapped one");

	await runScript(modal, script);
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString("utf8"), expected);
});
