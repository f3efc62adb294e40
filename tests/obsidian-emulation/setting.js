/**
 * The settings UI: `Setting`, its input components and `PluginSettingTab`.
 *
 * Elements and classes follow Obsidian's markup (`.setting-item` with `.setting-item-info`,
 * `.setting-item-name`, `.setting-item-description`, `.setting-item-control`), so tests query
 * the DOM the way a user sees it and can type into a real `<input>` by setting its value and
 * dispatching `input`. Change handlers may be async (saving settings); every promise they
 * return is tracked and `settleUi()` waits for all of them.
 */

"use strict";

/** Promises returned by change/click handlers that have not been awaited yet. */
const pendingHandlers = new Set();

function track(result) {
	if (result !== null && typeof result === "object" && typeof result.then === "function") {
		pendingHandlers.add(result);
		result.then(
			() => pendingHandlers.delete(result),
			() => pendingHandlers.delete(result),
		);
	}
}

/** Waits until every async UI handler has finished (rethrowing the first failure). */
async function settleUi() {
	while (pendingHandlers.size > 0) {
		await Promise.all([...pendingHandlers]);
	}
}

class BaseComponent {
	constructor() {
		this.disabled = false;
	}

	then(callback) {
		callback(this);
		return this;
	}

	setDisabled(disabled) {
		this.disabled = disabled;
		return this;
	}
}

class AbstractTextComponent extends BaseComponent {
	constructor(inputEl) {
		super();
		this.inputEl = inputEl;
	}

	getValue() {
		return this.inputEl.value;
	}

	setValue(value) {
		if (typeof value !== "string") {
			throw new TypeError(`setValue expects a string, got ${typeof value}.`);
		}
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder) {
		this.inputEl.setAttribute("placeholder", placeholder);
		return this;
	}

	setDisabled(disabled) {
		super.setDisabled(disabled);
		this.inputEl.disabled = disabled;
		return this;
	}

	onChange(callback) {
		this.inputEl.addEventListener("input", () => track(callback(this.getValue())));
		return this;
	}

	onChanged() {
		this.inputEl.dispatchEvent(new globalThis.Event("input"));
	}
}

class TextComponent extends AbstractTextComponent {
	constructor(containerEl) {
		super(containerEl.createEl("input", { type: "text", attr: { spellcheck: "false" } }));
	}
}

class TextAreaComponent extends AbstractTextComponent {
	constructor(containerEl) {
		super(containerEl.createEl("textarea"));
	}
}

class ToggleComponent extends BaseComponent {
	constructor(containerEl) {
		super();
		this.toggleEl = containerEl.createDiv("checkbox-container");
		this.checkboxEl = this.toggleEl.createEl("input", { type: "checkbox" });
		this.value = false;
		this.handlers = [];
		this.toggleEl.addEventListener("click", () => {
			if (!this.disabled) {
				this.setValue(!this.value);
				for (const handler of this.handlers) {
					track(handler(this.value));
				}
			}
		});
	}

	getValue() {
		return this.value;
	}

	setValue(on) {
		this.value = Boolean(on);
		this.checkboxEl.checked = this.value;
		this.toggleEl.toggleClass("is-enabled", this.value);
		return this;
	}

	onChange(callback) {
		this.handlers.push(callback);
		return this;
	}
}

class DropdownComponent extends BaseComponent {
	constructor(containerEl) {
		super();
		this.selectEl = containerEl.createEl("select", "dropdown");
	}

	addOption(value, display) {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options) {
		for (const [value, display] of Object.entries(options)) {
			this.addOption(value, display);
		}
		return this;
	}

	getValue() {
		return this.selectEl.value;
	}

	setValue(value) {
		this.selectEl.value = value;
		return this;
	}

	setDisabled(disabled) {
		super.setDisabled(disabled);
		this.selectEl.disabled = disabled;
		return this;
	}

	onChange(callback) {
		this.selectEl.addEventListener("change", () => track(callback(this.getValue())));
		return this;
	}
}

class ButtonComponent extends BaseComponent {
	constructor(containerEl) {
		super();
		this.buttonEl = containerEl.createEl("button");
	}

	setButtonText(text) {
		this.buttonEl.setText(text);
		return this;
	}

	setCta() {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	setWarning() {
		this.buttonEl.addClass("mod-warning");
		return this;
	}

	setIcon(icon) {
		this.buttonEl.setAttribute("data-icon", icon);
		return this;
	}

	setTooltip(tooltip) {
		this.buttonEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setDisabled(disabled) {
		super.setDisabled(disabled);
		this.buttonEl.disabled = disabled;
		return this;
	}

	onClick(callback) {
		this.buttonEl.addEventListener("click", (event) => track(callback(event)));
		return this;
	}
}

class Setting {
	constructor(containerEl) {
		this.settingEl = containerEl.createDiv("setting-item");
		this.infoEl = this.settingEl.createDiv("setting-item-info");
		this.nameEl = this.infoEl.createDiv("setting-item-name");
		this.descEl = this.infoEl.createDiv("setting-item-description");
		this.controlEl = this.settingEl.createDiv("setting-item-control");
		this.components = [];
	}

	setName(name) {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc) {
		this.descEl.setText(desc);
		return this;
	}

	setClass(cls) {
		this.settingEl.addClass(cls);
		return this;
	}

	setTooltip(tooltip) {
		this.nameEl.setAttribute("aria-label", tooltip);
		return this;
	}

	setHeading() {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setDisabled(disabled) {
		this.settingEl.toggleClass("is-disabled", disabled);
		for (const component of this.components) {
			component.setDisabled(disabled);
		}
		return this;
	}

	addText(callback) {
		return this.addComponent(new TextComponent(this.controlEl), callback);
	}

	addTextArea(callback) {
		return this.addComponent(new TextAreaComponent(this.controlEl), callback);
	}

	addToggle(callback) {
		return this.addComponent(new ToggleComponent(this.controlEl), callback);
	}

	addDropdown(callback) {
		return this.addComponent(new DropdownComponent(this.controlEl), callback);
	}

	addButton(callback) {
		return this.addComponent(new ButtonComponent(this.controlEl), callback);
	}

	then(callback) {
		callback(this);
		return this;
	}

	clear() {
		this.controlEl.empty();
		this.components = [];
		return this;
	}

	addComponent(component, callback) {
		this.components.push(component);
		callback(component);
		return this;
	}
}

class PluginSettingTab {
	constructor(app, plugin) {
		this.app = app;
		this.plugin = plugin;
		this.containerEl = globalThis.createDiv("vertical-tab-content");
	}

	display() {
		throw new Error("PluginSettingTab subclasses must implement display().");
	}

	hide() {
		this.containerEl.empty();
	}
}

module.exports = {
	BaseComponent,
	AbstractTextComponent,
	TextComponent,
	TextAreaComponent,
	ToggleComponent,
	DropdownComponent,
	ButtonComponent,
	Setting,
	PluginSettingTab,
	settleUi,
};
