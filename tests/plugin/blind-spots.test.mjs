/**
 * "Run blind spot analysis", run from the built bundle: the findings of the seed's Career
 * Index (tests/fixtures/seed-index-before-blind-spots.md) grouped by severity, the notes the
 * analysis reads (goals, session logs found by their frontmatter), "Add section" through the
 * upgrade preview, "Coach this" into the coaching modal, the line link, and "Save as note".
 *
 * Expected findings and note texts come from the core called directly through the glue, so
 * the plugin must show and write exactly what the core says.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { test } from "node:test";
import { INDEX_PATH, coachModal, readData, shown, waitUntil } from "./coach-support.mjs";
import { PLUGIN_ID, ROOT, core, harness, loadInVault, localToday, readVaultFile } from "./support.mjs";

const { MarkdownView } = harness.obsidian;
const require = createRequire(import.meta.url);
const { noticeLog } = require("../obsidian-emulation/notice.js");

const COMMAND = `${PLUGIN_ID}:run-blind-spot-analysis`;
const SEED = readFileSync(join(ROOT, "tests/fixtures/seed-index-before-blind-spots.md"), "utf8");
/** The six gaps the seed's own blind spot session found. */
const SEED_GAPS = [
	"no_innovation_thesis",
	"internal_only_visibility",
	"no_business_metrics",
	"no_transition_success_criteria",
	"no_external_sponsor",
	"too_many_priorities",
];
const GOALS_PATH = `Career/${localToday().slice(0, 4)} Goals.md`;

/** The seed's index with every gap closed (the core's own negative cases, all at once). */
function closedIndex() {
	return SEED.replace("- Launch AI pilots\n- Expand the GCC in Trivandrum\n- Run the GAS Summit\n- Finish the MIT program\n", "")
		.replace("## Vision", '## 2026 Theme\n\n> **"Visible outside Lockton"**\n\n## Vision')
		.replace("## Open Tasks", "## Innovation Thesis\n\n### The Belief\n\n> Insurance will be rebuilt around AI-native claims.\n\n## Open Tasks")
		.replace(
			"## Open Tasks",
			"## External Visibility Plan\n\n### Targets\n\n| Channel | Target | Status |\n|---------|--------|--------|\n| Speaking | InsurTech Connect | pitched |\n\n## Open Tasks",
		)
		.replace(
			"## Open Tasks",
			"## Risk Register\n\n| Risk | Likelihood | Impact | Mitigation |\n|------|------------|--------|------------|\n| CTO path closes | Medium | High | Build external sponsors |\n\n## Open Tasks",
		)
		.replace("| Jo Park | Lockton CTO |", "| Jo Park | Partner at McKinsey |")
		.replace("taking over operational responsibilities.", "taking over operational responsibilities. Transition success looks like: handoff done by April.")
		.replace("- **GCC expansion** — Chennai to Trivandrum\n- **AI expert brand** — established inside Lockton\n- **IDEO certification** — design thinking\n", "")
		.replace("ran it three years running", "grew attendance 40%, $1.2M pipeline")
		.replace("created: 2026-01-17", `created: ${localToday()}`);
}

/** A session log as the core writes them (only its frontmatter matters here). */
function sessionLog(date, type = "coaching-session") {
	return `---\ntype: ${type}\ndate: ${date}\nfocus: Vision\ntags:\n  - career\n---\n# Career Coaching Session — ${date}\n`;
}

/** The findings the core gives for these notes today. */
async function expectedFindings({ index = SEED, goals = null, logs = [] } = {}) {
	const glue = await core();
	const result = glue.blindSpots({ index, goals, logs, today: localToday() });
	assert.equal(result.ok, true, JSON.stringify(result));
	return result.value;
}

/** The open blind spot modal's container. */
async function blindModal() {
	return waitUntil(
		() => harness.openModals().find((el) => el.querySelector(".career-coach-blind-findings") !== null) ?? null,
		"the blind spot modal",
	);
}

/** Runs the command and returns the modal it opened. */
async function runAnalysis(app) {
	await harness.runCommand(app, COMMAND);
	return blindModal();
}

/** What each finding shows: its section, evidence, line link, question and button. */
function shownFindings(modal) {
	return [...modal.querySelectorAll(".career-coach-finding")].map((el) => ({
		severity: el.closest(".career-coach-blind-group").getAttribute("data-severity"),
		section: el.querySelector("strong.career-coach-finding-section").textContent,
		evidence: el.querySelector(".career-coach-finding-evidence").textContent,
		line: el.querySelector("a.career-coach-finding-line")?.textContent ?? null,
		question: el.querySelector(".career-coach-finding-question > em").textContent,
		buttons: [...el.querySelectorAll("button")].map((button) => button.textContent),
	}));
}

