/**
 * `FileManager`: frontmatter edits, link generation and trashing, over the emulated vault.
 *
 * `processFrontMatter` runs the callback on a parsed copy of the note's frontmatter and writes
 * the result back in one atomic `vault.process`, keeping the body byte for byte (and the
 * note's line ending). `generateMarkdownLink` follows the vault's link settings: wikilinks by
 * default, the shortest unambiguous link text for `newLinkFormat: "shortest"`.
 */

"use strict";

const { TFile } = require("./files");
const { parseYaml, splitFrontmatter, stringifyYaml } = require("./frontmatter");

class FileManager {
	constructor(app) {
		this.app = app;
	}

	async processFrontMatter(file, fn, options) {
		if (!(file instanceof TFile)) {
			throw new TypeError("processFrontMatter expects a TFile.");
		}
		await this.app.vault.process(
			file,
			(text) => {
				const { yaml, body, eol } = splitFrontmatter(text);
				const frontmatter = yaml === null ? {} : parseYaml(yaml);
				fn(frontmatter);
				const written = stringifyYaml(frontmatter);
				if (written === "" && yaml === null) {
					return text;
				}
				const block = written === "" ? "---\n---\n" : `---\n${written}\n---\n`;
				return block.replace(/\n/g, eol) + body;
			},
			options,
		);
	}

	generateMarkdownLink(file, sourcePath, subpath = "", alias = "") {
		const vault = this.app.vault;
		const linkText = this.linkText(file, sourcePath);
		if (vault.getConfig("useMarkdownLinks")) {
			const target = encodeURI(linkText + (file.extension === "md" && !linkText.endsWith(".md") ? ".md" : ""));
			return `[${alias || file.basename}](${target}${subpath})`;
		}
		return `[[${linkText}${subpath}${alias ? `|${alias}` : ""}]]`;
	}

	async trashFile(file) {
		await this.app.vault.moveToLocalTrash(file);
	}

	/** What goes inside `[[...]]`: the name alone when it is unique, else the full path. */
	linkText(file, sourcePath) {
		const name = file.extension === "md" ? file.basename : file.name;
		const fullPath = file.extension === "md" ? file.path.slice(0, -3) : file.path;
		if (this.app.vault.getConfig("newLinkFormat") !== "shortest") {
			return fullPath;
		}
		const sameName = this.app.vault.getFiles().filter((other) => other.name.toLowerCase() === file.name.toLowerCase());
		return sameName.length > 1 ? fullPath : name;
	}
}

module.exports = { FileManager };
