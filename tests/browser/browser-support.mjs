/**
 * The browser tests' setup: the test page bundled, served from localhost, and opened in a
 * real headless Chromium (Debian's `chromium`, driven by `playwright-core`; no browser is
 * downloaded).
 *
 * - `buildPage()` bundles `page-entry.cjs` (the Obsidian emulation from
 *   `tests/obsidian-emulation/`, with `node:fs`, `node:path` and `happy-dom` replaced by the
 *   in-memory shims in `shims/`) into `build/browser/page.js`.
 * - `serve()` starts a static server on 127.0.0.1 at a random port: the page, the base CSS, the
 *   plugin's `dist/styles.css`, and `dist/main.js` wrapped in a function so the page can give it
 *   `require("obsidian")` without eval.
 * - `launchChromium()` starts `/usr/bin/chromium` with a fresh profile. When Chromium is
 *   missing it tries to install it the way `scripts/setup.sh` does (apt-get, as root); only
 *   when that fails does it return a reason to skip, which the test prints.
 *
 * Not a test itself (the runner only picks up `*.test.mjs`).
 */

/* global document, window, getComputedStyle, requestAnimationFrame -- used in functions that page.evaluate runs in the browser */

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, "../..");
export const ARTIFACTS = join(ROOT, "test-artifacts");
const PAGE_BUNDLE = join(ROOT, "build/browser/page.js");
const CHROMIUM = "/usr/bin/chromium";

/** The flags every launch uses: headless, no sandbox (root in CI), nothing phoning home. */
export const CHROMIUM_ARGS = [
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
];

/** A `globalThis` for dom.js that ignores writes the browser refuses (see buildPage). */
const BROWSER_GLOBAL = `const browserGlobal = new Proxy({}, {
	get: (_, key) => globalThis[key],
	set: (_, key, value) => {
		try {
			globalThis[key] = value;
		} catch {
			// A read-only property of the page's window: it already is what dom.js wants.
		}
		return true;
	},
});`;

/** Bundles the test page's script (the emulation, browser build) into build/browser/page.js. */
export async function buildPage() {
	await mkdir(dirname(PAGE_BUNDLE), { recursive: true });
	const shims = join(HERE, "shims");
	await esbuild.build({
		entryPoints: [join(HERE, "page-entry.cjs")],
		outfile: PAGE_BUNDLE,
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2021",
		logLevel: "error",
		alias: {
			"node:fs": join(shims, "fs.cjs"),
			"node:path": join(shims, "path.cjs"),
			"happy-dom": join(shims, "happy-dom.cjs"),
		},
		plugins: [
			{
				// dom.js exposes happy-dom's window as globals (`globalThis.document = …`). In a
				// browser those globals are the page's own and some are read-only, so dom.js gets
				// a `globalThis` whose writes to read-only properties are ignored (they already
				// hold the right values).
				name: "browser-dom",
				setup(build) {
					build.onLoad({ filter: /obsidian-emulation[\\/]dom\.js$/ }, (args) => ({
						contents: `${BROWSER_GLOBAL}\n${readFileSync(args.path, "utf8").replace(/\bglobalThis\b/g, "browserGlobal")}`,
						loader: "js",
					}));
				},
			},
		],
	});
}

/** The files the static server serves, by URL path. */
function routes() {
	const main = readFileSync(join(ROOT, "dist/main.js"), "utf8");
	const manifest = readFileSync(join(ROOT, "dist/manifest.json"), "utf8");
	return {
		"/page.html": ["text/html", () => readFileSync(join(HERE, "page.html"))],
		"/page.js": ["text/javascript", () => readFileSync(PAGE_BUNDLE)],
		"/obsidian-base.css": ["text/css", () => readFileSync(join(HERE, "obsidian-base.css"))],
		"/styles.css": ["text/css", () => readFileSync(join(ROOT, "dist/styles.css"))],
		"/plugin.js": [
			"text/javascript",
			() => `globalThis.careerCoachManifest = ${manifest};\nglobalThis.careerCoachMain = function (module, exports, require) {\n${main}\n};\n`,
		],
	};
}

