/**
 * Draws a chart scene from the core as SVG, with `createSvg` only (no markup strings), and its
 * text alternative beside it. Shapes get `career-chart-<role>` classes;
 * `plugin/styles/80-charts.css` colours the roles with Obsidian's CSS variables, so light, dark
 * and community themes apply. The SVG has a `<title>`, a `<desc>` and `role="img"`; the
 * alternative lists every fact drawn, so nothing is said by colour alone.
 */

import type { ChartScene, ChartShape } from "../core/wasm";

let drawn = 0;

/** Draws `scene` into `parent` (emptied first). */
export function drawChart(parent: HTMLElement, scene: ChartScene): void {
	parent.empty();
	const figure = parent.createDiv({ cls: ["career-chart", `career-chart-kind-${scene.kind}`] });
	if (scene.placeholder !== null) {
		chartPlaceholder(figure, scene.placeholder);
		return;
	}
	drawn += 1;
	const id = `career-chart-${scene.kind}-${String(drawn)}`;
	const svg = figure.createSvg("svg", {
		cls: "career-chart-svg",
		attr: {
			viewBox: `0 0 ${String(scene.width)} ${String(scene.height)}`,
			width: String(scene.width),
			role: "img",
			"aria-labelledby": `${id}-title ${id}-desc`,
		},
	});
	svg.createSvg("title", { attr: { id: `${id}-title` } }).setText(scene.title);
	svg.createSvg("desc", { attr: { id: `${id}-desc` } }).setText(scene.desc);
	for (const shape of scene.shapes) {
		drawShape(svg, shape);
	}
	const alt = figure.createEl("details", { cls: "career-chart-alt" });
	alt.createEl("summary", { text: `${scene.title} as text` });
	const list = alt.createEl("ul");
	list.createEl("li", { text: scene.desc });
	for (const line of scene.alt) {
		list.createEl("li", { text: line });
	}
}

/** A friendly message in place of a chart: what to add, or what to fix in the block. */
export function chartPlaceholder(parent: HTMLElement, message: string): void {
	parent.createEl("p", { cls: "career-chart-placeholder", text: message });
}

function drawShape(svg: SVGSVGElement, shape: ChartShape): void {
	const cls = `career-chart-${shape.role}`;
	switch (shape.shape) {
		case "rect":
			tip(svg.createSvg("rect", { cls, attr: { x: shape.x, y: shape.y, width: shape.w, height: shape.h, rx: 2 } }), shape.tip);
			return;
		case "circle":
			tip(svg.createSvg("circle", { cls, attr: { cx: shape.cx, cy: shape.cy, r: shape.r } }), shape.tip);
			return;
		case "line":
			svg.createSvg("line", { cls, attr: { x1: shape.x1, y1: shape.y1, x2: shape.x2, y2: shape.y2 } });
			return;
		case "polyline":
			svg.createSvg("polyline", { cls, attr: { points: shape.points.map(([x, y]) => `${String(x)},${String(y)}`).join(" ") } });
			return;
		case "text":
			svg.createSvg("text", {
				cls,
				attr: { x: shape.x, y: shape.y, "font-size": shape.size, "text-anchor": shape.anchor },
			}).setText(shape.text);
			return;
	}
}

/** Hover text, as an SVG `<title>` child. */
function tip(el: SVGElement, text: string | null): void {
	if (text !== null) {
		el.createSvg("title").setText(text);
	}
}
