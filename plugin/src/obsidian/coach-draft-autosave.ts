/**
 * Saving the coaching modal's unsent text once typing pauses, so closing Obsidian mid-answer
 * keeps what was typed (see `coach/draft.ts`). Split from `coach-modal.ts`.
 */

/** How long typing must pause before the unsent text is saved. */
const DRAFT_SAVE_DELAY_MS = 400;

/** Runs `save` once typing has paused for {@link DRAFT_SAVE_DELAY_MS}. */
export class DraftAutosave {
	private timer: number | null = null;
	private readonly save: () => void;

	constructor(save: () => void) {
		this.save = save;
	}

	/** (Re)starts the wait: called on every keystroke. */
	schedule(): void {
		this.cancel();
		this.timer = window.setTimeout(() => {
			this.timer = null;
			this.save();
		}, DRAFT_SAVE_DELAY_MS);
	}

	/** Drops a pending save (a step is sent, or the modal closes). */
	cancel(): void {
		if (this.timer !== null) {
			window.clearTimeout(this.timer);
			this.timer = null;
		}
	}
}
