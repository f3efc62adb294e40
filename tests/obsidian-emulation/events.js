/**
 * Obsidian's `Events` mixin: `on`, `off`, `offref`, `trigger`, with `EventRef` objects that
 * `Component.registerEvent` can detach later.
 *
 * The emulation fires the same events Obsidian does for the operations it implements, so a
 * plugin's listeners run in tests and a listener that is never unregistered stays visible
 * (see `listenerCount`).
 */

"use strict";

class Events {
	constructor() {
		this._handlers = new Map();
	}

	/** Subscribes to `name`; returns the `EventRef` to unsubscribe with. */
	on(name, callback, ctx) {
		const ref = { e: this, name, fn: callback, ctx };
		const list = this._handlers.get(name) ?? [];
		list.push(ref);
		this._handlers.set(name, list);
		return ref;
	}

	/** Unsubscribes a callback from `name`. */
	off(name, callback) {
		const list = this._handlers.get(name) ?? [];
		this._handlers.set(
			name,
			list.filter((ref) => ref.fn !== callback),
		);
	}

	/** Unsubscribes one `EventRef`. */
	offref(ref) {
		const list = this._handlers.get(ref.name) ?? [];
		this._handlers.set(
			ref.name,
			list.filter((other) => other !== ref),
		);
	}

	/** Calls every listener of `name` with `args`; a listener that throws is logged, as in Obsidian. */
	trigger(name, ...args) {
		for (const ref of [...(this._handlers.get(name) ?? [])]) {
			this.tryTrigger(ref, args);
		}
	}

	tryTrigger(ref, args) {
		try {
			ref.fn.apply(ref.ctx, args);
		} catch (error) {
			console.error(error);
		}
	}

	/** Emulation only: how many listeners `name` has (all events when omitted). */
	listenerCount(name) {
		if (name !== undefined) {
			return (this._handlers.get(name) ?? []).length;
		}
		let total = 0;
		for (const list of this._handlers.values()) {
			total += list.length;
		}
		return total;
	}
}

module.exports = { Events };
