/**
 * The settings tab, rendered by the built plugin into a real DOM.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, METHODOLOGY_COMMAND, PLUGIN_ID, harness, loadInVault, readVaultFile } from "./support.mjs";

const EXPECTED = [
	["Career folder", "Career"],
	["Career index note name", "0_Career_Index"],
	["Goals note name pattern", "{year} Goals"],
	["Session log name pattern", "{date} Career Coaching Session"],
	["Profile file", "CLAUDE.md"],
	["Methodology note name", "Career Coaching Methodology"],
	["Weekly review name pattern", "{period} Weekly Review"],
	["Monthly review name pattern", "{period} Monthly Review"],
	["Quarterly review name pattern", "{period} Quarterly Review"],
	["Annual review name pattern", "{period} Annual Review"],
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

test("the tab renders ten text settings, the planning year's month and two toggles with their current values", async (t) => {
	const { app } = await loadInVault(t);
	const el = render(app);

	const items = [...el.querySelectorAll(".setting-item")];
	assert.equal(items.length, 13);
	assert.deepEqual(
		items.slice(0, 10).map((item) => [item.querySelector(".setting-item-name").textContent, item.querySelector("input[type=text]").value]),
		EXPECTED,
	);
	const month = items[10];
	assert.equal(month.querySelector(".setting-item-name").textContent, "Planning year starts in");
	assert.equal(month.querySelector("select").value, "1", "January by default");
	assert.equal(month.querySelectorAll("option").length, 12);
	const toggle = items[11];
	assert.equal(toggle.querySelector(".setting-item-name").textContent, "Create the methodology note");
	assert.equal(toggle.querySelector("input[type=checkbox]").checked, true, "on by default");
	assert.ok(toggle.querySelector(".checkbox-container").classList.contains("is-enabled"));
	assert.equal(items[12].querySelector(".setting-item-name").textContent, "Write reviews into periodic notes");
	assert.equal(items[12].querySelector("input[type=checkbox]").checked, false, "off by default");
	for (const item of items) {
		assert.notEqual(item.querySelector(".setting-item-description").textContent, "", "every setting is described");
		assert.equal(item.querySelectorAll("input, select").length, 1);
	}
	assert.equal(el.querySelectorAll(".setting-item-heading, h1, h2, h3").length, 0, "no headings needed for one section");
	assert.doesNotMatch(el.textContent, /settings/i);

	// Rendering twice does not duplicate the settings.
	render(app);
	assert.equal(el.querySelectorAll(".setting-item").length, 13);
});

test("choosing the planning year's first month saves it as a number", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	const select = render(app).querySelector("select");
	select.value = "4";
	select.dispatchEvent(new select.ownerDocument.defaultView.Event("change"));
	await harness.settleUi();
	assert.equal(savedData(vaultDir).fiscalYearStartMonth, 4);
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
	await harness.runCommand(app, CAREER_INDEX_COMMAND);
	assert.deepEqual(harness.takeNotices(), ["Created Work/Career plans/Index.md"]);
	assert.ok(readVaultFile(vaultDir, "Work/Career plans/Index.md"));
});

test("the methodology note name is a name, not a path, and the toggle hides its command", async (t) => {
	const { app, vaultDir } = await loadInVault(t);
	const el = render(app);
	const nameInput = [...el.querySelectorAll("input[type=text]")][5];
	typeInto(nameInput, "  My Method  ");
	await harness.settleUi();
	assert.equal(savedData(vaultDir).methodologyNoteName, "My Method");

	assert.equal(app.commands.executeCommandById(METHODOLOGY_COMMAND), true, "available while the toggle is on");
	await harness.settle();
	assert.deepEqual(harness.takeNotices(), ["Created Career/My Method.md"]);

	el.querySelector(".checkbox-container").click();
	await harness.settleUi();
	assert.equal(savedData(vaultDir).methodologyNote, false, "saved as a boolean");
	assert.equal(app.commands.executeCommandById(METHODOLOGY_COMMAND), false, "hidden once the toggle is off");

	el.querySelector(".checkbox-container").click();
	await harness.settleUi();
	assert.equal(savedData(vaultDir).methodologyNote, true);
	assert.equal(app.commands.executeCommandById(METHODOLOGY_COMMAND), true);
	await harness.settle();
});

test("an open settings tab shows settings changed on disk (the CLI, Sync), and never rewrites the field being typed in", async (t) => {
	const { app, plugin } = await loadInVault(t);
	const el = render(app);
	// Open, as in Obsidian's settings window: in the document, so a field can have the focus.
	el.ownerDocument.body.appendChild(el);
	t.after(() => el.remove());
	const inputs = () => [...el.querySelectorAll(".setting-item input[type=text]")];
	const [folder, indexName] = inputs();
	indexName.focus();
	typeInto(indexName, "My Index (typing");
	await harness.settle();
	await harness.changeDataOnDisk(app, plugin, {
		careerFolder: "Work/Career",
		careerIndexName: "Index from disk",
		fiscalYearStartMonth: 4,
		methodologyNote: false,
	});
	assert.equal(folder.value, "Work/Career", "the tab shows the folder the file now holds");
	assert.equal(indexName.value, "My Index (typing", "the field being typed in keeps what the person typed");
	assert.equal(el.querySelector("select").value, "4", "the planning year's month follows the file");
	const methodology = el.querySelectorAll(".setting-item input[type=checkbox]")[0];
	assert.equal(methodology.checked, false, "the toggle follows the file");
});
