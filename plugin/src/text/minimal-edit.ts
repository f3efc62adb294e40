/**
 * The smallest single replacement that turns one text into another, as a byte-span edit.
 *
 * The coaching core returns a note's whole new text. Writing that through the editor as one
 * "replace everything" change would move the cursor to the end, unfold everything and make
 * the undo step the whole note; replacing only the part between the common start and the
 * common end keeps all of that where the person left it. The span is in UTF-8 bytes, as every
 * edit the plugin writes (see `positions.ts`), and never starts or ends inside a character
 * (a surrogate pair) or between the `\r` and `\n` of a CRLF, which no editor position names.
 *
 * Pure TypeScript over strings: no `obsidian`, no DOM, no Node.
 */

import type { ByteEdit } from "./positions";
import { utf8Length } from "./positions";

/** One edit replacing the part of `before` that differs from `after`; `before` → `after`. */
export function minimalEdit(before: string, after: string): ByteEdit {
	const limit = Math.min(before.length, after.length);
	let prefix = 0;
	while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) {
		prefix += 1;
	}
	if (prefix > 0 && splitsUnit(before, prefix)) {
		prefix -= 1;
	}
	if (prefix > 0 && splitsUnit(after, prefix)) {
		prefix -= 1;
	}
	let suffix = 0;
	while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) {
		suffix += 1;
	}
	if (suffix > 0 && (splitsUnit(before, before.length - suffix) || splitsUnit(after, after.length - suffix))) {
		suffix -= 1;
	}
	const end = before.length - suffix;
	return {
		span: { start: utf8Length(before.slice(0, prefix)), end: utf8Length(before.slice(0, end)) },
		expected: before.slice(prefix, end),
		new_text: after.slice(prefix, after.length - suffix),
	};
}

/** Whether index `i` of `text` falls inside a surrogate pair or a CRLF. */
function splitsUnit(text: string, i: number): boolean {
	if (i <= 0 || i >= text.length) {
		return false;
	}
	const before = text.charCodeAt(i - 1);
	const at = text.charCodeAt(i);
	const pair = before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
	const crlf = before === 0x0d && at === 0x0a;
	return pair || crlf;
}
