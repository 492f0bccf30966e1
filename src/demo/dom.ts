/**
 * The element with this id, checked against the type the demo expects; a missing or wrong element
 * means index.html and the demo script disagree, which is worth a loud error.
 */
export function byId<T extends Element>(id: string, type: abstract new (...args: never[]) => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) {
    throw new Error(
      `index.html has no <${type.name}> with id="${id}" (found ${element ? `<${element.localName}>` : 'nothing'}).`,
    );
  }
  return element;
}

/** A new element with the given class and text; text goes in as text, never as HTML. */
export function textElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}
