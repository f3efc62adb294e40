/**
 * A Career Index entry as an answer to edit: what "Coach this" on a blind spot puts in the
 * answer box when the finding points at one entry, so the person changes that entry (the core
 * edits an entry given again under the same name) rather than typing a second copy.
 */

/**
 * The line as an answer: a win bullet `- **Title** — Description` as `Title | Description`, a
 * table row as its cells joined by ` | `; null for any other line (a heading, a rule, a
 * separator row, an empty template row).
 */
export function entryAnswer(line: string): string | null {
	const text = line.trim();
	const win = /^[-*] \*\*(.+?)\*\*(?:\s*[—–-]\s*(.*))?$/u.exec(text);
	if (win !== null) {
		const [, title = "", description = ""] = win;
		return description.trim() === "" ? title.trim() : `${title.trim()} | ${description.trim()}`;
	}
	if (text.startsWith("|") && !/^\|[\s|:-]*\|$/u.test(text)) {
		const cells = text
			.replace(/^\|/u, "")
			.replace(/\|$/u, "")
			.split(/(?<!\\)\|/u)
			.map((cell) => cell.trim());
		return cells.some((cell) => cell !== "") ? cells.join(" | ") : null;
	}
	return null;
}
