/**
 * The preview shown before an existing note is upgraded: what will be added, and where.
 *
 * Each addition from the core is shown as the place it goes ("After line 12" and that line's
 * text, or "At the top") followed by the added lines, each prefixed with "+", in a monospace
 * block; built with `createEl` only, never from HTML strings, so note text is always shown as
 * text. "Add to note" has the focus, so Enter confirms; Escape (Obsidian's modal scope) or
 * "Cancel" closes without writing. When the note changed where the lines go while the
 * preview was open, the new preview is shown with a notice saying so (see `upgrade-write.ts`). The block scrolls and long lines wrap, so it stays
 * readable on a phone (see `.career-coach-upgrade*` in plugin/styles/).
 */

import { ButtonComponent, Modal } from "obsidian";
import type { App } from "obsidian";
import type { Addition } from "../core/wasm";

/** What the preview shows. */
export interface UpgradePreview {
	/** The note's name, for the title. */
	noteName: string;
	/** The note's vault path, for the intro line. */
	path: string;
	/** The core's additions, in note order. */
	additions: readonly Addition[];
	/** Why the preview is shown again (the note changed where the lines go); absent the first time. */
	notice?: string | undefined;
}

/** Opens the preview; resolves with true when the user chose "Add to note", else false. */
export function confirmUpgrade(app: App, preview: UpgradePreview): Promise<boolean> {
	return new Promise((resolve) => {
		new UpgradeModal(app, preview, resolve).open();
	});
}

class UpgradeModal extends Modal {
	private readonly preview: UpgradePreview;
	private resolve: ((confirmed: boolean) => void) | null;

	constructor(app: App, preview: UpgradePreview, resolve: (confirmed: boolean) => void) {
		super(app);
		this.preview = preview;
		this.resolve = resolve;
	}

	override onOpen(): void {
		const { contentEl, preview } = this;
		this.setTitle(`Upgrade ${preview.noteName}`);
		contentEl.empty();
		contentEl.addClass("career-coach-upgrade");
		contentEl.createEl("p", {
			cls: "career-coach-upgrade-intro",
			text: `These lines will be added to ${preview.path}. Nothing already in the note changes.`,
		});

		if (preview.notice !== undefined) {
			contentEl.createEl("p", { cls: "career-coach-session-message is-warning career-coach-upgrade-changed", text: preview.notice, attr: { role: "alert" } });
		}
		const list = contentEl.createDiv({ cls: "career-coach-upgrade-additions" });
		for (const addition of preview.additions) {
			renderAddition(list, addition);
		}

		const buttons = contentEl.createDiv({ cls: "modal-button-container" });
		const confirm = new ButtonComponent(buttons)
			.setButtonText("Add to note")
			.setCta()
			.onClick(() => {
				this.finish(true);
			});
		const cancel = new ButtonComponent(buttons).setButtonText("Cancel").onClick(() => {
			this.finish(false);
		});

		// Enter confirms, unless the focus is on "Cancel" (then the button's own Enter applies).
		this.scope.register([], "Enter", (evt) => {
			if (evt.target === cancel.buttonEl) {
				return true;
			}
			evt.preventDefault();
			this.finish(true);
			return false;
		});
		confirm.buttonEl.focus();
	}

	override onClose(): void {
		this.contentEl.empty();
		// Closed by Escape, the close button or a click outside: nothing is written.
		this.settle(false);
	}

	private finish(confirmed: boolean): void {
		this.settle(confirmed);
		this.close();
	}

	private settle(confirmed: boolean): void {
		const resolve = this.resolve;
		this.resolve = null;
		resolve?.(confirmed);
	}
}

/** One addition: where it goes, then its lines. */
function renderAddition(parent: HTMLElement, addition: Addition): void {
	const block = parent.createDiv({ cls: "career-coach-upgrade-addition" });
	const where = block.createDiv({ cls: "career-coach-upgrade-where" });
	if (addition.after_line === 0) {
		where.createSpan({ cls: "career-coach-upgrade-place", text: "At the top" });
	} else {
		where.createSpan({ cls: "career-coach-upgrade-place", text: `After line ${String(addition.after_line)}` });
		where.createSpan({
			cls: "career-coach-upgrade-context",
			text: addition.context.trim() === "" ? "(blank line)" : addition.context,
		});
	}
	if (addition.what.length > 0) {
		block.createDiv({ cls: "career-coach-upgrade-what", text: `Adds ${addition.what.join(", ")}` });
	}
	const lines = block.createEl("pre", { cls: "career-coach-upgrade-lines" });
	for (const line of addition.lines) {
		const row = lines.createDiv({ cls: "career-coach-upgrade-line" });
		row.createSpan({ cls: "career-coach-upgrade-sign", text: "+" });
		row.createSpan({ cls: "career-coach-upgrade-text", text: line });
	}
}
