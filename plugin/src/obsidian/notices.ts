/**
 * Turning failures into something the user sees.
 *
 * A notice carries a short message a person can act on; the console gets the detail (error
 * code, thrown object) for bug reports. Keeping this in one place keeps the wording uniform
 * and keeps `Notice` out of the command logic.
 */

import { Notice } from "obsidian";
import type { CoreError } from "../core/wasm";

/** Prefix for console output, so the plugin's lines can be told apart from others. */
const LOG_PREFIX = "Career Coach:";

/** Shows a plain informational notice. */
export function notify(message: string): void {
	new Notice(message);
}

/** Shows an error the core returned, as "<what failed>: <the core's message>". */
export function notifyCoreError(action: string, error: CoreError): void {
	console.error(LOG_PREFIX, action, `[${error.code}]`, error.message);
	new Notice(`${action}: ${error.message}`);
}

/** Shows something thrown by Obsidian's API (a vault write that failed, for example). */
export function notifyFailure(action: string, thrown: unknown): void {
	console.error(LOG_PREFIX, action, thrown);
	const reason = thrown instanceof Error ? thrown.message : String(thrown);
	new Notice(`${action}: ${reason}`);
}
