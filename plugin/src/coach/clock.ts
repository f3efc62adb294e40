/**
 * The time of a coaching step as the core records it: local `YYYY-MM-DDTHH:MM:SS`.
 *
 * The core never reads a clock; the shell stamps every step (the transcript the session log is
 * built from). Like `localIsoDate`, this takes the `Date` as an argument so tests can pin it,
 * and uses the local wall-clock time without a zone, the same format `career coach` writes
 * (chrono's `%Y-%m-%dT%H:%M:%S`), so a session moved between the terminal and Obsidian reads
 * the same.
 */

import { localIsoDate } from "../today";

/** Formats the local date and time of `now` as `YYYY-MM-DDTHH:MM:SS`. */
export function localIsoDateTime(now: Date): string {
	const pad = (value: number): string => String(value).padStart(2, "0");
	return `${localIsoDate(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
}
