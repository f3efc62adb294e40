/**
 * From the core's UTF-8 byte offsets to what JavaScript and Obsidian's editor count.
 *
 * The Rust core reports every place in a note as a UTF-8 byte offset. JavaScript strings count
 * UTF-16 code units, and Obsidian's `Editor` counts a line (0-based) and a `ch` within it, in
 * UTF-16 code units too. The three agree only on ASCII: `é` is 2 bytes and 1 unit, `准` is 3
 * bytes and 1 unit, `🎯` is 4 bytes and 2 units (a surrogate pair). This is the one place that
 * converts, so every edit the plugin makes goes through the same, tested, arithmetic.
 *
 * Lines are split the way CodeMirror 6 (Obsidian's editor) splits them: at `\n`, `\r\n` and a
 * lone `\r`, each counting as one line break that belongs to no line. An offset that falls
 * inside a code point's bytes, or between the `\r` and the `\n` of a CRLF, does not name a
 * place the editor has, and is refused with a `RangeError` rather than rounded: a rounded
 * position would write text in the wrong place.
 *
 * Pure TypeScript over strings: no `obsidian`, no DOM, no Node.
 */

/** A place in a text as Obsidian's editor names it: 0-based line, UTF-16 units into the line. */
export interface TextPosition {
	line: number;
	ch: number;
}

/** A half-open range of UTF-8 byte offsets, as the core reports it. */
export interface ByteSpan {
	start: number;
	end: number;
}

/** One replacement, as the core's `TextEdit`: `expected` is the text the span holds now. */
export interface ByteEdit {
	span: ByteSpan;
	new_text: string;
	expected: string;
}

/** One replacement in editor coordinates, the shape of Obsidian's `EditorChange`. */
export interface PositionChange {
	from: TextPosition;
	to: TextPosition;
	text: string;
}

/** Where a byte offset lands: the UTF-16 index into the string and the editor position. */
interface Landing {
	index: number;
	position: TextPosition;
}

/** The number of UTF-8 bytes of `text`. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x80) {
			bytes += 1;
		} else if (unit < 0x800) {
			bytes += 2;
		} else if (isHighSurrogate(unit) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
			bytes += 4;
			i += 1;
		} else {
			// Other BMP characters, and lone surrogates (which UTF-8 encoders write as U+FFFD, 3 bytes).
			bytes += 3;
		}
	}
	return bytes;
}

/**
 * Converts UTF-8 byte offsets into `text` to editor positions, in the order given.
 *
 * @throws RangeError when an offset is negative, past the end, not an integer, inside a
 *   character's bytes or inside a CRLF.
 */
export function bytesToPositions(text: string, offsets: readonly number[]): TextPosition[] {
	return land(text, offsets).map((landing) => landing.position);
}

/**
 * Converts UTF-8 byte offsets into `text` to UTF-16 indexes (what `String.slice` takes).
 *
 * @throws RangeError as {@link bytesToPositions}.
 */
export function bytesToIndexes(text: string, offsets: readonly number[]): number[] {
	return land(text, offsets).map((landing) => landing.index);
}

/**
 * The core's byte-span edits as editor changes (`{ from, to, text }`), in the order given.
 *
 * Each change refers to `text` as it is before any of them is applied, which is how
 * Obsidian's `Editor.transaction` reads a list of changes (CodeMirror maps them all against the
 * starting document).
 *
 * @throws RangeError as {@link bytesToPositions}.
 */
export function editsToChanges(text: string, edits: readonly ByteEdit[]): PositionChange[] {
	const positions = bytesToPositions(
		text,
		edits.flatMap((edit) => [edit.span.start, edit.span.end]),
	);
	return edits.map((edit, i) => ({
		from: at(positions, 2 * i),
		to: at(positions, 2 * i + 1),
		text: edit.new_text,
	}));
}

