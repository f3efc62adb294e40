/**
 * The review calendar, read by a real iCalendar parser (ical.js, Mozilla's, as Thunderbird
 * uses): the file must parse, every event must recur as the due rules say, and a phone must
 * be reminded. The calendar comes from the built WebAssembly core, as the plugin writes it.
 */

import assert from "node:assert/strict";
import { test } from "node:test";
import ICAL from "ical.js";
import { loadCore } from "./load-core.mjs";

const core = await loadCore();

function calendar(today, settings = {}) {
	const made = core.reviewCalendar({ today, settings });
	assert.equal(made.ok, true, JSON.stringify(made));
	return made.value;
}

/** The first `count` occurrences (YYYY-MM-DD) of a parsed event. */
function occurrences(event, count) {
	const iterator = event.iterator();
	const out = [];
	for (let next = iterator.next(); next !== null && out.length < count; next = iterator.next()) {
		out.push(next.toString().slice(0, 10));
	}
	return out;
}

function events(text) {
	const component = new ICAL.Component(ICAL.parse(text));
	assert.equal(component.name, "vcalendar");
	assert.equal(component.getFirstPropertyValue("version"), "2.0");
	assert.ok(component.getFirstPropertyValue("prodid"), "a PRODID is required");
	return component.getAllSubcomponents("vevent").map((vevent) => ({ vevent, event: new ICAL.Event(vevent) }));
}

function bySummary(parsed, word) {
	const found = parsed.find(({ event }) => event.summary.toLowerCase().includes(word));
	assert.ok(found, `an event for the ${word} review`);
	return found;
}

test("the calendar parses and has one recurring all-day event per review, with a reminder", () => {
	const text = calendar("2026-11-21");
	assert.match(text, /^BEGIN:VCALENDAR\r\n/);
	assert.ok(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75), "lines are folded at 75 octets");
	const parsed = events(text);
	assert.equal(parsed.length, 4);
	const uids = new Set();
	for (const { vevent, event } of parsed) {
		assert.ok(event.isRecurring(), `${event.summary} recurs`);
		assert.ok(event.startDate.isDate, `${event.summary} is an all-day event`);
		assert.ok(event.uid, "every event has a UID");
		uids.add(event.uid);
		assert.ok(vevent.getFirstPropertyValue("dtstamp"), "DTSTAMP is required");
		const alarm = vevent.getFirstSubcomponent("valarm");
		assert.ok(alarm, `${event.summary} reminds`);
		assert.equal(alarm.getFirstPropertyValue("action"), "DISPLAY");
		assert.match(event.description, /career review|Career Coach/);
	}
	assert.equal(uids.size, 4, "UIDs are distinct");
});

test("weekly reviews fall on Fridays, and the other reviews at the end of their period", () => {
	const parsed = events(calendar("2026-11-21"));
	const weekly = occurrences(bySummary(parsed, "weekly").event, 3);
	for (const day of weekly) {
		assert.equal(new Date(`${day}T12:00:00Z`).getUTCDay(), 5, `${day} is a Friday`);
	}
	const monthly = occurrences(bySummary(parsed, "monthly").event, 3);
	for (const day of monthly) {
		const next = new Date(`${day}T12:00:00Z`);
		next.setUTCDate(next.getUTCDate() + 3);
		assert.notEqual(next.getUTCMonth(), new Date(`${day}T12:00:00Z`).getUTCMonth(), `${day} is in its month's last days`);
	}
	const quarterly = occurrences(bySummary(parsed, "quarterly").event, 4);
	assert.deepEqual(
		quarterly.map((d) => d.slice(5, 7)),
		[...quarterly.map((d) => d.slice(5, 7))].filter((m) => ["03", "06", "09", "12"].includes(m)),
		"calendar quarters end in March, June, September and December",
	);
	const annual = occurrences(bySummary(parsed, "annual").event, 2);
	assert.ok(annual.every((d) => d.slice(5, 7) === "12"), "the annual review is in December");
});

test("with a planning year starting in April, quarterly and annual reviews move with it", () => {
	const parsed = events(calendar("2026-11-21", { fiscalYearStartMonth: 4 }));
	const quarterly = occurrences(bySummary(parsed, "quarterly").event, 4).map((d) => d.slice(5, 7));
	assert.deepEqual([...quarterly].sort(), ["03", "06", "09", "12"].sort(), "fiscal quarters starting in April end in Jun, Sep, Dec, Mar");
	const annual = occurrences(bySummary(parsed, "annual").event, 2);
	assert.ok(annual.every((d) => d.slice(5, 7) === "03"), `the annual review is in March: ${annual.join(", ")}`);
});

test("a bad setting is an error with a code, not a broken file", () => {
	const made = core.reviewCalendar({ today: "2026-11-21", settings: { fiscalYearStartMonth: 13 } });
	assert.equal(made.ok, false);
	assert.equal(made.error.code, "invalid_settings");
});

test("each reminder fires on the first day `due` lists its review (issue 15)", () => {
	const parsed = events(calendar("2026-11-21"));
	assert.deepEqual(occurrences(bySummary(parsed, "monthly").event, 3), ["2026-11-28", "2026-12-29", "2027-01-29"]);
	assert.deepEqual(occurrences(bySummary(parsed, "quarterly").event, 3), ["2026-12-25", "2027-03-25", "2027-06-24"]);
	assert.deepEqual(occurrences(bySummary(parsed, "annual").event, 2), ["2026-12-15", "2027-12-15"]);
	// The person started on 2026-11-01 (the goals note's created date): on each reminder's
	// day its review is due, and the day before it is not.
	const notes = [["Career/2026 Goals.md", "---\ntype: goals\nyear: 2026\ncreated: 2026-11-01\n---\n# 2026 Goals\n"]];
	const kinds = (today) => {
		const found = core.dueReviews({ today, notes });
		assert.equal(found.ok, true, JSON.stringify(found));
		return found.value.due.map((d) => d.kind);
	};
	for (const [kind, day, before] of [["month", "2026-11-28", "2026-11-27"], ["year", "2026-12-15", "2026-12-14"]]) {
		assert.ok(kinds(day).includes(kind), `${kind} due on ${day}`);
		assert.ok(!kinds(before).includes(kind), `${kind} not yet due on ${before}`);
	}
});

test("UIDs are unique per vault and stable across exports (issue 15)", () => {
	const uids = (vault, today) => events(unwrapCalendar(today, vault)).map(({ event }) => event.uid);
	const mine = uids("My vault", "2026-11-21");
	assert.deepEqual(uids("My vault", "2027-02-01"), mine, "stable");
	const theirs = uids("Work", "2026-11-21");
	assert.ok(mine.every((uid) => !theirs.includes(uid)), "another vault's calendar has its own UIDs");
});

function unwrapCalendar(today, vault) {
	const made = core.reviewCalendar({ today, vault });
	assert.equal(made.ok, true, JSON.stringify(made));
	return made.value;
}
