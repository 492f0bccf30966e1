import { css } from 'lit';

/** The region's square over the photo or the camera preview. */
export default css`
  .region-frame {
    position: relative;
    display: inline-block;
    max-width: 100%;
    line-height: 0;
    overflow: hidden;
    border-radius: var(--mobilenet-radius);
  }

  [part='picture'] {
    width: var(--mobilenet-preview-size);
    max-width: 100%;
    height: auto;
    border-radius: var(--mobilenet-radius);
  }

  [part='region'] {
    position: absolute;
    border: 2px solid var(--mobilenet-accent);
    border-radius: 2px;
    box-shadow:
      0 0 0 1px var(--mobilenet-accent-fg),
      0 0 0 100vmax rgb(0 0 0 / 0.35);
    cursor: move;
    touch-action: none;
  }

  [part='region']:focus-visible {
    outline: 3px solid var(--mobilenet-accent);
    outline-offset: 2px;
  }

  [part='region-handle'] {
    position: absolute;
    right: -2px;
    bottom: -2px;
    width: 1.25rem;
    height: 1.25rem;
    background: var(--mobilenet-accent);
    border: 2px solid var(--mobilenet-accent-fg);
    border-radius: 2px;
    cursor: nwse-resize;
    touch-action: none;
  }
`;