/**
 * Applies byte-span edits to `text`: what the core's edits produce, computed independently so
 * the plugin can check them before writing anything.
 *
 * The edits must be in ascending order and must not overlap (two insertions at one offset are
 * applied in the order given), and each span must hold its `expected` text.
 *
 * @throws RangeError when a span is out of order, overlapping or not on a boundary, and
 *   Error when a span does not hold its `expected` text.
 */
export function applyByteEdits(text: string, edits: readonly ByteEdit[]): string {
	const indexes = bytesToIndexes(
		text,
		edits.flatMap((edit) => [edit.span.start, edit.span.end]),
	);
	let result = "";
	let copied = 0;
	let previousEnd = 0;
	edits.forEach((edit, i) => {
		const { start, end } = edit.span;
		if (end < start || start < previousEnd) {
			throw new RangeError(
				`Edit ${String(i + 1)} (bytes ${String(start)}..${String(end)}) is out of order or overlaps the one before it.`,
			);
		}
		previousEnd = end;
		const from = at(indexes, 2 * i);
		const to = at(indexes, 2 * i + 1);
		const found = text.slice(from, to);
		if (found !== edit.expected) {
			throw new Error(
				`Edit ${String(i + 1)} expected ${JSON.stringify(edit.expected)} at bytes ${String(start)}..${String(end)}, found ${JSON.stringify(found)}.`,
			);
		}
		result += text.slice(copied, from) + edit.new_text;
		copied = to;
	});
	return result + text.slice(copied);
}

/** Walks `text` once, in order of offset, and lands every offset. */
function land(text: string, offsets: readonly number[]): Landing[] {
	for (const offset of offsets) {
		if (!Number.isInteger(offset) || offset < 0) {
			throw new RangeError(`Byte offset ${String(offset)} is not a non-negative integer.`);
		}
	}
	const order = offsets.map((_, i) => i).sort((a, b) => at(offsets, a) - at(offsets, b));
	const landings = new Array<Landing>(offsets.length);

	let next = 0; // index into `order`
	let bytes = 0; // UTF-8 bytes before `index`
	let index = 0; // UTF-16 units before the current character
	let line = 0;
	let lineStart = 0; // UTF-16 index where `line` starts

	const landHere = (): void => {
		while (next < order.length && at(offsets, at(order, next)) === bytes) {
			landings[at(order, next)] = { index, position: { line, ch: index - lineStart } };
			next += 1;
		}
		if (next < order.length && at(offsets, at(order, next)) < bytes) {
			throw new RangeError(`Byte offset ${String(at(offsets, at(order, next)))} falls inside a character.`);
		}
	};

	while (index < text.length) {
		landHere();
		const unit = text.charCodeAt(index);
		if (unit === 0x0d && text.charCodeAt(index + 1) === 0x0a) {
			bytes += 1;
			if (next < order.length && at(offsets, at(order, next)) === bytes) {
				throw new RangeError(`Byte offset ${String(bytes)} falls between the \\r and the \\n of a line break.`);
			}
			bytes += 1;
			index += 2;
			line += 1;
			lineStart = index;
			continue;
		}
		if (unit === 0x0a || unit === 0x0d) {
			bytes += 1;
			index += 1;
			line += 1;
			lineStart = index;
			continue;
		}
		const paired = isHighSurrogate(unit) && index + 1 < text.length && isLowSurrogate(text.charCodeAt(index + 1));
		bytes += paired ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
		index += paired ? 2 : 1;
	}
	landHere();
	if (next < order.length) {
		throw new RangeError(`Byte offset ${String(at(offsets, at(order, next)))} is past the end of the text (${String(bytes)} bytes).`);
	}
	return landings;
}

/** `values[i]`, for indexes the caller knows are in range (keeps `noUncheckedIndexedAccess` honest). */
function at<T>(values: readonly T[], i: number): T {
	const value = values[i];
	if (value === undefined) {
		throw new RangeError(`Index ${String(i)} is out of range.`);
	}
	return value;
}

function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
	return unit >= 0xdc00 && unit <= 0xdfff;
}
