/**
 * The `career-chart` code block: one of the core's six charts, drawn live in a note.
 *
 * ```career-chart
 * kind: progress
 * goals: G1, G2
 * year: 2026
 * ```
 *
 * `career-progress` is the progress chart's own name (the block goals notes had before the
 * charts): the same options without `kind:`. A progress chart with no `year:` in a goals note
 * shows that note.
 *
 * The block reads the career folder's notes (the Career Index, goals notes, reviews) and the note
 * it is in, asks the core for the scene and draws it (`chart-draw.ts`). It re-renders when one
 * of those notes changes, is created, deleted or renamed; it never writes; its listeners go with
 * it when Obsidian unloads the block. Missing data and a mistyped block show a friendly message,
 * never an exception.
 */

import { MarkdownRenderChild, TFile } from "obsidian";
import type { TAbstractFile } from "obsidian";
import { chartScene } from "../core/wasm";
import { chartPlaceholder, drawChart } from "./chart-draw";
import type { CareerCoachHost } from "./host";
import { careerNotes, careerPlace } from "./session-logs";
import { coreSettings } from "./index-location";
import { currentText } from "./write-plan";

/** The code block language of charts. */
export const CHART_BLOCK = "career-chart";

/** The progress chart's own block language (`career-chart` with `kind: progress`). */
export const PROGRESS_BLOCK = "career-progress";

/** Layout widths the core accepts; the block lays out for its own width within them. */
const MIN_WIDTH = 300;
const MAX_WIDTH = 1200;

/** Registers the `career-chart` and `career-progress` blocks. */
export function registerChartBlock(plugin: CareerCoachHost): void {
	plugin.registerMarkdownCodeBlockProcessor(CHART_BLOCK, (source, el, ctx) => {
		ctx.addChild(new ChartBlock(plugin, el, source, ctx.sourcePath));
	});
	plugin.registerMarkdownCodeBlockProcessor(PROGRESS_BLOCK, (source, el, ctx) => {
		ctx.addChild(new ChartBlock(plugin, el, `kind: progress\n${source}`, ctx.sourcePath));
	});
}

/** One rendered block; re-rendered when its source notes change. */
export class ChartBlock extends MarkdownRenderChild {
	private readonly plugin: CareerCoachHost;
	private readonly source: string;
	/** The note the block is in. */
	private readonly sourcePath: string;
	private rendering: Promise<void> | null = null;
	private again = false;

	constructor(plugin: CareerCoachHost, containerEl: HTMLElement, source: string, sourcePath: string) {
		super(containerEl);
		this.plugin = plugin;
		this.source = source;
		this.sourcePath = sourcePath;
	}

	override onload(): void {
		this.containerEl.addClass("career-chart-block");
		void this.render();
		const vault = this.plugin.app.vault;
		const changed = (file: TAbstractFile): void => {
			if (this.watches(file.path)) {
				void this.render();
			}
		};
		this.registerEvent(vault.on("modify", changed));
		this.registerEvent(vault.on("create", changed));
		this.registerEvent(vault.on("delete", changed));
		this.registerEvent(vault.on("rename", (file, old) => {
			if (this.watches(file.path) || this.watches(old)) {
				void this.render();
			}
		}));
	}

	/** Resolves when the newest render has finished (tests wait on it). */
	async settled(): Promise<void> {
		while (this.rendering !== null) {
			await this.rendering;
		}
	}

	/** Whether a change arrived during the last draw. */
	private asked(): boolean {
		return this.again;
	}

	private watches(path: string): boolean {
		if (path === this.sourcePath) {
			return true;
		}
		try {
			const { folder } = careerPlace(this.plugin);
			return folder === "" ? !path.includes("/") : path.startsWith(`${folder}/`);
		} catch {
			return false;
		}
	}

	/** Renders now, or once more after the render under way (never two at once). */
	private render(): Promise<void> {
		if (this.rendering !== null) {
			this.again = true;
			return this.rendering;
		}
		this.rendering = (async () => {
			do {
				this.again = false;
				await this.draw();
			} while (this.asked());
			this.rendering = null;
		})();
		return this.rendering;
	}

	private async draw(): Promise<void> {
		const el = this.containerEl;
		try {
			const { today, folder } = careerPlace(this.plugin);
			const notes = await careerNotes(this.plugin.app, folder);
			const here = this.plugin.app.vault.getAbstractFileByPath(this.sourcePath);
			if (here instanceof TFile && !notes.some(([path]) => path === this.sourcePath)) {
				notes.push([here.path, await currentText(this.plugin.app, here)]);
			}
			const measured = el.clientWidth > 0 ? el.clientWidth : 640;
			const width = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.floor(measured)));
			const scene = chartScene({ source: this.source, today, settings: coreSettings(this.plugin), notes, width, sourcePath: this.sourcePath });
			if (!scene.ok) {
				el.empty();
				chartPlaceholder(el.createDiv({ cls: "career-chart" }), `This chart cannot be drawn: ${scene.error.message}`);
				return;
			}
			drawChart(el, scene.value);
		} catch (thrown) {
			el.empty();
			chartPlaceholder(el.createDiv({ cls: "career-chart" }), `This chart cannot be drawn: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
		}
	}
}