/** The finding element showing `finding` (found by its visible section and evidence). */
function findingEl(modal, finding) {
	const el = [...modal.querySelectorAll(".career-coach-finding")].find(
		(candidate) =>
			candidate.querySelector(".career-coach-finding-section").textContent === finding.section &&
			candidate.querySelector(".career-coach-finding-evidence").textContent === finding.evidence,
	);
	assert.ok(el, `the modal shows ${finding.id}: ${finding.section} — ${finding.evidence}`);
	return el;
}

const ORDER = ["high", "medium", "low"];
const bySeverity = (findings) => ORDER.flatMap((severity) => findings.filter((f) => f.severity === severity));

test("the seed's index: the six gaps, grouped by severity, each with its evidence, line, question and action", async (t) => {
	const expected = await expectedFindings();
	const ids = expected.map((finding) => finding.id);
	for (const gap of SEED_GAPS) {
		assert.ok(ids.includes(gap), `the core finds ${gap} in the seed (got ${ids.join(", ")})`);
	}
	const { app } = await loadInVault(t, { files: { [INDEX_PATH]: SEED } });
	const modal = await runAnalysis(app);

	assert.equal(modal.querySelector(".modal-title").textContent, "Blind spots");
	assert.match(modal.querySelector(".career-coach-blind-intro").textContent, /Career\/0_Career_Index\.md, 0 session logs\./);

	// Groups: most severe first, each heading with its count.
	const groups = [...modal.querySelectorAll(".career-coach-blind-group")];
	const present = ORDER.filter((severity) => expected.some((f) => f.severity === severity));
	assert.deepEqual(groups.map((group) => group.getAttribute("data-severity")), present);
	assert.ok(present.includes("high"), "the High group exists");
	for (const group of groups) {
		const severity = group.getAttribute("data-severity");
		const count = expected.filter((f) => f.severity === severity).length;
		const heading = `${severity[0].toUpperCase()}${severity.slice(1)} (${count})`;
		assert.equal(group.querySelector("h3.career-coach-blind-heading").textContent, heading);
	}

	// Every finding, exactly as the core gave it.
	assert.deepEqual(
		shownFindings(modal),
		bySeverity(expected).map((f) => ({
			severity: f.severity,
			section: f.section,
			evidence: f.evidence,
			line: f.line === null ? null : `line ${f.line}`,
			question: f.question,
			buttons: [f.action.kind === "coach" ? "Coach this" : "Add section"],
		})),
	);
	// The seed's six gaps, found by what a person reads.
	for (const gap of SEED_GAPS) {
		findingEl(modal, expected.find((f) => f.id === gap));
	}
	const thesis = findingEl(modal, expected.find((f) => f.id === "no_innovation_thesis"));
	assert.equal(thesis.closest(".career-coach-blind-group").getAttribute("data-severity"), "high");
	assert.deepEqual([...thesis.querySelectorAll("button")].map((b) => b.textContent), ["Add section"]);
	const sponsors = findingEl(modal, expected.find((f) => f.id === "no_external_sponsor"));
	assert.deepEqual([...sponsors.querySelectorAll("button")].map((b) => b.textContent), ["Coach this"]);

	harness.findButton(modal, "Save as note");
	harness.findButton(modal, "Close").click();
	assert.deepEqual(harness.openModals(), []);
	assert.deepEqual(harness.takeNotices(), []);
	assert.equal(readVaultFile(app.vault.adapter.basePath, INDEX_PATH).toString(), SEED, "the analysis writes nothing");
});

test("without a Career Index: a notice says how to create it, and no modal opens", async (t) => {
	const { app } = await loadInVault(t);
	await harness.runCommand(app, COMMAND);
	assert.deepEqual(harness.takeNotices(), [`${INDEX_PATH} does not exist yet: run "Create or upgrade career index" first.`]);
	assert.deepEqual(harness.openModals(), []);
});

test("an index with no gap: No blind spots found.", async (t) => {
	const index = closedIndex();
	assert.deepEqual(await expectedFindings({ index }), [], "the fixture closes every gap");
	const { app } = await loadInVault(t, { files: { [INDEX_PATH]: index } });
	const modal = await runAnalysis(app);
	assert.equal(modal.querySelector(".career-coach-blind-empty").textContent, "No blind spots found.");
	assert.equal(modal.querySelectorAll(".career-coach-blind-group").length, 0);
});

