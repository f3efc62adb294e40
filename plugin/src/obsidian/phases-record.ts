/**
 * Today's work recorded for the next session log: an upgrade of the Career Index ("Create or
 * upgrade career index") and a section added from a blind spot ("Add section"). The record is
 * the core's (`recordWork`); it lives in `data.json` under `phasesToday`, where `career index
 * upgrade` and `career blindspots --add` record theirs too, so a session finished in either shell
 * lists both in "What We Did". Recording never fails the work it records: a failure is logged.
 */

import { recordWork } from "../core/wasm";
import type { PhasesRecord, PhasesWork } from "../core/wasm";
import { localIsoDate } from "../today";
import type { CareerCoachHost } from "./host";
import { StaleDataError, readPluginData, updatePluginData } from "./plugin-data";

/** The key of the record in `data.json`. */
const KEY = "phasesToday";

/** The record `data.json` holds, or null. */
export async function recordedWork(plugin: CareerCoachHost): Promise<PhasesRecord | null> {
	const value = (await readPluginData(plugin))[KEY];
	return typeof value === "object" && value !== null ? (value as PhasesRecord) : null;
}

/** Adds `work` to today's record in `data.json`. */
export async function recordToday(plugin: CareerCoachHost, work: PhasesWork): Promise<void> {
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			const record = await recordedWork(plugin);
			const next = recordWork({ record, today: localIsoDate(new Date()), work });
			if (!next.ok) {
				throw new Error(next.error.message);
			}
			// Only if no other program changed the record meanwhile; else read it again.
			await updatePluginData(plugin, { [KEY]: next.value }, { [KEY]: record ?? undefined });
			return;
		} catch (thrown) {
			if (!(thrown instanceof StaleDataError)) {
				console.error("Career Coach:", "Could not record today's work for the session log", thrown);
				return;
			}
		}
	}
}
