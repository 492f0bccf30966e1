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
];

/**
 * Makes the form drive the element's attributes, and keeps `snippet` showing the element's HTML.
 * Each form control is named after the attribute it sets. An invalid number is not applied.
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
  const apply = () => {
    for (const attribute of CONTROLLED) applyAttribute(element, control(form, attribute.name), attribute);
    const crop = form.querySelector('output[for=crop]');
    if (crop) crop.textContent = control(form, 'crop').value;
    snippet.textContent = htmlOf(element, inner);
  };
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  // The browser may have restored the form's values on reload: the element follows the form.
  apply();
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
