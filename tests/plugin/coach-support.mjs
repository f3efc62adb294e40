/**
 * Helpers for the coaching tests: driving the coaching modal as a person would (typing into
 * its textarea, clicking its buttons, pressing Enter), and driving the core directly through
 * the wasm-bindgen glue with the same answers, to know what the note must look like.
 *
 * A "script" answers whatever the session shows: given `{ kind, section }` of the current
 * prompt, it returns the action (`{ action: "answer", text }`, `{ action: "confirm" }`,
 * `{ action: "skip" }`…). The same script drives the modal and the glue, so the expected note
 * comes from the core's own writers. Not a test itself.
 */

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PLUGIN_ID, core, harness } from "./support.mjs";

export const START_COMMAND = `${PLUGIN_ID}:start-coaching-session`;
export const RESUME_COMMAND = `${PLUGIN_ID}:resume-coaching-session`;
export const SECTION_COMMAND = `${PLUGIN_ID}:coach-a-section`;
export const INDEX_PATH = "Career/0_Career_Index.md";
export const DATA_PATH = `.obsidian/plugins/${PLUGIN_ID}/data.json`;
export const PREVIEW_CHANGED = "The note changed where your answer goes, so nothing was written. This is the change now — confirm again, or edit your answer.";

/** The plugin's data.json as an object (null when missing). */
export function readData(vaultDir) {
	try {
		return JSON.parse(readFileSync(join(vaultDir, DATA_PATH), "utf8"));
	} catch {
		return null;
	}
}

/** Waits (bounded) until `predicate()` is truthy, and returns its value. */
export async function waitUntil(predicate, what, turns = 200) {
	for (let i = 0; i < turns; i++) {
		const value = predicate();
		if (value) {
			return value;
		}
		await new Promise((resolve) => setImmediate(resolve));
	}
	throw new Error(`Timed out waiting for ${what}.`);
}

/** The open coaching modal's container, once it shows a prompt (not "Loading…"). */
export async function coachModal() {
	return waitUntil(() => {
		const container = harness.openModals().find((el) => el.querySelector(".career-coach-session") !== null);
		return container?.querySelector(".career-coach-session-body[data-kind]") ? container : null;
	}, "the coaching modal");
}

/** What the modal shows: `{ kind, section }`. */
export function shown(modal) {
	const body = modal.querySelector(".career-coach-session-body");
	return { kind: body.getAttribute("data-kind"), section: body.getAttribute("data-section") };
}

/** The modal's answer box. */
export function answerBox(modal) {
	const textarea = modal.querySelector("textarea.career-coach-answer");
	assert.ok(textarea, `the ${shown(modal).kind} view has an answer box`);
	return textarea;
}

/** Types `text` into the answer box as a user would (value + input event). */
export function typeAnswer(modal, text) {
	const textarea = answerBox(modal);
	textarea.focus();
	textarea.value = text;
	textarea.dispatchEvent(new globalThis.Event("input", { bubbles: true }));
}

/** Marks what the modal shows now, so that `nextView` can tell when it was replaced. */
function markShown(modal) {
	const first = modal.querySelector(".career-coach-session-body")?.firstElementChild;
	first?.setAttribute("data-test-stale", "");
}

/** Waits until the modal is idle again and shows a new view (or has closed). */
export async function nextView(modal) {
	await waitUntil(() => {
		if (!modal.isConnected) {
			return true;
		}
		const busy = modal.querySelector(".career-coach-session.is-busy") !== null;
		const first = modal.querySelector(".career-coach-session-body")?.firstElementChild;
		return !busy && first !== null && first !== undefined && !first.hasAttribute("data-test-stale");
	}, "the next view");
}

/** Waits until the modal is idle again and shows a message (a failed step keeps the view). */
export async function nextMessage(modal) {
	return waitUntil(() => {
		const busy = modal.querySelector(".career-coach-session.is-busy") !== null;
		const message = modal.querySelector(".career-coach-session-message");
		return !busy && message !== null && message.style.display !== "none" ? message.textContent : null;
	}, "a message in the modal");
}

/**
 * Performs `action` in the modal like a person: answers are typed, then sent with Enter when
 * `useEnter` else with the Next button; other actions click their button.
 */
export async function perform(modal, action, { useEnter = false, expectFailure = false } = {}) {
	markShown(modal);
	switch (action.action) {
		case "answer":
			typeAnswer(modal, action.text);
			if (useEnter) {
				harness.pressKey("Enter");
			} else {
				harness.findButton(modal, "Next").click();
			}
			break;
		case "confirm":
			if (useEnter) {
				harness.pressKey("Enter");
			} else {
				harness.findButton(modal, "Confirm").click();
			}
			break;
		case "skip":
			harness.findButton(modal, "Skip").click();
			break;
		case "edit":
			harness.findButton(modal, "Edit").click();
			break;
		case "back":
			harness.findButton(modal, "Back").click();
			break;
		case "keep":
		case "remove":
		case "add":
			harness.findButton(modal, action.action[0].toUpperCase() + action.action.slice(1)).click();
			break;
		default:
			throw new Error(`perform: unsupported action ${JSON.stringify(action)}`);
	}
	if (expectFailure) {
		return nextMessage(modal);
	}
	await nextView(modal);
	return null;
}

/** Runs `script` in the modal until it shows `until` (a kind) or the script returns null. */
export async function runScript(modal, script, { until = "done", useEnter = false } = {}) {
	for (let i = 0; i < 200; i++) {
		const view = shown(modal);
		if (view.kind === until) {
			return view;
		}
		const action = script(view);
		if (action === null) {
			return view;
		}
		await perform(modal, action, { useEnter });
	}
	throw new Error("runScript: the session did not end.");
}

/** A Current Role session's answers: the question, its follow-up (the focus), confirm, and the deepening question. */
export const CURRENT_ROLE_SCRIPT = ({ kind }) =>
	({
		question: { action: "answer", text: "8 direct reports, 65 total org, $20M budget" },
		"follow-up": { action: "answer", text: "architecture" },
		confirm: { action: "confirm" },
		deepen: { action: "answer", text: "Lead the platform group by Q3" },
	})[kind] ?? null;

/**
 * The note after running `script` through the core directly: `coachStart` over `note`, then
 * `coachPrompt`/`coachStep` until done (or until the script returns null). Returns the text.
 */
export async function expectedNote(note, { sections = [], today, script, notePath = "Career/0_Career_Index.md" }) {
	const glue = await core();
	const at = `${today}T09:00:00`;
	const started = glue.coachStart({ notePath, note, sections, today, at });
	assert.equal(started.ok, true, JSON.stringify(started));
	let session = started.value;
	let text = note;
	for (let i = 0; i < 200; i++) {
		const prompt = glue.coachPrompt({ session, note: text });
		assert.equal(prompt.ok, true, JSON.stringify(prompt));
		if (prompt.value.kind === "done") {
			return text;
		}
		const action = script({ kind: prompt.value.kind, section: prompt.value.section });
		if (action === null) {
			return text;
		}
		const step = glue.coachStep({ session, note: text, action, at });
		assert.equal(step.ok, true, JSON.stringify(step));
		session = step.value.session;
		text = step.value.write ?? text;
	}
	throw new Error("expectedNote: the session did not end.");
}

/** The number of times `needle` occurs in `text`. */
export function occurrences(text, needle) {
	return text.split(needle).length - 1;
}
