/**
 * A real DOM for the plugin under test, with Obsidian's element helpers added.
 *
 * Obsidian runs plugins in Electron, where `document` is real and `Node`/`Element` carry
 * helpers such as `createEl`, `createDiv`, `empty` and `setText`. Plugin code uses those
 * helpers instead of HTML strings, so the emulation must provide them on a DOM that really
 * builds elements: happy-dom supplies the DOM, this file supplies the helpers, following the
 * signatures in `obsidian.d.ts` (`DomElementInfo`: cls, text, attr, title, parent, value,
 * type, placeholder, href, prepend).
 *
 * `installDom()` is idempotent: the first call creates one window and exposes it (and its
 * DOM classes) as globals, later calls return the same window.
 */

"use strict";

const { Window } = require("happy-dom");

/** Globals copied from the happy-dom window, the ones plugin code and our helpers use. */
const DOM_GLOBALS = [
	"document",
	"Node",
	"Element",
	"HTMLElement",
	"HTMLInputElement",
	"HTMLTextAreaElement",
	"HTMLSelectElement",
	"HTMLButtonElement",
	"HTMLDivElement",
	"SVGElement",
	"DocumentFragment",
	"Text",
	"Event",
	"InputEvent",
	"KeyboardEvent",
	"MouseEvent",
	"FocusEvent",
	"CustomEvent",
	"EventTarget",
	"MutationObserver",
	"getComputedStyle",
	"requestAnimationFrame",
	"cancelAnimationFrame",
];

let installedWindow = null;

const SVG_NS = "http://www.w3.org/2000/svg";

/** Creates the shared window once, exposes it as globals and adds Obsidian's helpers. */
function installDom() {
	if (installedWindow !== null) {
		return installedWindow;
	}
	const window = new Window({ url: "app://obsidian.md/index.html" });
	globalThis.window = window;
	for (const name of DOM_GLOBALS) {
		const value = window[name];
		if (value !== undefined) {
			globalThis[name] = typeof value === "function" && !/^[A-Z]/.test(name) ? value.bind(window) : value;
		}
	}
	globalThis.activeWindow = window;
	globalThis.activeDocument = window.document;
	addElementHelpers(window);
	installedWindow = window;
	return window;
}

/** Applies a `DomElementInfo` (or a class string) to a freshly created element. */
function applyInfo(el, info) {
	if (info === undefined || info === null) {
		return;
	}
	if (typeof info === "string") {
		el.addClass(...info.split(" ").filter(Boolean));
		return;
	}
	if (info.cls !== undefined) {
		const classes = Array.isArray(info.cls) ? info.cls : info.cls.split(" ");
		el.addClass(...classes.filter(Boolean));
	}
	if (info.text !== undefined) {
		el.setText(info.text);
	}
	if (info.attr !== undefined) {
		el.setAttrs(info.attr);
	}
	if (info.title !== undefined) {
		el.setAttribute("title", info.title);
	}
	for (const key of ["value", "type", "placeholder", "href"]) {
		if (info[key] !== undefined) {
			el.setAttribute(key, info[key]);
			if (key === "value") {
				el.value = info[key];
			}
		}
	}
	if (info.parent !== undefined) {
		if (info.prepend) {
			info.parent.prepend(el);
		} else {
			info.parent.appendChild(el);
		}
	}
}

/** Creates an element in `doc`, applies `info`, runs `callback`, returns the element. */
function makeElement(doc, tag, info, callback, namespace) {
	const el = namespace === undefined ? doc.createElement(tag) : doc.createElementNS(namespace, tag);
	applyInfo(el, info);
	if (typeof callback === "function") {
		callback(el);
	}
	return el;
}

