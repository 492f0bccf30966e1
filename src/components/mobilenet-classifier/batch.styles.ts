import { css } from 'lit';

/** Styles of the results list of a batch (batch.template.ts); uses the element's custom properties. */
export default css`
  [part='batch'] {
    margin-top: var(--mobilenet-gap);
    padding-top: var(--mobilenet-gap);
    border-top: 1px solid var(--mobilenet-border);
  }

  .batch-status,
  .batch-tools,
  [part='batch-export'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .batch-status [part='progress'] {
    flex: 1 1 100%;
    margin: 0;
  }

  [part='batch-progress'] {
    flex: 1 1 10rem;
    height: 0.75rem;
    accent-color: var(--mobilenet-accent);
  }

  .batch-tools {
    margin-top: 0.5rem;
  }

  .batch-tools label {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    font-size: 0.875rem;
  }

  [part='batch-filter'] {
    font: inherit;
    min-height: 2.5rem;
    width: 11rem;
    padding: 0.375rem 0.5rem;
    border-radius: var(--mobilenet-radius);
    border: 1px solid var(--mobilenet-border);
    background: var(--mobilenet-bg);
    color: var(--mobilenet-fg);
  }

  [part='batch-filter']:focus-visible {
    outline: 2px solid var(--mobilenet-accent);
    outline-offset: 2px;
  }

  [part='batch'] .hint {
    margin: 0.5rem 0 0;
    color: var(--mobilenet-muted);
    font-size: 0.875rem;
  }

  [part='batch-list'] {
    list-style: none;
    margin: 0.5rem 0 0;
    padding: 0;
    max-height: 28rem;
    overflow-y: auto;
  }

  [part='batch-row'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    gap: 0 0.5rem;
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--mobilenet-border);
    /* 1,000 rows: the ones out of view are neither laid out nor painted, and their thumbnails not decoded. */
    content-visibility: auto;
    contain-intrinsic-size: auto 3.25rem;
  }

  [part='batch-row'] .show {
    display: grid;
    grid-template-columns: 2.5rem minmax(0, 1fr) auto;
    grid-template-areas: 'thumb name probability' 'thumb label probability';
    align-items: center;
    column-gap: 0.625rem;
    width: 100%;
    padding: 0.25rem 0.5rem;
    text-align: start;
    border-color: transparent;
  }

  [part='batch-row'] .show[aria-current='true'] {
    border-color: var(--mobilenet-accent);
  }

  [part='thumbnail'] {
    grid-area: thumb;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 4px;
    object-fit: cover;
    background: var(--mobilenet-bar-track);
  }

  [part='file-name'] {
    grid-area: name;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.875rem;
    color: var(--mobilenet-muted);
  }

  [part='row-error'] {
    white-space: normal;
    color: var(--mobilenet-error);
    font-size: 0.875rem;
  }

  [part='row-probability'] {
    grid-area: probability;
    font-variant-numeric: tabular-nums;
  }

  [part='batch-row'] .expand {
    min-height: 2rem;
    padding: 0.125rem 0.625rem;
    font-size: 0.875rem;
  }

  [part='row-predictions'] {
    grid-column: 1 / -1;
    list-style: none;
    margin: 0.25rem 0 0.25rem 3.625rem;
    padding: 0;
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
  }

  [part='row-predictions'] li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 4rem;
    grid-template-areas: 'label probability' 'bar bar';
    column-gap: 0.5rem;
  }

  [part='row-predictions'] .label {
    grid-area: label;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part='row-predictions'] .probability {
    grid-area: probability;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  [part='row-predictions'] .bar {
    grid-area: bar;
    height: 0.25rem;
    border-radius: 999px;
    background: var(--mobilenet-bar-track);
    overflow: hidden;
  }

  [part='row-predictions'] .bar > span {
    display: block;
    height: 100%;
    width: calc(var(--p) * 100%);
    background: var(--mobilenet-bar);
  }
`;