test("the goals note and the session logs of the career folder are read; other notes are not", async (t) => {
	const stale = SEED.replace("created: 2026-01-17", "created: 2020-01-01");
	const goals = "## Annual Goals\n\n| Goal | Outcome |\n|---|---|\n| G1 | a |\n| G2 | b |\n| G3 | c |\n| G4 | d |\n";
	const oldLog = sessionLog("2020-02-01");
	const todayLog = sessionLog(localToday());
	const files = {
		[INDEX_PATH]: stale,
		[GOALS_PATH]: goals,
		"Career/2020-02-01 Career Coaching Session.md": oldLog,
		// Not session logs: another type, a log outside the career folder, a note without properties.
		"Career/Meeting.md": sessionLog(localToday(), "meeting"),
		"Career/Archive/Old Session.md": todayLog,
		"Sessions/Elsewhere.md": todayLog,
		"Career/Scratch.md": "type: coaching-session\n",
		"Career/notes.txt": todayLog,
	};
	const { app } = await loadInVault(t, { files });
	const getFiles = t.mock.method(app.vault, "getFiles");
	const getMarkdownFiles = t.mock.method(app.vault, "getMarkdownFiles");

	const expected = await expectedFindings({ index: stale, goals, logs: [["Career/2020-02-01 Career Coaching Session.md", oldLog]] });
	assert.ok(expected.some((f) => f.id === "stale_index"), "only the 2020 log counts, so the index is stale");
	const withoutGoals = await expectedFindings({ index: stale, logs: [["Career/2020-02-01 Career Coaching Session.md", oldLog]] });
	assert.notDeepEqual(withoutGoals, expected, "the goals note changes the findings");
	const modal = await runAnalysis(app);
	assert.deepEqual(shownFindings(modal).map((f) => f.evidence), bySeverity(expected).map((f) => f.evidence));
	assert.match(modal.querySelector(".career-coach-blind-intro").textContent, /the goals note, 1 session log\./);
	assert.equal(getFiles.mock.callCount() + getMarkdownFiles.mock.callCount(), 0, "the folder is listed, the vault is not scanned");
	harness.closeAllModals();

	// A log the metadata cache has not indexed yet is recognised from its own frontmatter.
	const newLog = "Career/Today Career Coaching Session.md";
	await app.vault.create(newLog, todayLog);
	app.metadataCache.notIndexed.add(newLog);
	const fresh = await expectedFindings({
		index: stale,
		goals,
		logs: [
			["Career/2020-02-01 Career Coaching Session.md", oldLog],
			[newLog, todayLog],
		],
	});
	assert.ok(!fresh.some((f) => f.id === "stale_index"), "today's log keeps the index fresh");
	const again = await runAnalysis(app);
	assert.deepEqual(shownFindings(again).map((f) => f.evidence), bySeverity(fresh).map((f) => f.evidence));
	assert.match(again.querySelector(".career-coach-blind-intro").textContent, /the goals note, 2 session logs\./);
});

test("Add section: the preview, then the section in its place, nothing else changed, and the list redrawn", async (t) => {
	const glue = await core();
	const plan = glue.planSections({ today: localToday(), existing: SEED, sections: ["innovation_thesis"] });
	assert.equal(plan.ok, true, JSON.stringify(plan));
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: SEED } });
	const process = t.mock.method(app.vault, "process");
	const expected = await expectedFindings();
	const modal = await runAnalysis(app);

	harness.findButton(findingEl(modal, expected.find((f) => f.id === "no_innovation_thesis")), "Add section").click();
	const preview = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-upgrade") !== null), "the preview");
	assert.equal(preview.querySelector(".modal-title").textContent, "Upgrade 0_Career_Index");
	const added = [...preview.querySelectorAll(".career-coach-upgrade-line")].map((line) => line.textContent);
	assert.equal(added[0], "+## Innovation Thesis", "the preview shows the section's lines");
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString(), SEED, "nothing is written before confirming");
	harness.findButton(preview, "Add to note").click();

	// Once added, the section is still empty: the finding now offers to coach it.
	await waitUntil(() => modal.querySelector('[data-finding="no_innovation_thesis"] button')?.textContent === "Coach this", "the list redrawn");
	const written = readVaultFile(vaultDir, INDEX_PATH).toString();
	assert.equal(written, plan.value.text, "exactly the core's text");
	assert.equal(process.mock.callCount(), 1, "one atomic write");
	const start = written.indexOf("## Innovation Thesis");
	const next = written.indexOf("## Network & Influence");
	assert.ok(written.indexOf("## Growth") < start && start < next, "inserted at its canonical place: after Growth, before Network & Influence");
	assert.equal(written.slice(0, start) + written.slice(next), SEED, "every original byte is still there");
	assert.ok(!written.includes("## Risk Register"), "only the requested section is added");

	// The analysis ran again on the new text.
	const after = await expectedFindings({ index: written });
	assert.deepEqual(shownFindings(modal).map((f) => f.evidence), bySeverity(after).map((f) => f.evidence));
	assert.deepEqual(after.find((f) => f.id === "no_innovation_thesis").action.kind, "coach");
	assert.ok(modal.isConnected, "the analysis stays open");
	assert.deepEqual(harness.takeNotices(), [`Added Innovation Thesis to ${INDEX_PATH}`]);
});

