// The words of the explanation: the element's, since the core leaves words to the caller.
import type { Terms } from '../../i18n';
import type { MobilenetExplanation } from '../../events';

/** The summary under the heat map, e.g. "Most important for “tabby”: the centre-left of the picture." */
export function explainSummary(t: Terms, { label, area }: Pick<MobilenetExplanation, 'label' | 'area'>): string {
  return area ? t.explainArea(label, area) : t.explainNoArea(label);
}
