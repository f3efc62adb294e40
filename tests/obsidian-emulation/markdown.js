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

	/** Renders one block of `language` from note `sourcePath`; resolves to its element. */
	async renderCodeBlock(language, source, sourcePath) {
		const processor = this.processors.find((p) => p.language === language);
		if (processor === undefined) {
			throw new Error(`No code block processor for "${language}" is registered.`);
		}
		const el = globalThis.document.body.createDiv({ cls: `block-language-${language}` });
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
