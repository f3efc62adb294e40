/**
 * ESLint for the whole repository, built on eslint-plugin-obsidianmd's `recommended` config —
 * the checks Obsidian's plugin review runs (sentence case, no global `app`, no `innerHTML`,
 * settings-tab rules, manifest validation) plus ESLint's and typescript-eslint's recommended
 * rules.
 *
 * On top of it:
 * - `plugin/src` (what ships in `main.js`) is linted with full type information and
 *   typescript-eslint's strict and stylistic type-checked rules.
 * - Build scripts and tests run in Node, not in Obsidian: they get Node's globals, and the
 *   rules about what a plugin may do at run time (no Node modules, no bare `console.log`) are
 *   off for them.
 */

import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Files that run under Node: tooling, not plugin code. */
const NODE_FILES = ["scripts/**/*.{js,mjs,cjs}", "tests/**/*.{js,mjs,cjs}", "plugin/esbuild.config.mjs", "eslint.config.mjs"];

/**
 * Node's globals in place of the browser's that the recommended config declares: in Node,
 * names such as `Plugin` or `Window` are free for a module's own bindings.
 */
const NODE_GLOBALS = {
	...Object.fromEntries(Object.keys(globals.browser).map((name) => [name, "off"])),
	...globals.node,
};

export default defineConfig([
	globalIgnores(["dist/", "build/", "node_modules/", "target/", "demo-vault/", "tests/**/fixtures/"]),

	...obsidianmd.configs.recommended,

	{
		name: "career-coach/plugin-source",
		files: ["plugin/src/**/*.ts"],
		extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
		rules: {
			// Declarative settings (getSettingDefinitions) need Obsidian 1.13; we support 1.5.7.
			"obsidianmd/settings-tab/prefer-setting-definitions": "off",
			"@typescript-eslint/explicit-module-boundary-types": "error",
			"@typescript-eslint/consistent-type-imports": "error",
		},
	},

	{
		name: "career-coach/node-tooling",
		files: NODE_FILES,
		languageOptions: {
			sourceType: "module",
			globals: NODE_GLOBALS,
		},
		rules: {
			// Rules about what a plugin may do inside Obsidian; tooling and the emulation are not plugins.
			"obsidianmd/no-nodejs-modules": "off",
			"obsidianmd/no-static-styles-assignment": "off",
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/no-global-this": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"import/no-extraneous-dependencies": ["error", { devDependencies: true }],
			"no-restricted-globals": "off",
		},
	},

	{
		name: "career-coach/commonjs-tooling",
		files: ["tests/**/*.{js,cjs}"],
		languageOptions: { sourceType: "commonjs" },
		rules: {
			"@typescript-eslint/no-require-imports": "off",
			// Node wraps each CommonJS file in a function: top-level declarations are module-local.
			"no-implicit-globals": "off",
		},
	},
]);
