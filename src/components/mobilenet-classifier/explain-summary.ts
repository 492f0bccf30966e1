// The words of the explanation: the element's, since the core leaves words to the caller.
import type { PictureArea } from '../../model';

/** "the top-left", "the centre", "the bottom centre"… */
export function areaWords(area: PictureArea): string {
  if (area.row === 'centre' && area.column === 'centre') return 'the centre';
  if (area.column === 'centre') return `the ${area.row} centre`;
  return `the ${area.row}-${area.column}`;
}

/** The summary under the heat map, e.g. "Most important for “tabby”: the centre-left of the picture." */
export function explainSummary(label: string, area: PictureArea | undefined): string {
  return area
    ? `Most important for “${label}”: ${areaWords(area)} of the picture.`
    : `No part of the picture stands out for “${label}”.`;
}
