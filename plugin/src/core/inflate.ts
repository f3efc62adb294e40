/**
 * The warm-up's inflate and compile (`wasm.ts`), in a module of its own so that
 * `scripts/bench-startup.mjs` times these very functions in Node and in Chromium. No
 * `obsidian`, no glue: bytes in, a compiled `WebAssembly.Module` or bytes out.
 */

/** The media type `WebAssembly.compileStreaming` insists on. */
const WASM_TYPE = "application/wasm";

/**
 * Whether `compileInflating` can run here: the platform inflates raw deflate
 * (`DecompressionStream`), and compiles a module from a `Response` built around a stream.
 */
export function canCompileInflating(): boolean {
	return typeof DecompressionStream === "function" && typeof Response === "function" && typeof WebAssembly.compileStreaming === "function";
}

/**
 * Compiles the deflated module while the platform inflates it: the inflater's output is the
 * body of a `Response` (built here; nothing is fetched) that `WebAssembly.compileStreaming`
 * reads, so the engine decodes and validates each part as it comes out instead of after the
 * whole module is inflated. Rejects where any part is unsupported or the bytes are bad.
 */
export function compileInflating(deflated: Uint8Array<ArrayBuffer>): Promise<WebAssembly.Module> {
	const inflater = new DecompressionStream("deflate-raw");
	const writer = inflater.writable.getWriter();
	// Not awaited: the write completes only as the output is read. A bad stream rejects
	// both; the compile's rejection is the one reported.
	writer.write(deflated).then(() => writer.close()).catch(() => undefined);
	return WebAssembly.compileStreaming(new Response(inflater.readable, { headers: { "Content-Type": WASM_TYPE } }));
}

/** Raw deflate inflated by the platform (`new DecompressionStream` throws where unsupported). */
export async function inflateStream(deflated: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new DecompressionStream("deflate-raw");
	const writer = stream.writable.getWriter();
	// Not awaited: the write completes only as the output is read below. A bad stream rejects
	// both promises; the reader's rejection is the one reported.
	writer.write(deflated).then(() => writer.close()).catch(() => undefined);
	const chunks: Uint8Array[] = [];
	let length = 0;
	const reader = stream.readable.getReader();
	for (let read = await reader.read(); !read.done; read = await reader.read()) {
		chunks.push(read.value);
		length += read.value.length;
	}
	const bytes = new Uint8Array(length);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.length;
	}
	return bytes;
}