function addElementHelpers(window) {
	const { Node, Element, DocumentFragment } = window;
	const doc = window.document;

	/** Helpers Obsidian puts on `Node`: creating children and emptying. */
	const nodeHelpers = {
		createEl(tag, info, callback) {
			// Obsidian appends to `this` unless `info.parent` says where the element goes.
			const options = typeof info === "string" ? { cls: info } : { ...(info ?? {}) };
			if (options.parent === undefined) {
				options.parent = this;
			}
			return makeElement(this.ownerDocument ?? doc, tag, options, callback);
		},
		createDiv(info, callback) {
			return this.createEl("div", info, callback);
		},
		createSpan(info, callback) {
			return this.createEl("span", info, callback);
		},
		/** An SVG element (Obsidian's `createSvg`): in the SVG namespace, appended to `this`. */
		createSvg(tag, info, callback) {
			const options = typeof info === "string" ? { cls: info } : { ...(info ?? {}) };
			if (options.parent === undefined) {
				options.parent = this;
			}
			return makeElement(this.ownerDocument ?? doc, tag, options, callback, SVG_NS);
		},
		empty() {
			while (this.firstChild) {
				this.removeChild(this.firstChild);
			}
		},
		detach() {
			this.parentNode?.removeChild(this);
		},
		instanceOf(type) {
			return this instanceof type;
		},
		appendText(text) {
			this.appendChild((this.ownerDocument ?? doc).createTextNode(text));
		},
	};

	/** Helpers Obsidian puts on `Element`: classes, text and attributes. */
	const elementHelpers = {
		setText(value) {
			this.empty();
			if (typeof value === "string") {
				this.textContent = value;
			} else {
				this.appendChild(value);
			}
		},
		getText() {
			return this.textContent ?? "";
		},
		addClass(...classes) {
			this.classList.add(...classes.flatMap((c) => c.split(" ")).filter(Boolean));
		},
		addClasses(classes) {
			this.addClass(...classes);
		},
		removeClass(...classes) {
			this.classList.remove(...classes.flatMap((c) => c.split(" ")).filter(Boolean));
		},
		removeClasses(classes) {
			this.removeClass(...classes);
		},
		toggleClass(classes, value) {
			for (const cls of Array.isArray(classes) ? classes : [classes]) {
				this.classList.toggle(cls, value);
			}
		},
		hasClass(cls) {
			return this.classList.contains(cls);
		},
		setAttr(name, value) {
			if (value === null || value === undefined || value === false) {
				this.removeAttribute(name);
			} else {
				this.setAttribute(name, String(value));
			}
		},
		setAttrs(attrs) {
			for (const [name, value] of Object.entries(attrs)) {
				this.setAttr(name, value);
			}
		},
		getAttr(name) {
			return this.getAttribute(name);
		},
		show() {
			this.style.display = "";
		},
		hide() {
			this.style.display = "none";
		},
		isShown() {
			return this.style.display !== "none";
		},
		toggle(show) {
			if (show) {
				this.show();
			} else {
				this.hide();
			}
		},
	};

	defineAll(Node.prototype, nodeHelpers);
	defineAll(Element.prototype, elementHelpers);
	defineAll(DocumentFragment.prototype, { setText: elementHelpers.setText });

	const globalHelpers = {
		createEl: (tag, info, callback) => makeElement(doc, tag, info, callback),
		createDiv: (info, callback) => makeElement(doc, "div", info, callback),
		createSpan: (info, callback) => makeElement(doc, "span", info, callback),
		createSvg: (tag, info, callback) => makeElement(doc, tag, info, callback, SVG_NS),
		createFragment: (callback) => {
			const fragment = doc.createDocumentFragment();
			if (typeof callback === "function") {
				callback(fragment);
			}
			return fragment;
		},
	};
	for (const [name, fn] of Object.entries(globalHelpers)) {
		globalThis[name] = fn;
		window[name] = fn;
	}
}

/** Defines non-enumerable methods, as Obsidian does, so they do not show up in `for...in`. */
function defineAll(target, methods) {
	for (const [name, fn] of Object.entries(methods)) {
		Object.defineProperty(target, name, { value: fn, writable: true, configurable: true, enumerable: false });
	}
}

module.exports = { installDom };
