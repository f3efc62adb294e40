/**
 * Today's date as the core wants it: a local `YYYY-MM-DD` string.
 *
 * The Rust core never reads a clock, so the plugin decides what "today" is. This is the one
 * place that turns a `Date` into that string, and it takes the `Date` as an argument so tests
 * can pin it. The local calendar date is used, not UTC: a session at 23:30 in Berlin belongs to
 * that day, not to the next one.
 */

/** Formats the local calendar date of `now` as `YYYY-MM-DD`. */
export function localIsoDate(now: Date): string {
	const year = String(now.getFullYear()).padStart(4, "0");
	const month = String(now.getMonth() + 1).padStart(2, "0");
	const day = String(now.getDate()).padStart(2, "0");
	return `${year}-${month}-${day}`;
}
