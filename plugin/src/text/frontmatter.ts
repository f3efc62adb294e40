/**
 * Reading one top-level scalar from a note's frontmatter, for when Obsidian's metadata cache
 * has not indexed the note yet (right after it was created or synced).
 *
 * Only what telling notes apart needs: the YAML block must open on the note's first line with
 * `---` and close with `---` (or `...`); `key: value` at the start of a line, the value plain
 * or quoted, a trailing ` # comment` dropped. Anything else (a list, a nested map, a block
 * scalar) is not a scalar and gives null. No regular expression lookbehind (older iOS).
 */

/** The value of the top-level `key` in the frontmatter of `text`, or null. */
export function frontmatterScalar(text: string, key: string): string | null {
	const lines = text.replace(/^\uFEFF/, "").split("\n");
	if (lines[0]?.trimEnd() !== "---") {
		return null;
	}
	const end = lines.findIndex((line, i) => i > 0 && (line.trimEnd() === "---" || line.trimEnd() === "..."));
	if (end === -1) {
		// No closing fence: not frontmatter.
		return null;
	}
	const prefix = `${key}:`;
	const line = lines.slice(1, end).find((candidate) => candidate.startsWith(prefix));
	return line === undefined ? null : scalar(line.slice(prefix.length));
}

/** A YAML scalar written after `key:`, unquoted; null for an empty value or a non-scalar. */
function scalar(raw: string): string | null {
	const value = raw.trim();
	if (value === "") {
		return null;
	}
	const quote = value[0];
	if (quote === '"' || quote === "'") {
		const end = value.indexOf(quote, 1);
		return end === -1 ? null : value.slice(1, end);
	}
	if ("[{|>&*!".includes(value[0] ?? "")) {
		return null;
	}
	const comment = value.search(/\s#/);
	const plain = (comment === -1 ? value : value.slice(0, comment)).trim();
	return plain === "" ? null : plain;
}
