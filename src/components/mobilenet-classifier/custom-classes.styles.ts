import { css } from 'lit';

/** Styles of the custom-classes UI (custom-classes.template.ts); uses the element's custom properties. */
export default css`
  [part='custom-none'] {
    margin: var(--mobilenet-gap) 0 0;
    font-weight: 600;
  }

  /* Nothing matched: the vote's bars are not an answer, so they do not look like one. */
  .unmatched [part='bar'] > span {
    background: var(--mobilenet-muted);
  }

  .custom-empty,
  .hint,
  .storage {
    color: var(--mobilenet-muted);
    font-size: 0.875rem;
  }

  [part='teach'] {
    margin-top: var(--mobilenet-gap);
    padding-top: var(--mobilenet-gap);
    border-top: 1px solid var(--mobilenet-border);
  }

  [part='teach'] h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }

  [part='teach'] p {
    margin: 0.5rem 0 0;
  }

  [part='add-class'],
  .rename,
  .train,
  .teach-actions,
  .class-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  [part='add-class'] label {
    display: flex;
    flex: 1 1 14rem;
    align-items: center;
    gap: 0.5rem;
  }

  input:not([type]),
  input[name='label'] {
    flex: 1;
    min-width: 0;
    min-height: 2.5rem;
    padding: 0.375rem 0.625rem;
    font: inherit;
    color: var(--mobilenet-fg);
    background: var(--mobilenet-bg);
    border: 1px solid var(--mobilenet-border);
    border-radius: var(--mobilenet-radius);
  }

  input[name='label']:focus-visible {
    outline: 2px solid var(--mobilenet-accent);
    outline-offset: 1px;
  }

  .classes {
    list-style: none;
    margin: var(--mobilenet-gap) 0 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }

  [part='custom-class'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    padding: 0.5rem;
    border: 1px solid var(--mobilenet-border);
    border-radius: var(--mobilenet-radius);
  }

  .class-name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .count {
    color: var(--mobilenet-muted);
    font-size: 0.875rem;
    font-variant-numeric: tabular-nums;
  }

  .class-actions {
    margin-left: auto;
  }

  [part='custom-class'] button {
    min-height: 2.25rem;
    padding: 0.25rem 0.625rem;
  }

  [part='record-button'] {
    touch-action: none;
    user-select: none;
    -webkit-user-select: none;
  }

  [part='record-button'][aria-pressed='true'] {
    background: var(--mobilenet-error);
    border-color: var(--mobilenet-error);
    color: var(--mobilenet-accent-fg);
  }

  .train,
  .teach-actions {
    margin-top: var(--mobilenet-gap);
  }

  [part='training-progress'] {
    flex: 1 1 8rem;
    accent-color: var(--mobilenet-accent);
  }

  button.danger {
    color: var(--mobilenet-error);
    border-color: currentColor;
  }

  .confirm {
    padding: 0.5rem 0.75rem;
    border-left: 4px solid var(--mobilenet-error);
  }
`;
