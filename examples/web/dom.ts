// Three small DOM helpers, so the views read as markup. Attributes are set one by one with
// setAttribute and text with textContent: nothing is parsed as HTML, and no `style` attribute is ever
// written (the page runs under a Content-Security-Policy without 'unsafe-inline'; styling is classes).

type Child = Node | string | false | undefined;

/** An element with attributes (`false` / undefined ones left out) and children. */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === false || child === undefined) continue;
    element.append(child);
  }
  return element;
};

/** Sets an attribute only when it changes (a write the browser would otherwise re-process). */
export const setAttr = (element: Element, name: string, value: string | undefined): void => {
  if (value === undefined) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
};

/** Sets text only when it changes. */
export const setText = (node: Node, text: string): void => {
  if (node.textContent !== text) node.textContent = text;
};

/** A DOM id from a session path or a row key: letters, digits, `-` and `_` only. */
export const idPart = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '_');

/**
 * A button that does not take focus from the field being filled when pressed with a mouse. Otherwise
 * the press blurs that field first, its error appears above the button and pushes it down before the
 * mouse is released, and the click lands beside it (the "first click on Submit does nothing" bug of
 * forms that validate on blur). The field blurs when focus really moves on; keyboard use is unchanged.
 */
export const keepFocusOnPress = (button: HTMLButtonElement): HTMLButtonElement => {
  button.addEventListener('mousedown', (event) => event.preventDefault());
  return button;
};
