/**
 * An upgrade previewed, confirmed, and written from the note as it is at the moment of writing.
 *
 * The person may leave the preview open for a long time; the note may change meanwhile (typing
 * in another pane, sync, another plugin). Text computed from the old read is never written:
 * once confirmed, the note is read again and, if it changed, the upgrade is planned again on
 * the new text.
 *
 * - The new plan adds the same lines after the same lines (only their line numbers moved,
 *   because something changed elsewhere): the person confirmed exactly this change, so it is
 *   written into the new text, which keeps the other change.
 * - The new plan differs (the change touched the lines the upgrade adds to, or added some of
 *   them): nothing is written and the new preview is shown, saying why, to confirm again.
 *
 * `write-plan.ts` still checks, inside the write itself, that the note holds the text the plan
 * came from; a change in that last instant starts the same round again, a few times at most.
 */

import type { App, TFile } from "obsidian";
import type { Addition, NotePlan } from "../core/wasm";
import { confirmUpgrade } from "./upgrade-modal";
import { ConflictError, currentText, writeUpgrade } from "./write-plan";

/** Shown above a preview shown again. */
export const UPGRADE_CHANGED_NOTICE = "The note changed where these lines go while the preview was open, so nothing was written. This is what would be added now.";

/** How many times a note that keeps changing is read again before giving up. */
const ROUNDS = 5;

/** What happened to a previewed upgrade. */
export type UpgradeOutcome = "written" | "cancelled" | "nothing";

/**
 * Previews `plan` (made from `existing`), and once confirmed writes it as described above.
 * `replan` plans the same upgrade on a newer text, with edits ready to write; it returns null
 * when there is nothing left to add ("nothing").
 *
 * @throws ConflictError when the note kept changing; the core's or the vault's errors.
 */
export async function previewAndWrite(app: App, file: TFile, existing: string, plan: NotePlan, replan: (text: string) => NotePlan | null): Promise<UpgradeOutcome> {
	let notice: string | undefined;
	let confirmed = false;
	for (let round = 0; ; round++) {
		if (!confirmed) {
			if (!(await confirmUpgrade(app, { noteName: file.basename, path: file.path, additions: plan.additions, notice }))) {
				return "cancelled";
			}
			confirmed = true;
		}
		const now = await currentText(app, file);
		if (now !== existing) {
			const fresh = replan(now);
			if (fresh === null) {
				return "nothing";
			}
			confirmed = sameAdditions(plan.additions, fresh.additions);
			existing = now;
			plan = fresh;
			if (!confirmed) {
				notice = UPGRADE_CHANGED_NOTICE;
				continue;
			}
		}
		try {
			await writeUpgrade(app, file, existing, plan);
			return "written";
		} catch (thrown) {
			if (!(thrown instanceof ConflictError) || round >= ROUNDS) {
				throw thrown;
			}
		}
	}
}

/** Whether two previews add the same lines after the same lines (line numbers aside). */
export function sameAdditions(a: readonly Addition[], b: readonly Addition[]): boolean {
	const key = (addition: Addition): string => JSON.stringify([addition.what, addition.context, addition.lines, addition.after_line === 0]);
	return a.length === b.length && a.every((addition, i) => b[i] !== undefined && key(addition) === key(b[i]));
}
