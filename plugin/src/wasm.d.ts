/**
 * Lets TypeScript import a `.wasm` file.
 *
 * esbuild's `binary` loader (see `plugin/esbuild.config.mjs`) inlines the module's bytes into
 * `main.js` and hands them over as a `Uint8Array`; Obsidian downloads only `main.js`, so the
 * WebAssembly has to travel inside it.
 */
declare module "*.wasm" {
	const bytes: Uint8Array;
	export default bytes;
}

// The deflated module (scripts/deflate-wasm.mjs) is inlined the same way, but `require`d where
// first needed rather than imported: core/instance.ts declares that call.
