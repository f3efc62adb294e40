/**
 * Goal progress as DOM: a table per level (goals, quarters, months), each row with a bar, the
 * count behind it and the current quarter and month marked, for the "Show goal progress"
 * modal (the `career-progress` block draws the progress chart instead); built with `createEl`
 * only.
 */

import type { GoalProgressView, ProgressCount } from "../core/wasm";

/** Renders `view` into `parent`. */
export function renderProgress(parent: HTMLElement, view: GoalProgressView): void {
	const { progress } = view;
	const goals = parent.createDiv({ cls: "career-coach-progress-goals" });
	goals.createEl("h4", { text: "Annual goals" });
	if (progress.goals.length === 0) {
		goals.createEl("p", { cls: "career-coach-hint", text: "No goals yet: add them to the table of annual goals." });
	} else {
		const table = head(goals, ["Goal", "Status", "Done", "Progress"]);
		for (const goal of progress.goals) {
			const row = table.createEl("tr", { cls: "career-coach-progress-row" });
			row.createEl("td", { text: goal.outcome === "" ? goal.id : `${goal.id} — ${goal.outcome}` });
			row.createEl("td", { text: goal.status });
			countCells(row, goal);
		}
	}
	section(parent, "Quarters", progress.quarters.map((q) => ({ label: q.intention === "" ? q.label : `${q.label} — ${q.intention}`, count: q, current: q.current })));
	section(parent, "Months", progress.months.map((m) => ({ label: m.title, count: m, current: m.current })));
}

/** A heading and a table of labelled counts; nothing when there are no rows. */
function section(parent: HTMLElement, title: string, rows: { label: string; count: ProgressCount; current: boolean }[]): void {
	const shown = rows.filter((r) => r.count.total > 0 || r.current);
	if (shown.length === 0) {
		return;
	}
	const wrap = parent.createDiv({ cls: `career-coach-progress-${title.toLowerCase()}` });
	wrap.createEl("h4", { text: title });
	const table = head(wrap, [title.slice(0, -1), "Done", "Progress"]);
	for (const r of shown) {
		const row = table.createEl("tr", { cls: r.current ? "career-coach-progress-row is-current" : "career-coach-progress-row" });
		row.createEl("td", { text: r.current ? `${r.label} (now)` : r.label });
		countCells(row, r.count);
	}
}

function head(parent: HTMLElement, titles: string[]): HTMLElement {
	const table = parent.createEl("table", { cls: "career-coach-progress-table" });
	const row = table.createEl("thead").createEl("tr");
	for (const title of titles) {
		row.createEl("th", { text: title });
	}
	return table.createEl("tbody");
}

/** "3 / 5" and a bar with the percentage as its label. */
function countCells(row: HTMLElement, count: ProgressCount): void {
	row.createEl("td", { cls: "career-coach-progress-count", text: `${String(count.done)} / ${String(count.total)}` });
	const cell = row.createEl("td", { cls: "career-coach-progress-bar-cell" });
	const bar = cell.createEl("progress", { cls: "career-coach-progress-bar", attr: { max: "100", value: String(count.percent) } });
	bar.setAttribute("aria-label", `${String(count.percent)}%`);
	cell.createSpan({ cls: "career-coach-progress-percent", text: ` ${String(count.percent)}%` });
}
