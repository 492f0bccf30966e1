import type { MobilenetEventName } from '../index';
import { textElement } from './dom';

/** The log keeps this many lines: live camera mode fires up to max-fps results a second. */
const MAX_LINES = 100;

/**
 * Logs every `mobilenet-*` event that reaches the document, newest first, one line each. Event data
 * is written as text only: a label or an error message must never become markup.
 *
 * @param list the `<ol>` that receives the lines
 * @param empty shown while the log is empty
 * @param clear empties the log
 */
export function startEventLog(list: HTMLOListElement, empty: HTMLElement, clear: HTMLButtonElement): void {
  const add = (type: MobilenetEventName, target: EventTarget | null, detail: string) => {
    const now = new Date();
    const item = document.createElement('li');
    item.dataset.type = type;
    const time = textElement('time', '', now.toLocaleTimeString());
    time.dateTime = now.toISOString();
    item.append(
      time,
      textElement('span', 'origin', originOf(target)),
      textElement('span', 'type', type),
      textElement('span', 'detail', detail),
    );
    list.prepend(item);
    while (list.children.length > MAX_LINES) list.lastElementChild?.remove();
    empty.hidden = true;
  };

  /** Logs each `type` event that reaches the document, as `describe` puts it (nothing when it gives undefined). */
  const log = <K extends MobilenetEventName>(
    type: K,
    describe: (detail: GlobalEventHandlersEventMap[K]['detail']) => string | undefined,
  ) =>
    document.addEventListener(type, (event) => {
      const line = describe(event.detail);
      if (line !== undefined) add(type, event.target, line);
    });

  log('mobilenet-ready', ({ backend, loadMs }) => `${backend}, loaded in ${Math.round(loadMs)} ms`);
  log('mobilenet-result', ({ result: { predictions, source, timings, custom } }) => {
    const top = custom ? custom[0] && { label: custom[0].label, probability: custom[0].probability } : predictions[0];
    const best = top ? `${top.label} ${(top.probability * 100).toFixed(1)}%` : 'no prediction';
    return `${best} · source: ${source.kind} · ${Math.round(timings.total)} ms`;
  });
  log('mobilenet-error', ({ phase, message }) => `${phase}: ${message}`);
  log('mobilenet-classes-change', ({ reason, classes }) => {
    const listed = classes.map((c) => `${c.label} (${c.examples})`).join(', ') || 'no classes';
    return `${reason}: ${listed}`;
  });
  log('mobilenet-region-change', ({ region: { x, y, size } }) => `x ${x}, y ${y}, size ${size}`);
  log(
    'mobilenet-explain',
    ({ explanation: { label, area } }) => `${label}: ${area ? `${area.row} ${area.column}` : 'no part stands out'}`,
  );
  // A batch's start and end only: a line per model run would push everything else out of the log.
  log('mobilenet-batch-progress', ({ done, total }) => (done === 0 ? `${total} files to classify` : undefined));
  log('mobilenet-batch-done', ({ results, cancelled }) => {
    const failed = results.filter((r) => r.status === 'failed').length;
    return `${results.length - failed} classified, ${failed} failed${cancelled ? ' · cancelled' : ''}`;
  });
  clear.addEventListener('click', () => {
    list.replaceChildren();
    empty.hidden = false;
  });
}

function originOf(target: EventTarget | null): string {
  return target instanceof Element ? (target.id ? `#${target.id}` : `<${target.localName}>`) : '';
}
