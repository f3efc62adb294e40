/**
 * The `obsidian` module as the plugin bundle sees it in tests.
 *
 * The real `obsidian` package has types only; Obsidian supplies the module at run time. Tests
 * load the built `dist/main.js` with `require("obsidian")` resolved to this file (see
 * `harness.js`). It exports the subset of the API Career Coach uses, implemented over a real
 * folder and a real DOM. Reading an export that is not implemented throws at once, naming it,
 * so a plugin that starts using a new API fails with a clear message rather than with
 * "undefined is not a constructor" somewhere later.
 */

"use strict";

const { installDom } = require("./dom");

installDom();

const { App } = require("./app");
const { Events } = require("./events");
const { Editor } = require("./editor");
const { FileManager } = require("./file-manager");
const { TAbstractFile, TFile, TFolder } = require("./files");
const { Keymap, Scope } = require("./keymap");
const { MetadataCache } = require("./metadata-cache");
const { Modal } = require("./modal");
const { Notice } = require("./notice");
const { normalizePath } = require("./paths");
const { Component, MarkdownRenderChild, Plugin } = require("./plugin");
const setting = require("./setting");
const { DataAdapter, Vault } = require("./vault");
const { FuzzySuggestModal, SuggestModal } = require("./suggest-modal");
const { ItemView, MarkdownView, View } = require("./views");
const { Workspace, WorkspaceLeaf } = require("./workspace");


const Platform = Object.freeze({
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
});

function setIcon(parent, iconId) {
	parent.setAttribute("data-icon", iconId);
}

const api = {
	App,
	ButtonComponent: setting.ButtonComponent,
	Component,
	DataAdapter,
	DropdownComponent: setting.DropdownComponent,
	Editor,
	Events,
	FileManager,
	FuzzySuggestModal,
	ItemView,
	Keymap,
	MarkdownRenderChild,
	MarkdownView,
	MetadataCache,
	Modal,
	Notice,
	Platform,
	Plugin,
	PluginSettingTab: setting.PluginSettingTab,
	Scope,
	Setting: setting.Setting,
	SuggestModal,
	TAbstractFile,
	TextAreaComponent: setting.TextAreaComponent,
	TextComponent: setting.TextComponent,
	TFile,
	TFolder,
	ToggleComponent: setting.ToggleComponent,
	Vault,
	View,
	Workspace,
	WorkspaceLeaf,
	normalizePath,
	setIcon,
};

/** Names module loaders probe for; reading them must not throw. */
const PROBED = new Set(["__esModule", "default", "then", "toJSON", "constructor"]);

module.exports = new Proxy(api, {
	get(target, name, receiver) {
		if (typeof name === "symbol" || name in target || PROBED.has(name)) {
			return Reflect.get(target, name, receiver);
		}
		throw new Error(`The Obsidian emulation does not implement "${name}"; add it to tests/obsidian-emulation/.`);
	},
});