test("Add section, cancelled: nothing is written and the list stays", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: SEED } });
	const expected = await expectedFindings();
	const modal = await runAnalysis(app);
	const before = shownFindings(modal);
	harness.findButton(findingEl(modal, expected.find((f) => f.id === "no_business_metrics")), "Add section").click();
	const preview = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-upgrade") !== null), "the preview");
	harness.findButton(preview, "Cancel").click();
	await waitUntil(() => [...modal.querySelectorAll("button")].every((button) => !button.disabled), "the modal to be idle");
	assert.equal(readVaultFile(vaultDir, INDEX_PATH).toString(), SEED);
	assert.deepEqual(shownFindings(modal), before);
	assert.deepEqual(harness.takeNotices(), []);
});

test("Add section with the index open in an editor goes through the editor", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: SEED } });
	await app.workspace.getLeaf(false).openFile(app.vault.getFileByPath(INDEX_PATH));
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	const transaction = t.mock.method(view.editor, "transaction");
	const process = t.mock.method(app.vault, "process");
	const expected = await expectedFindings();
	const modal = await runAnalysis(app);
	harness.findButton(findingEl(modal, expected.find((f) => f.id === "internal_only_visibility")), "Add section").click();
	const preview = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".career-coach-upgrade") !== null), "the preview");
	harness.findButton(preview, "Add to note").click();
	await waitUntil(() => modal.querySelector('[data-finding="internal_only_visibility"] button')?.textContent === "Coach this", "the list redrawn");
	assert.equal(transaction.mock.callCount(), 1);
	assert.equal(process.mock.callCount(), 0);
	const written = readVaultFile(vaultDir, INDEX_PATH).toString();
	assert.equal(view.editor.getValue(), written);
	assert.ok(written.includes("## External Visibility Plan"));
});

test("Coach this: the analysis closes and the coaching modal opens the flagged entry, with the finding's question", async (t) => {
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: SEED } });
	const expected = await expectedFindings();
	const finding = expected.find((f) => f.id === "no_external_sponsor");
	const firstSponsor = SEED.split("\n").indexOf("| Pat Kim | Lockton Global CIO |") + 1;
	assert.deepEqual(finding.action, { kind: "coach", section: "network", entry: firstSponsor }, "the first internal sponsor it cites");
	const modal = await runAnalysis(app);

	harness.findButton(findingEl(modal, finding), "Coach this").click();
	const coaching = await coachModal();
	assert.ok(!modal.isConnected, "the analysis closed");
	assert.deepEqual(shown(coaching), { kind: "edit-entry", section: "network" }, "that sponsor, open for editing");
	assert.equal(coaching.querySelector(".modal-title").textContent.startsWith("Network & Influence"), true);
	assert.equal(coaching.querySelector(".career-coach-session-focus-text").textContent, finding.question);
	assert.equal(coaching.querySelector("textarea.career-coach-answer").value, "Pat Kim | Lockton Global CIO");
	assert.deepEqual(readData(vaultDir).session.plan.map((p) => p.section), ["network"], "a session on that section alone");
});

test("Coach this on a finding that cites no entry of its section walks the section's entries", async (t) => {
	const index = SEED.replace("| Lee Park | Senior architect |\n", "");
	const { app } = await loadInVault(t, { files: { [INDEX_PATH]: index } });
	const finding = (await expectedFindings({ index })).find((f) => f.id === "no_mentee");
	assert.deepEqual(finding.action, { kind: "coach", section: "network" });
	harness.findButton(findingEl(await runAnalysis(app), finding), "Coach this").click();
	const coaching = await coachModal();
	assert.deepEqual(shown(coaching), { kind: "entry", section: "network" }, "the first entry: keep, edit or remove");
	assert.equal(coaching.querySelector(".career-coach-entry-heading").textContent, "Entry 1 of 7 · Sponsors");
});