/** Serves the test page on 127.0.0.1 at a random free port: `{ url, close() }`. */
export async function serve() {
	const files = routes();
	const server = createServer((request, response) => {
		const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
		const route = files[path];
		if (path === "/favicon.ico") {
			response.writeHead(204);
			response.end();
			return;
		}
		if (route === undefined) {
			response.writeHead(404, { "content-type": "text/plain" });
			response.end(`Not found: ${path}`);
			return;
		}
		response.writeHead(200, { "content-type": `${route[0]}; charset=utf-8`, "cache-control": "no-store" });
		response.end(route[1]());
	});
	await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/page.html`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(resolve);
			}),
	};
}

/**
 * Makes sure Debian's Chromium is installed: `{ ok: true }`, or `{ ok: false, reason }` when it
 * is missing and could not be installed (not root, no apt-get, or apt-get failed).
 */
export function ensureChromium() {
	if (existsSync(CHROMIUM)) {
		return { ok: true };
	}
	if (typeof process.getuid !== "function" || process.getuid() !== 0) {
		return { ok: false, reason: `${CHROMIUM} is missing and installing it needs root: run scripts/setup.sh as root.` };
	}
	const run = (args) => spawnSync("apt-get", args, { encoding: "utf8", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" }, timeout: 15 * 60 * 1000 });
	const update = run(["update"]);
	const install = update.status === 0 ? run(["install", "-y", "--no-install-recommends", "chromium"]) : update;
	if (existsSync(CHROMIUM)) {
		return { ok: true };
	}
	const detail = (install.error?.message ?? install.stderr ?? "").trim().split("\n").slice(-3).join(" ");
	return { ok: false, reason: `${CHROMIUM} is missing and apt-get could not install it (${detail || `exit ${install.status}`}).` };
}

/**
 * Launches headless Chromium with a fresh profile in a temporary folder. Resolves with
 * `{ context, page, close() }`; `close()` also removes the profile.
 */
export async function launchChromium({ width = 1280, height = 800 } = {}) {
	const { chromium } = await import("playwright-core");
	const profile = mkdtempSync(join(tmpdir(), "career-coach-chromium-"));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		viewport: { width, height },
		deviceScaleFactor: 1,
		timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		context,
		page,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/**
 * Layout problems of the modal matching `modalSelector` at the page's current width: sideways
 * scrolling, content sticking out of the modal, and clipped buttons (`buttonSelector`).
 */
export async function layoutProblems(page, modalSelector, buttonSelector = "button") {
	return page.evaluate(([modalSelector, buttonSelector]) => {
		const problems = [];
		const root = document.scrollingElement;
		if (root.scrollWidth > window.innerWidth) {
			problems.push(`the page scrolls sideways (${root.scrollWidth} > ${window.innerWidth})`);
		}
		const modal = document.querySelector(modalSelector);
		const box = modal.getBoundingClientRect();
		if (box.left < 0 || box.right > window.innerWidth + 0.5) {
			problems.push(`the modal is ${Math.round(box.width)}px wide at ${Math.round(box.left)}`);
		}
		for (const el of modal.querySelectorAll(".modal-content *")) {
			const rect = el.getBoundingClientRect();
			if (rect.width > 0 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5)) {
				problems.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} sticks out of the modal`);
			}
			if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible" && !["TEXTAREA", "INPUT"].includes(el.tagName)) {
				problems.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")} scrolls sideways`);
			}
		}
		for (const button of modal.querySelectorAll(buttonSelector)) {
			if (button.scrollWidth > button.clientWidth + 1) {
				problems.push(`the button "${button.textContent}" is clipped`);
			}
		}
		return problems;
	}, [modalSelector, buttonSelector]);
}

/** The two widths every modal is checked and photographed at. */
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * At 1280 and 390 px: asserts the modal matching `modalSelector` has no layout problems and
 * saves `test-artifacts/<file>-<width>.png`; back at desktop width after.
 */
export async function captureBothWidths(page, { modalSelector, buttonSelector = "button", file, fullPage = false }) {
	for (const [label, size] of [["1280", DESKTOP], ["390", PHONE]]) {
		await page.setViewportSize(size);
		await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
		assert.deepEqual(await layoutProblems(page, modalSelector, buttonSelector), [], `${file} at ${label}px`);
		await page.screenshot({ path: join(ARTIFACTS, `${file}-${label}.png`), fullPage });
	}
	await page.setViewportSize(DESKTOP);
}

/**
 * Starts what one browser test needs: the built page, its server and headless Chromium, all
 * closed after the test (`t`), and a list collecting the page's errors and console errors,
 * which every test asserts is empty at its end.
 */
export async function startBrowserTest(t) {
	mkdirSync(ARTIFACTS, { recursive: true });
	await buildPage();
	const server = await serve();
	t.after(() => server.close());
	const browser = await launchChromium(DESKTOP);
	t.after(() => browser.close());
	const errors = [];
	browser.page.on("pageerror", (error) => errors.push(error.message));
	browser.page.on("console", (message) => {
		if (message.type() === "error") {
			errors.push(message.text());
		}
	});
	return { page: browser.page, url: server.url, errors };
}
