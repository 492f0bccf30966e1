// The progress line, the error line (with its action) and the live region: see Notices.
import { html, nothing } from 'lit';
import type { Notices } from './notices';

export function renderProgress(notices: Notices) {
  const progress = notices.progress;
  return progress ? html`<p part="progress">${progress}</p>` : nothing;
}

export function renderError(notices: Notices) {
  const error = notices.error;
  if (!error) return nothing;
  return html`<p part="error" role="alert">
    ${notices.errorMessage}${
      error.retry ? html`<button type="button" @click=${error.retry.run}>${error.retry.label()}</button>` : nothing
    }
  </p>`;
}

/** What screen-reader users hear: results and confirmations, politely. */
export function renderLiveRegion(notices: Notices) {
  return html`<div class="visually-hidden" aria-live="polite">${notices.announcement}</div>`;
}
