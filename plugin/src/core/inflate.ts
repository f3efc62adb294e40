/**
 * Raw deflate inflated by the platform's `DecompressionStream`: the warm-up's inflate
 * (`wasm.ts`), in a module of its own so that `scripts/bench-startup.mjs` times this very
 * function in Node and in Chromium. No `obsidian`, no WASM.
 */

/** Raw deflate inflated by the platform (`new DecompressionStream` throws where unsupported). */
export async function inflateStream(deflated: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
	const stream = new DecompressionStream("deflate-raw");
	const writer = stream.writable.getWriter();
	// Not awaited: the write completes only as the output is read below. A bad stream
	// rejects both promises; the reader's rejection is the one reported.
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
