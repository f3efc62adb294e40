/**
 * Code block processors, as reading view runs them.
 *
 * Obsidian calls a plugin's processor for each fenced block of its language with the block's
 * source (the lines between the fences), a fresh `<div>` and a context whose `sourcePath` is the
 * note's path; `ctx.addChild` ties a `MarkdownRenderChild` to the block, unloaded when the note
 * is re-rendered or closed. `renderCodeBlock` does exactly that for a test; `unloadRendered`
 * plays the note closing.
 */

"use strict";

class MarkdownRegistry {
	constructor() {
		this.processors = [];
		this.rendered = [];
	}

	addCodeBlockProcessor(language, handler) {
		const processor = { language, handler };
		this.processors.push(processor);
		return processor;
	}

	removeCodeBlockProcessor(processor) {
		this.processors = this.processors.filter((p) => p !== processor);
	}

	/** Renders one block of `language` from note `sourcePath` (into `parent`, else the body); resolves to its element. */
	async renderCodeBlock(language, source, sourcePath, parent = globalThis.document.body) {
		const processor = this.processors.find((p) => p.language === language);
		if (processor === undefined) {
			throw new Error(`No code block processor for "${language}" is registered.`);
		}
		const el = parent.createDiv({ cls: `block-language-${language}` });
		const children = [];
		const ctx = {
			sourcePath,
			docId: `doc-${this.rendered.length}`,
			frontmatter: undefined,
			addChild(child) {
				children.push(child);
				child.load();
			},
			getSectionInfo() {
				return null;
			},
		};
		await processor.handler(source, el, ctx);
		this.rendered.push({ el, children });
		return el;
	}

	/**
	 * Reading view of a whole note, as Obsidian's post-processing does it: headings and other
	 * lines as text, each fenced block whose language has a processor rendered by it (the rest
	 * as preformatted text). Resolves when every block has been handed to its processor.
	 */
	async renderNote(text, sourcePath, parent) {
		const lines = text.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n");
		for (let i = 0; i < lines.length; i++) {
			const fence = /^(```+|~~~+)\s*([\w-]*)/.exec(lines[i]);
			if (fence === null) {
				const heading = /^(#{1,6})\s+(.*)$/.exec(lines[i]);
				if (heading !== null) {
					parent.createEl(`h${String(heading[1].length)}`, { text: heading[2] });
				} else if (lines[i].trim() !== "") {
					parent.createEl("p", { text: lines[i] });
				}
				continue;
			}
			const body = [];
			let end = i + 1;
			while (end < lines.length && !lines[end].startsWith(fence[1])) {
				body.push(lines[end]);
				end++;
			}
			if (this.processors.some((p) => p.language === fence[2])) {
				await this.renderCodeBlock(fence[2], body.join("\n"), sourcePath, parent);
			} else {
				parent.createEl("pre", { text: body.join("\n") });
			}
			i = end;
		}
	}

	/** Unloads every rendered block's children and removes the blocks, as closing the note does. */
	unloadRendered() {
		for (const { el, children } of this.rendered.splice(0)) {
			for (const child of children) {
				child.unload();
			}
			el.detach();
		}
	}
}

module.exports = { MarkdownRegistry };
