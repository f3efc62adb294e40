/**
 * Which link style the vault uses, so the notes Career Coach writes match the user's own.
 *
 * Obsidian's "Files and links → Use [[Wikilinks]]" switch is stored in `.obsidian/app.json` as
 * `useMarkdownLinks` (true when the switch is off). `Vault.getConfig` reads it, but `getConfig`
 * is not in Obsidian's public typings (`obsidian.d.ts`), although it has been on `Vault` for
 * years and plugins rely on it. It is therefore reached through one narrow cast here and
 * nowhere else, treated as optional, and anything but an explicit `true` means wikilinks, which
 * is Obsidian's default: if a future Obsidian removed `getConfig`, notes would get wikilinks,
 * never an error.
 */

import type { App } from "obsidian";
import type { LinkFormat } from "../core/wasm";

/** The part of Obsidian's `Vault` that the public typings leave out and this module uses. */
interface VaultWithConfig {
	getConfig?: (key: string) => unknown;
}

/** `"markdown"` when the vault has "Use [[Wikilinks]]" turned off, else `"wikilink"`. */
export function vaultLinkFormat(app: App): LinkFormat {
	const vault = app.vault as unknown as VaultWithConfig;
	return vault.getConfig?.("useMarkdownLinks") === true ? "markdown" : "wikilink";
}
