/**
 * Loading the built plugin: it registers its commands and settings tab, leaves the vault
 * alone, and does not compile the WebAssembly core in `onload` (first-use.test.mjs covers the
 * warm-up that follows).
 */

import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { CAREER_INDEX_COMMAND, DIST, METHODOLOGY_COMMAND, PROFILE_COMMAND, harness, makeVault, watchWebAssembly } from "./support.mjs";

test("onload registers the commands and the settings tab without compiling WebAssembly", async (t) => {
	const { app, vaultDir } = makeVault(t);
	const wasm = watchWebAssembly();
	let plugin;
	try {
		plugin = await harness.loadPlugin(app, DIST);
		assert.deepEqual(wasm.counts, { Module: 0, Instance: 0, compile: 0, instantiate: 0, compileStreaming: 0, instantiateStreaming: 0 });

		const expected = [
			[CAREER_INDEX_COMMAND, "Career Coach: Create or upgrade career index"],
			[PROFILE_COMMAND, "Career Coach: Create or upgrade profile"],
			[METHODOLOGY_COMMAND, "Career Coach: Create or upgrade methodology note"],
			["career-coach:coach-my-profile", "Career Coach: Coach my profile"],
			["career-coach:start-coaching-session", "Career Coach: Start coaching session"],
			["career-coach:resume-coaching-session", "Career Coach: Resume coaching session"],
			["career-coach:coach-a-section", "Career Coach: Coach a section"],
			["career-coach:run-blind-spot-analysis", "Career Coach: Run blind spot analysis"],
			["career-coach:write-session-log", "Career Coach: Write session log"],
			["career-coach:show-open-threads", "Career Coach: Show open threads"],
			["career-coach:create-goals-note", "Career Coach: Create goals note"],
			["career-coach:set-goal-status", "Career Coach: Set goal status"],
			["career-coach:add-weekly-action", "Career Coach: Add weekly action"],
			["career-coach:show-goal-progress", "Career Coach: Show goal progress"],
			["career-coach:weekly-review", "Career Coach: Weekly review"],
			["career-coach:monthly-review", "Career Coach: Monthly review"],
			["career-coach:quarterly-review", "Career Coach: Quarterly review"],
			["career-coach:annual-review", "Career Coach: Annual review"],
			["career-coach:show-whats-due", "Career Coach: Show what's due"],
			["career-coach:export-review-calendar", "Career Coach: Export review calendar"],
		];
		assert.deepEqual(
			app.commands.listCommands().map((command) => [command.id, command.name]),
			expected,
		);
		for (const command of app.commands.listCommands()) {
			assert.equal(command.hotkeys, undefined, `${command.id} has no default hotkey`);
		}
		assert.equal(app.setting.pluginTabs.length, 1);
		assert.equal(app.statusBarEl.querySelector(".career-coach-due-status")?.style.display, "none", "the due status waits until Obsidian has loaded");

		assert.deepEqual(app.vault.getAllLoadedFiles().map((f) => f.path), ["/"], "no note or folder was created");
		assert.deepEqual(readdirSync(vaultDir), [], "nothing was written to disk, not even data.json");
		assert.deepEqual(harness.takeNotices(), []);

		// The wrapper does see compilation: the first command compiles and instantiates once.
		await harness.runCommand(app, CAREER_INDEX_COMMAND);
		assert.equal(wasm.counts.Module, 1);
		assert.equal(wasm.counts.Instance, 1);
		await harness.runCommand(app, CAREER_INDEX_COMMAND);
		assert.equal(wasm.counts.Module, 1, "the compiled core is reused");
		assert.equal(wasm.counts.Instance, 1, "the instance is reused");
	} finally {
		wasm.restore();
		if (plugin !== undefined) {
			harness.unloadPlugin(app, plugin);
		}
	}
});

test("unloading removes the commands and the settings tab", async (t) => {
	const { app } = makeVault(t);
	const plugin = await harness.loadPlugin(app, DIST);
	harness.unloadPlugin(app, plugin);
	assert.deepEqual(app.commands.listCommands(), []);
	assert.deepEqual(app.setting.pluginTabs, []);
	assert.equal(app.vault.listenerCount() + app.workspace.listenerCount() + app.metadataCache.listenerCount(), 0);
});

test("settings saved by the user are loaded at startup, and bad values fall back to defaults", async (t) => {
	const { app } = makeVault(t, {
		data: {
			careerFolder: "Work/Career",
			careerIndexName: "   ",
			goalsNamePattern: 42,
			methodologyNoteName: "How I coach",
			methodologyNote: "false",
			fiscalYearStartMonth: 13,
			weeklyReviewNamePattern: "Week {period}",
			reviewsInPeriodicNotes: "yes",
			unknownKey: "dropped",
		},
	});
	const plugin = await harness.loadPlugin(app, DIST);
	t.after(() => harness.unloadPlugin(app, plugin));
	assert.deepEqual(plugin.settings, {
		careerFolder: "Work/Career",
		careerIndexName: "0_Career_Index",
		goalsNamePattern: "{year} Goals",
		sessionLogNamePattern: "{date} Career Coaching Session",
		profileFile: "CLAUDE.md",
		methodologyNoteName: "How I coach",
		methodologyNote: true,
		fiscalYearStartMonth: 1,
		weeklyReviewNamePattern: "Week {period}",
		monthlyReviewNamePattern: "{period} Monthly Review",
		quarterlyReviewNamePattern: "{period} Quarterly Review",
		annualReviewNamePattern: "{period} Annual Review",
		reviewsInPeriodicNotes: false,
	});
});

test("a saved boolean turns the methodology note off", async (t) => {
	const { app } = makeVault(t, { data: { methodologyNote: false, methodologyNoteName: "" } });
	const plugin = await harness.loadPlugin(app, DIST);
	t.after(() => harness.unloadPlugin(app, plugin));
	assert.equal(plugin.settings.methodologyNote, false);
	assert.equal(plugin.settings.methodologyNoteName, "Career Coaching Methodology", "a blank name falls back to the default");
});