test("Coach this with an unfinished session: Resume or coach this section instead", async (t) => {
	const glue = await core();
	const unfinished = glue.coachStart({ notePath: INDEX_PATH, note: SEED, sections: ["vision"], today: localToday(), at: `${localToday()}T08:00:00` });
	assert.equal(unfinished.ok, true);
	const { app, vaultDir } = await loadInVault(t, { files: { [INDEX_PATH]: SEED }, data: { session: unfinished.value } });
	const expected = await expectedFindings();
	const modal = await runAnalysis(app);
	harness.findButton(findingEl(modal, expected.find((f) => f.id === "no_external_sponsor")), "Coach this").click();
	const choice = await waitUntil(() => harness.openModals().find((el) => el.querySelector(".modal-title")?.textContent === "Unfinished coaching session"), "the choice");
	harness.findButton(choice, "Coach Network & Influence instead").click();
	const coaching = await coachModal();
	assert.deepEqual(shown(coaching), { kind: "edit-entry", section: "network" });
	assert.deepEqual(readData(vaultDir).session.plan.map((p) => p.section), ["network"]);
});

test("the line link opens the Career Index with the cursor on that line", async (t) => {
	const { app } = await loadInVault(t, { files: { [INDEX_PATH]: SEED } });
	const expected = await expectedFindings();
	const finding = expected.find((f) => f.id === "no_external_sponsor");
	assert.equal(typeof finding.line, "number");
	const modal = await runAnalysis(app);
	const link = findingEl(modal, finding).querySelector("a.career-coach-finding-line");
	assert.equal(link.textContent, `line ${finding.line}`);
	link.click();
	await waitUntil(() => app.workspace.openedFiles.length > 0, "the note to open");
	await harness.settle();
	assert.deepEqual(harness.openModals(), [], "the analysis closed");
	assert.deepEqual(app.workspace.openedFiles, [INDEX_PATH]);
	assert.equal(app.workspace.openStates[0].eState.line, finding.line - 1);
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	assert.deepEqual(view.editor.getCursor(), { line: finding.line - 1, ch: 0 });
	assert.equal(view.editor.getLine(finding.line - 1), SEED.split("\n")[finding.line - 1], "the line the finding points at");
});

test("Save as note: one create of the dated note, compared with the last one; never overwritten the same day", async (t) => {
	const glue = await core();
	const today = localToday();
	const older = "Career/Blind Spot Analysis 2025-01-01.md";
	const latest = "Career/Blind Spot Analysis 2025-06-01.md";
	const first = await expectedFindings();
	const previousText = glue.blindSpotNote({ findings: first.slice(1), today: "2025-06-01", previous: null }).value.text;
	const { app, vaultDir } = await loadInVault(t, {
		files: { [INDEX_PATH]: SEED, [older]: "---\ntype: blind-spot-analysis\n---\n", [latest]: previousText },
	});
	const create = t.mock.method(app.vault, "create");
	const modal = await runAnalysis(app);

	const expected = glue.blindSpotNote({ findings: first, today, previous: ["Blind Spot Analysis 2025-06-01", previousText] });
	assert.equal(expected.ok, true);
	const path = `Career/${expected.value.name}.md`;
	assert.equal(path, `Career/Blind Spot Analysis ${today}.md`);
	harness.findButton(modal, "Save as note").click();
	await waitUntil(() => readVaultFile(vaultDir, path) !== null, "the note");
	await waitUntil(() => harness.findButton(modal, "Save as note").disabled === false, "the modal to be idle");
	const saved = readVaultFile(vaultDir, path).toString();
	assert.equal(saved, expected.value.text);
	assert.match(saved, /^---\ntype: blind-spot-analysis\n/);
	assert.match(saved, /Since \[\[Blind Spot Analysis 2025-06-01\]\]/, "compared with the latest saved analysis");
	assert.equal(create.mock.callCount(), 1);
	assert.deepEqual(create.mock.calls[0].arguments.slice(0, 2), [path, expected.value.text]);
	assert.deepEqual(harness.takeNotices(), [`Saved ${path}`]);

	// A second save the same day: a notice, and the note is left as it is.
	harness.findButton(modal, "Save as note").click();
	await waitUntil(() => noticeLog.length > 0, "the notice");
	assert.deepEqual(harness.takeNotices(), [`${path} already exists: today's analysis was saved before, and it was not overwritten.`]);
	assert.equal(create.mock.callCount(), 1, "no second create");
	assert.equal(readVaultFile(vaultDir, path).toString(), saved);
});
