/**
 * The settings tab, rendered by the built plugin into a real DOM.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CREATE_CAREER_INDEX, PLUGIN_ID, harness, loadInVault, readVaultFile } from "./support.mjs";

const EXPECTED = [
	["Career folder", "Career"],
	["Career index note name", "0_Career_Index"],
	["Goals note name pattern", "{year} Goals"],
	["Session log name pattern", "{date} Career Coaching Session"],
	["Profile file", "CLAUDE.md"],
];

function render(app) {
	assert.equal(app.setting.pluginTabs.length, 1);
	const tab = app.setting.pluginTabs[0];
	tab.display();
	return tab.containerEl;
}

function typeInto(input, value) {
	input.value = value;
	input.dispatchEvent(new input.ownerDocument.defaultView.Event("input"));
}

function savedData(vaultDir) {
	return JSON.parse(readFileSync(join(vaultDir, ".obsidian/plugins", PLUGIN_ID, "data.json"), "utf8"));
}

test("the tab renders five text settings with their names, descriptions and current values", async (t) => {
	const { app } = await loadInVault(t);
	const el = render(app);

	const items = [...el.querySelectorAll(".setting-item")];
	assert.equal(items.length, 5);
	assert.deepEqual(
		items.map((item) => [item.querySelector(".setting-item-name").textContent, item.querySelector("input[type=text]").value]),
		EXPECTED,
	);
	for (const item of items) {
		assert.notEqual(item.querySelector(".setting-item-description").textContent, "", "every setting is described");
		assert.equal(item.querySelectorAll("input").length, 1);
	}
	assert.equal(el.querySelectorAll(".setting-item-heading, h1, h2, h3").length, 0, "no headings needed for one section");
	assert.doesNotMatch(el.textContent, /settings/i);

	// Rendering twice does not duplicate the settings.
	render(app);
	assert.equal(el.querySelectorAll(".setting-item").length, 5);
});

test("typing saves the setting: paths are normalized, blanks fall back to the default", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	const inputs = [...render(app).querySelectorAll("input[type=text]")];

	typeInto(inputs[0], " /Work//Career plans/ ");
	typeInto(inputs[1], "  Index  ");
	typeInto(inputs[4], "");
	await harness.settleUi();

	const data = savedData(vaultDir);
	assert.equal(data.careerFolder, "Work/Career plans");
	assert.equal(data.careerIndexName, "Index");
	assert.equal(data.profileFile, "CLAUDE.md");

	// The command uses the new settings at once.
	await harness.runCommand(app, CREATE_CAREER_INDEX);
	assert.deepEqual(harness.takeNotices(), []);
	assert.ok(readVaultFile(vaultDir, "Work/Career plans/Index.md"));
});
