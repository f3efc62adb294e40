/**
 * The Career Index where the person keeps it (issue 16, item 4), found through the metadata
 * cache with the core's rule: at the vault root, in a folder of its own, marked by
 * `type: career-index`; two candidates are an error naming both. Run from the built bundle.
 */

import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, harness, loadInVault, readVaultFile } from "./support.mjs";

const HAND_MADE = "# My career\n\n## Vision\n\nLead platform engineering.\n";

async function upgrade(app) {
	const running = harness.runCommand(app, CAREER_INDEX_COMMAND);
	const modal = await harness.waitForModal();
	const intro = modal.querySelector(".career-coach-upgrade-intro").textContent;
	harness.findButton(modal, "Add to note").click();
	await running;
	return intro;
}

test("an index at the vault root is upgraded in place, and no second one is created", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { "0_Career_Index.md": HAND_MADE } });
	const intro = await upgrade(app);
	assert.match(intro, /0_Career_Index\.md/);
	assert.doesNotMatch(intro, /Career\/0_Career_Index/);
	const upgraded = readVaultFile(vaultDir, "0_Career_Index.md").toString();
	assert.ok(upgraded.includes("Lead platform engineering."), upgraded);
	assert.match(upgraded, /## Open Tasks/);
	assert.equal(existsSync(join(vaultDir, "Career", "0_Career_Index.md")), false, "no second index");
});

test("a note marked type: career-index in another folder is the index", async (t) => {
	const typed = `---\ntype: career-index\n---\n${HAND_MADE}`;
	const { app, vaultDir } = await loadInVault(t, {
		files: { "Me/Career plan.md": typed, "Old/0_Career_Index.md": HAND_MADE },
	});
	await upgrade(app);
	assert.match(readVaultFile(vaultDir, "Me/Career plan.md").toString(), /## Open Tasks/);
	assert.equal(readVaultFile(vaultDir, "Old/0_Career_Index.md").toString(), HAND_MADE, "the named one is left alone");
});

test("two notes named like the index: a notice names both and nothing is written", async (t) => {
	const { app, vaultDir } = await loadInVault(t, {
		files: { "0_Career_Index.md": HAND_MADE, "Archive/0_Career_Index.md": HAND_MADE },
	});
	harness.takeNotices();
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	const notices = harness.takeNotices().join("\n");
	assert.match(notices, /0_Career_Index\.md, Archive\/0_Career_Index\.md/);
	assert.equal(existsSync(join(vaultDir, "Career")), false, "nothing was created");
	assert.equal(readVaultFile(vaultDir, "0_Career_Index.md").toString(), HAND_MADE);
});
