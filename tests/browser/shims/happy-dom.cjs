/**
 * Browser stand-in for happy-dom, for the browser build of the Obsidian emulation.
 *
 * In Node, `dom.js` creates a happy-dom `Window`; in the browser the page's own window is the
 * DOM, so "creating a window" returns it, and `dom.js` adds Obsidian's element helpers
 * (`createEl`, `setText`…) to the real `Node`/`Element` prototypes.
 */

"use strict";

class Window {
	constructor() {
		return globalThis;
	}
}

module.exports = { Window };
