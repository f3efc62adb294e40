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
