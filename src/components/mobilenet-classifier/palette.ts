import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The element's colours, light and dark, as its `--mobilenet-*` custom properties' defaults. One table,
 * so the two palettes cannot drift apart: the styles, the docs' defaults and the contrast test all read
 * it. Each pair was checked against WCAG 2.2 (e2e/theme.spec.ts measures it in the page): text ≥ 4.5:1
 * on its background, bars and focus rings ≥ 3:1 against what is next to them.
 */
export const PALETTE = {
  fg: ['#1d1d1f', '#e8eaed'],
  bg: ['#ffffff', '#1f1f1f'],
  muted: ['#5f6368', '#9aa0a6'],
  border: ['#c7c7cc', '#5f6368'],
  accent: ['#0b57d0', '#a8c7fa'],
  'accent-fg': ['#ffffff', '#062e6f'],
  bar: ['#0b57d0', '#a8c7fa'],
  'bar-track': ['#e8eaed', '#3c4043'],
  error: ['#b3261e', '#f2b8b5'],
} as const satisfies Record<string, readonly [light: string, dark: string]>;

export type PaletteColour = keyof typeof PALETTE;

const declarations = (value: (pair: readonly [string, string]) => string): CSSResult =>
  unsafeCSS(
    Object.entries(PALETTE)
      .map(([name, pair]) => `--mobilenet-${name}: ${value(pair)};`)
      .join('\n'),
  );

/**
 * `theme="auto"` (the default) follows the page: `light-dark()` takes the colour of the element's
 * used `color-scheme`, which it inherits from the page, so a page that declares `color-scheme: dark`
 * gets the dark palette, and one that declares `light dark` gets the one the user's system prefers,
 * just like the browser's own form controls. `theme="light"` and `theme="dark"` pin one palette.
 * Browsers without `light-dark()` (Chrome < 123, Safari < 17.5, Firefox < 120) get the light palette,
 * or the dark one when `theme="dark"`.
 */
export const paletteStyles = css`
  :host {
    ${declarations(([light]) => light)}
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  @supports (color: light-dark(#000, #fff)) {
    :host {
      ${declarations(([light, dark]) => `light-dark(${light}, ${dark})`)}
    }
  }

  @supports not (color: light-dark(#000, #fff)) {
    :host([theme='dark']) {
      ${declarations(([, dark]) => dark)}
    }
  }
`;
