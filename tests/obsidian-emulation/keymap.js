/**
 * `Scope` and `Keymap`: how Obsidian routes key presses to whatever has the keyboard.
 *
 * As in Obsidian, one scope is active at a time (the last one pushed); a key press looks for a
 * handler in the active scope, then in its parents. A handler matches when its key equals the
 * event's `key` (case-insensitively; `null` matches every key) and its modifiers are exactly
 * the ones held (`null` accepts any; `Mod` is `Ctrl` here, as on Linux and Windows). When the
 * handler returns `false`, the event's default action is prevented. A modal pushes its scope
 * while open (see modal.js), which is how Escape closes it.
 *
 * The keymap listens to `keydown` on the document only while some scope is pushed, so apps
 * created by earlier tests leave no listener behind.
 */

"use strict";

const MODIFIERS = ["Alt", "Ctrl", "Meta", "Shift"];

class Scope {
	constructor(parent) {
		this.parent = parent ?? null;
		this.keys = [];
	}

	register(modifiers, key, func) {
		const handler = { scope: this, modifiers, key, func };
		this.keys.push(handler);
		return handler;
	}

	unregister(handler) {
		this.keys = this.keys.filter((other) => other !== handler);
	}

	/** Emulation only: the handler for `evt` in this scope or its parents, or null. */
	find(evt) {
		const handler = this.keys.find((candidate) => matches(candidate, evt));
		if (handler !== undefined) {
			return handler;
		}
		return this.parent === null ? null : this.parent.find(evt);
	}
}

class Keymap {
	constructor() {
		this.scopes = [];
		this.listener = (evt) => this.onKeyDown(evt);
	}

	pushScope(scope) {
		this.scopes = this.scopes.filter((other) => other !== scope);
		this.scopes.push(scope);
		if (this.scopes.length === 1) {
			globalThis.document.addEventListener("keydown", this.listener);
		}
	}

	popScope(scope) {
		const had = this.scopes.length > 0;
		this.scopes = this.scopes.filter((other) => other !== scope);
		if (had && this.scopes.length === 0) {
			globalThis.document.removeEventListener("keydown", this.listener);
		}
	}

	onKeyDown(evt) {
		const scope = this.scopes[this.scopes.length - 1];
		const handler = scope?.find(evt) ?? null;
		if (handler === null) {
			return;
		}
		const context = { modifiers: heldModifiers(evt).join(","), key: evt.key, vkey: evt.key };
		if (handler.func(evt, context) === false) {
			evt.preventDefault();
		}
	}

	static isModifier(evt, modifier) {
		return heldModifiers(evt).includes(modifier === "Mod" ? "Ctrl" : modifier);
	}
}

function heldModifiers(evt) {
	return MODIFIERS.filter((name) => evt[`${name.toLowerCase()}Key`]);
}

function matches(handler, evt) {
	if (handler.key !== null && handler.key.toLowerCase() !== String(evt.key).toLowerCase()) {
		return false;
	}
	if (handler.modifiers === null) {
		return true;
	}
	const wanted = handler.modifiers.map((m) => (m === "Mod" ? "Ctrl" : m)).sort();
	return wanted.join(",") === heldModifiers(evt).join(",");
}

module.exports = { Keymap, Scope };
