import { css } from 'lit';
import { paletteStyles } from './palette';

const elementStyles = css`
  :host {
    --mobilenet-font: system-ui, sans-serif;
    --mobilenet-radius: 8px;
    --mobilenet-gap: 0.75rem;
    --mobilenet-preview-size: 16rem;

    display: block;
    box-sizing: border-box;
    max-width: 40rem;
    padding: var(--mobilenet-gap);
    font: 1rem/1.4 var(--mobilenet-font);
    color: var(--mobilenet-fg);
    background: var(--mobilenet-bg);
    border: 1px solid var(--mobilenet-border);
    border-radius: var(--mobilenet-radius);
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [part='status'] {
    margin: 0 0 var(--mobilenet-gap);
    color: var(--mobilenet-muted);
    font-size: 0.875rem;
  }

  [part='stage'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mobilenet-gap);
    align-items: center;
    justify-content: center;
    min-height: 8rem;
    padding: var(--mobilenet-gap);
    border: 2px dashed var(--mobilenet-border);
    border-radius: var(--mobilenet-radius);
    outline-offset: 2px;
  }

  [part='stage'].dragging {
    border-color: var(--mobilenet-accent);
    background: color-mix(in srgb, var(--mobilenet-accent) 8%, transparent);
  }

  [part='stage']:focus-visible {
    outline: 2px solid var(--mobilenet-accent);
  }

  video {
    width: var(--mobilenet-preview-size);
    max-width: 100%;
    border-radius: var(--mobilenet-radius);
    background: #000;
  }

  video.mirror {
    transform: scaleX(-1);
  }

  [part='crop'] {
    width: 96px;
    height: 96px;
    border-radius: 4px;
    image-rendering: pixelated;
  }

  .empty {
    color: var(--mobilenet-muted);
    text-align: center;
  }

  [part='controls'],
  [part='features'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: var(--mobilenet-gap);
  }

  button,
  select {
    font: inherit;
    min-height: 2.5rem;
    padding: 0.375rem 0.875rem;
    border-radius: var(--mobilenet-radius);
    border: 1px solid var(--mobilenet-border);
    background: var(--mobilenet-bg);
    color: var(--mobilenet-fg);
    cursor: pointer;
  }

  button.primary,
  button[aria-pressed='true'] {
    background: var(--mobilenet-accent);
    border-color: var(--mobilenet-accent);
    color: var(--mobilenet-accent-fg);
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  button:focus-visible,
  select:focus-visible {
    outline: 2px solid var(--mobilenet-accent);
    outline-offset: 2px;
  }

  [part='progress'] {
    margin: var(--mobilenet-gap) 0 0;
    font-size: 0.875rem;
  }

  [part='error'] {
    margin: var(--mobilenet-gap) 0 0;
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--mobilenet-error);
    color: var(--mobilenet-error);
  }

  [part='error'] button {
    margin-left: 0.5rem;
    min-height: 2rem;
  }

  /* The ImageNet list and the custom classes' (custom-classes.template.ts). */
  [part='results'],
  [part='custom-results'] {
    list-style: none;
    margin: var(--mobilenet-gap) 0 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }

  [part='result'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 4rem;
    grid-template-areas: 'label probability' 'bar bar';
    column-gap: 0.5rem;
  }

  /* A label of the lists, and of the results list's rows (batch.template.ts). */
  [part='label'],
  [part='row-label'],
  [part='row-error'] {
    grid-area: label;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part='probability'] {
    grid-area: probability;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  [part='bar'] {
    grid-area: bar;
    height: 0.375rem;
    border-radius: 999px;
    background: var(--mobilenet-bar-track);
    overflow: hidden;
  }

  /* Scaled rather than sized: a transform animates on the compositor, a width would lay out every frame. */
  [part='bar'] > span {
    display: block;
    height: 100%;
    transform: scaleX(var(--p));
    transform-origin: left;
    background: var(--mobilenet-bar);
    transition: transform 150ms ease-out;
  }

  :host(:dir(rtl)) [part='bar'] > span {
    transform-origin: right;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    [part='bar'] > span {
      transition: none;
    }
  }
`;

export default [paletteStyles, elementStyles];
