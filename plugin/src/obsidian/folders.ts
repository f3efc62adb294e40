/**
 * Making sure the folder a new note goes into exists.
 *
 * `Vault.create` fails when the parent folder is missing, so commands that create notes call
 * `ensureFolder` first. A folder that already exists is fine, including one created by
 * something else between our check and our `createFolder` (sync, another plugin); a file with
 * the folder's name is not, and is reported with a message the user can act on.
 */

import { TFolder } from "obsidian";
import type { Vault } from "obsidian";

/** The parent folder of a vault-relative path, or `""` for the vault root. */
export function parentFolder(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash === -1 ? "" : path.slice(0, slash);
}

/** Creates `folder` (and any missing parents) unless it already exists. */
export async function ensureFolder(vault: Vault, folder: string): Promise<void> {
	if (folder === "" || isFolder(vault, folder)) {
		return;
	}
	if (vault.getAbstractFileByPath(folder) !== null) {
		throw new Error(`"${folder}" is a file, so it cannot be used as a folder.`);
	}
	try {
		await vault.createFolder(folder);
	} catch (thrown) {
		// Created meanwhile by someone else: that is the state we wanted.
		if (!isFolder(vault, folder)) {
			throw thrown;
		}
	}
}

function isFolder(vault: Vault, path: string): boolean {
	return vault.getAbstractFileByPath(path) instanceof TFolder;
}
