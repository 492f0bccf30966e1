/**
 * A `ref` callback that sizes a probability bar through `--p`. Set as a property, not written as a
 * `style` attribute (which `styleMap` does on first render): a strict CSP without
 * `style-src 'unsafe-inline'` blocks style attributes, and every bar would show full (e2e/csp.spec.ts).
 */
export function barWidth(fraction: number): (element?: Element) => void {
  return (element) => (element as HTMLElement | undefined)?.style.setProperty('--p', String(fraction));
}
