/**
 * Performing a note plan from the core: the one write each case calls for, or none at all.
 *
 * - A missing note is created with one `vault.create(path, fullText)` (never created empty and
 *   filled afterwards, which races with Templater and sync), and never over a file that
 *   appeared meanwhile.
 * - A note open in an editor is changed through its `Editor`, in one transaction, so the
 *   cursor, folds and undo history survive and Obsidian saves it as if the user had typed.
 * - Any other existing note is changed with `vault.process`, Obsidian's atomic
 *   read-modify-write.
 *
 * A plan is computed from the text read before the preview, and the user may take their time
 * to confirm it; the note may change meanwhile (typing, sync, another plugin). Every write
 * therefore checks, at the moment it writes, that the note still holds exactly the text the
 * plan was computed from, and refuses otherwise with a {@link ConflictError}: nothing is ever
 * half-written and nothing is written over someone else's change.
 */

import { MarkdownView } from "obsidian";
import type { App, Editor, TFile, Vault } from "obsidian";
import type { NotePlan } from "../core/wasm";
import { applyByteEdits, editsToChanges, utf8Length } from "../text/positions";
import { minimalEdit } from "../text/minimal-edit";
import { ensureFolder, parentFolder } from "./folders";

/** The note is not as the plan expects it any more; nothing was written. */
export class ConflictError extends Error {
	/** The note's vault path. */
	readonly path: string;

	constructor(path: string, message: string) {
		super(message);
		this.name = "ConflictError";
		this.path = path;
	}

	/** The note changed after its text was read for the plan (and the preview). */
	static changed(path: string): ConflictError {
		return new ConflictError(path, `${path} changed while the preview was open, so nothing was written. Run the command again.`);
	}

	/** Something created the note after we found it missing. */
	static appeared(path: string): ConflictError {
		return new ConflictError(path, `${path} was created by something else meanwhile, so nothing was written. Run the command again.`);
	}
}

/** How an existing note was written. */
export type WriteRoute = "editor" | "file";

/**
 * The editor showing `file`, if any: the active Markdown view first, then any other Markdown
 * leaf (a split pane, a background tab) whose view holds the same file.
 */
export function editorFor(app: App, file: TFile): Editor | null {
	const active = app.workspace.getActiveViewOfType(MarkdownView);
	if (active?.file?.path === file.path) {
		return active.editor;
	}
	for (const leaf of app.workspace.getLeavesOfType("markdown")) {
		const view = leaf.view;
		if (view instanceof MarkdownView && view.file?.path === file.path) {
			return view.editor;
		}
	}
	return null;
}

/**
 * The note's current text as the user sees it: the editor's text when the note is open
 * (it may hold changes Obsidian has not saved yet), else the file's text read from disk.
 */
export async function currentText(app: App, file: TFile): Promise<string> {
	const editor = editorFor(app, file);
	return editor !== null ? editor.getValue() : await app.vault.read(file);
}

/**
 * Creates the note at `path` with `text` in one `vault.create`, creating its folder first.
 *
 * @throws ConflictError when a file or folder appeared at `path` since the plan was made.
 */
export async function createPlannedNote(vault: Vault, path: string, text: string): Promise<TFile> {
	await ensureFolder(vault, parentFolder(path));
	if (vault.getAbstractFileByPath(path) !== null) {
		throw ConflictError.appeared(path);
	}
	return await vault.create(path, text);
}

/**
 * Writes an upgrade (or the filling of a blank note) to `file`.
 *
 * `existing` is the text the plan was computed from. The plan's edits are first checked
 * against it (each span holds its expected text, and together they give the plan's text), so
 * a plan that does not fit is refused before anything is touched. Then:
 *
 * - open in an editor whose text is still `existing`: the edits are applied as one
 *   `editor.transaction`, byte spans converted to editor positions;
 * - open in an editor whose text differs: refused;
 * - not open: `vault.process`, refusing inside the callback if the file differs from
 *   `existing`.
 *
 * @throws ConflictError when the note changed; Error when the plan is inconsistent.
 */
export async function writeUpgrade(app: App, file: TFile, existing: string, plan: NotePlan): Promise<WriteRoute> {
	const text = plan.text;
	if (text === null) {
		throw new Error(`The plan for ${file.path} has no text to write.`);
	}
	if (applyByteEdits(existing, plan.edits) !== text) {
		throw new Error(`The core's edits for ${file.path} do not give its new text, so nothing was written.`);
	}

	const editor = editorFor(app, file);
	if (editor !== null) {
		if (editor.getValue() !== existing) {
			throw ConflictError.changed(file.path);
		}
		// All positions refer to the text before the transaction, as Obsidian (CodeMirror)
		// reads the changes of one transaction; one transaction is also one undo step.
		editor.transaction({ changes: editsToChanges(existing, plan.edits) });
		if (editor.getValue() !== text) {
			throw new Error(`The editor of ${file.path} did not take the changes as planned; use Undo to revert them.`);
		}
		return "editor";
	}

	await app.vault.process(file, (current) => {
		if (current !== existing) {
			throw ConflictError.changed(file.path);
		}
		return text;
	});
	return "file";
}

/**
 * Writes `file` in one write, with `change` computing its new text from its text at that moment:
 * through the note's editor when it is open (the editor's text, one transaction: cursor, folds
 * and undo survive), else inside `vault.process`. `change` may throw to write nothing; its
 * error is thrown from here. For changes the core lands on the current text (`landEdits`).
 */
export async function writeChange(app: App, file: TFile, change: (current: string) => string): Promise<WriteRoute> {
	const editor = editorFor(app, file);
	if (editor !== null) {
		const current = editor.getValue();
		const text = change(current);
		if (text !== current) {
			editor.transaction({ changes: editsToChanges(current, [minimalEdit(current, text)]) });
			if (editor.getValue() !== text) {
				throw new Error(`The editor of ${file.path} did not take the changes as planned; use Undo to revert them.`);
			}
		}
		return "editor";
	}
	await app.vault.process(file, change);
	return "file";
}

/** The edits that replace all of `existing` by `text`, for filling a blank note. */
export function replaceAllEdits(existing: string, text: string): NotePlan["edits"] {
	return [{ span: { start: 0, end: utf8Length(existing) }, expected: existing, new_text: text }];
}
