import type { MobilenetClassifier } from '../index';

interface ControlledAttribute {
  name: string;
  /** The element's default (README "API" table); an attribute set to it is left out of the snippet. */
  default?: string;
}

/** The attributes the panel sets, in the order the snippet lists them. Booleans have no default. */
const CONTROLLED: readonly ControlledAttribute[] = [
  { name: 'features' },
  { name: 'top-k', default: '5' },
  { name: 'crop', default: '1' },
  { name: 'backend', default: 'webgl' },
  { name: 'live' },
  { name: 'max-fps', default: '15' },
  { name: 'mirror' },
  { name: 'facing-mode', default: 'user' },
  { name: 'mode', default: 'imagenet' },
  { name: 'theme', default: 'auto' },
  { name: 'min-probability', default: '0' },
  { name: 'exclude-classes', default: '' },
  { name: 'explain' },
  { name: 'region', default: '' },
  { name: 'lang', default: '' },
];

/** Where the panel's values are kept between visits. */
const STORAGE_KEY = 'mobilenet-classifier-demo:controls';

/**
 * Makes the form drive the element's attributes, and keeps `snippet` showing the element's HTML.
 * Each form control is named after the attribute it sets. An invalid number is not applied. The
 * values are kept in localStorage, so that a reload comes back in the same mode, theme and settings.
 *
 * @param form the control panel
 * @param element the example it drives
 * @param snippet receives the HTML, as text
 * @param inner the element's children, as they appear in the snippet
 */
export function bindControls(
  form: HTMLFormElement,
  element: MobilenetClassifier,
  snippet: HTMLElement,
  inner: string,
): void {
  restore(form);
  const apply = () => {
    for (const attribute of CONTROLLED) applyAttribute(element, control(form, attribute.name), attribute);
    const crop = form.querySelector('output[for=crop]');
    if (crop) crop.textContent = control(form, 'crop').value;
    snippet.textContent = htmlOf(element, inner);
    remember(form);
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  // The browser may have restored the form's values on reload: the element follows the form.
  apply();
}

function remember(form: HTMLFormElement): void {
  const values = Object.fromEntries(
    CONTROLLED.map(({ name }) => {
      const input = control(form, name);
      return [name, input instanceof HTMLInputElement && input.type === 'checkbox' ? input.checked : input.value];
    }),
  );
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(values));
  } catch {
    // Storage may be off (private mode, a sandboxed frame): the demo just forgets.
  }
}

/** Puts back the values of the last visit; anything unreadable or no longer offered is skipped. */
function restore(form: HTMLFormElement): void {
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return;
  }
  if (typeof saved !== 'object' || saved === null) return;
  for (const { name } of CONTROLLED) {
    const value = (saved as Record<string, unknown>)[name];
    const input = control(form, name);
    if (input instanceof HTMLInputElement && input.type === 'checkbox') {
      if (typeof value === 'boolean') input.checked = value;
    } else if (typeof value === 'string') {
      const before = input.value;
      input.value = value;
      // A <select> refuses a value it has no option for (its value becomes ''), a number input one it cannot parse.
      if (input.value !== value || !input.checkValidity()) input.value = before;
    }
  }
}

function control(form: HTMLFormElement, name: string): HTMLInputElement | HTMLSelectElement {
  const found = form.elements.namedItem(name);
  if (!(found instanceof HTMLInputElement || found instanceof HTMLSelectElement)) {
    throw new Error(`the control panel has no <input> or <select> named "${name}"`);
  }
  return found;
}

function applyAttribute(
  element: HTMLElement,
  input: HTMLInputElement | HTMLSelectElement,
  attribute: ControlledAttribute,
): void {
  if (input instanceof HTMLInputElement && input.type === 'checkbox') {
    element.toggleAttribute(attribute.name, input.checked);
    return;
  }
  const valid = input.checkValidity();
  input.setAttribute('aria-invalid', String(!valid));
  if (!valid) return;
  // "05" and "5" are the same top-k: the snippet shows the number as the element reads it.
  const value = input instanceof HTMLInputElement && input.type !== 'text' ? String(Number(input.value)) : input.value;
  if (value === attribute.default) element.removeAttribute(attribute.name);
  else element.setAttribute(attribute.name, value);
}

function htmlOf(element: HTMLElement, inner: string): string {
  const attributes = CONTROLLED.filter(({ name }) => element.hasAttribute(name)).map(({ name }) => {
    const value = element.getAttribute(name);
    return value === '' ? name : `${name}="${value}"`;
  });
  const open = [element.localName, ...attributes].join(' ');
  return `<${open}>\n${inner}\n</${element.localName}>`;
}
