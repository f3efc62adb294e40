/**
 * A note's outline as the core packs it (`crates/core/src/note/packed.rs`): one `Uint32Array` and
 * the string table's UTF-8 bytes cross the boundary, and the objects of each part (sections,
 * tables, tasks, links), and the strings they hold, are built only when that part is first read.
 * The layout is documented in `packed.rs`; this file is its only reader.
 */

import type { NoteOutline, OutlineLink, OutlineSection, OutlineTable, OutlineTask, PackedOutline, Span, TableRow } from "../../../build/wasm/career_wasm.js";

const VERSION = 2;
/** Made on first use. `ignoreBOM`: a string that starts with U+FEFF keeps it (the default decoder drops it). */
let utf8: TextDecoder | undefined;
const NONE = 0xffffffff;
const ALIGNMENTS = ["none", "left", "center", "right"] as const;

/** Reads the numbers in order. */
class Reader {
	private at: number;

	constructor(
		private readonly numbers: Uint32Array,
		private readonly strings: string,
		at: number,
	) {
		this.at = at;
	}

	next(): number {
		const value = this.numbers[this.at];
		if (value === undefined) {
			throw new Error("The packed outline ended early.");
		}
		this.at += 1;
		return value;
	}

	span(): Span {
		const start = this.next();
		return { start, end: this.next() };
	}

	string(): string {
		const start = this.next();
		return this.strings.slice(start, this.next());
	}

	optional(): string | null {
		const start = this.next();
		const end = this.next();
		return start === NONE ? null : this.strings.slice(start, end);
	}

	row(): TableRow {
		const span = this.span();
		const prefix = this.span();
		const flags = this.next();
		const cells = Array.from({ length: this.next() }, () => ({ span: this.span(), text: this.string(), segment: this.span() }));
		return { span, prefix, cells, leading_pipe: (flags & 1) !== 0, trailing_pipe: (flags & 2) !== 0 };
	}
}

/** An outline read lazily from its packed form; each part is built once, on first use. */
export class Outline implements NoteOutline {
	private readonly numbers: Uint32Array;
	private readonly strings: Uint8Array;
	private parts: { sections?: OutlineSection[]; tables?: OutlineTable[]; tasks?: OutlineTask[]; links?: OutlineLink[] } = {};

	constructor(packed: PackedOutline) {
		this.numbers = packed.numbers;
		this.strings = packed.strings;
		if (this.numbers[0] !== VERSION) {
			throw new Error(`The packed outline has layout ${String(this.numbers[0])}, not ${String(VERSION)}.`);
		}
	}

	/** How many sections, tables, tasks and links there are, without building any. */
	get counts(): { sections: number; tables: number; tasks: number; links: number } {
		const [, sections = 0, tables = 0, tasks = 0, links = 0] = this.numbers;
		return { sections, tables, tasks, links };
	}

	get sections(): OutlineSection[] {
		return (this.parts.sections ??= this.read(0, (r) => ({ path: r.string(), title: r.string(), level: r.next(), heading_span: r.span(), body_span: r.span() })));
	}

	get tables(): OutlineTable[] {
		return (this.parts.tables ??= this.read(1, (r) => {
			const span = r.span();
			const alignments = Array.from({ length: r.next() }, () => ALIGNMENTS[r.next()] ?? "none");
			const header = r.row();
			const delimiter = r.row();
			const rows = Array.from({ length: r.next() }, () => r.row());
			return { span, header, delimiter, rows, alignments };
		}));
	}

	get tasks(): OutlineTask[] {
		return (this.parts.tasks ??= this.read(2, (r) => ({
			line: r.next(),
			span: r.span(),
			status: String.fromCodePoint(r.next()),
			status_span: r.span(),
			text_span: r.span(),
			text: r.string(),
			depth: r.next(),
		})));
	}

	get links(): OutlineLink[] {
		return (this.parts.links ??= this.read(3, (r) => ({
			span: r.span(),
			kind: r.next() === 0 ? "wiki" : "markdown",
			embed: r.next() !== 0,
			target: r.string(),
			subpath: r.optional(),
			alias: r.optional(),
		})));
	}

	/** Every part built: the plain `NoteOutline`. */
	toJSON(): NoteOutline {
		return { sections: this.sections, tables: this.tables, tasks: this.tasks, links: this.links };
	}

	/**
	 * Builds part `index` (0 sections, 1 tables, 2 tasks, 3 links) from where the header says its
	 * numbers and its strings start; a part's strings end where the next part's start.
	 */
	private read<T>(index: number, item: (reader: Reader) => T): T[] {
		const count = this.numbers[1 + index] ?? 0;
		const from = this.numbers[9 + index] ?? 0;
		const to = index < 3 ? (this.numbers[10 + index] ?? 0) : this.strings.length;
		utf8 ??= new TextDecoder("utf-8", { ignoreBOM: true });
		const strings = count === 0 ? "" : utf8.decode(this.strings.subarray(from, to));
		const reader = new Reader(this.numbers, strings, this.numbers[5 + index] ?? 0);
		return Array.from({ length: count }, () => item(reader));
	}
}
