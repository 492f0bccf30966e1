import { css } from 'lit';

/** The heat over the crop, its legend and summary, and the pickable predictions. */
export default css`
  .heat-frame {
    position: relative;
    display: inline-block;
    line-height: 0;
  }

  .explained-frame {
    width: 96px;
    height: 96px;
    border-radius: 4px;
  }

  [part='heat'] {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    border-radius: 4px;
    pointer-events: none;
    opacity: var(--mobilenet-heat-opacity, 0.85);
  }

  [part='explanation'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    margin-top: var(--mobilenet-gap);
    font-size: 0.875rem;
  }

  [part='heat-legend'] {
    display: flex;
    gap: 0.375rem;
    align-items: center;
    color: var(--mobilenet-muted);
  }

  [part='heat-legend'] .ramp {
    width: 5rem;
    height: 0.625rem;
    border: 1px solid var(--mobilenet-border);
    border-radius: 999px;
    background: linear-gradient(to right, rgb(255 220 0 / 0.15), rgb(255 0 0 / 0.75));
  }

  [part='explain-summary'] {
    flex-basis: 100%;
    margin: 0;
  }

  [part='result'].pickable {
    display: block;
  }

  [part='explain-pick'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 4rem;
    grid-template-areas: 'label probability' 'bar bar';
    column-gap: 0.5rem;
    row-gap: 0.125rem;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.25rem 0.5rem;
    text-align: start;
  }

  [part='explain-pick'][aria-pressed='true'] {
    background: color-mix(in srgb, var(--mobilenet-accent) 14%, var(--mobilenet-bg));
    border-color: var(--mobilenet-accent);
    color: var(--mobilenet-fg);
  }
`;
