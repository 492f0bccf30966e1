import { textElement } from './dom';

/** The log keeps this many lines: live camera mode fires up to max-fps results a second. */
const MAX_LINES = 100;

type LoggedEvent =
  | 'mobilenet-ready'
  | 'mobilenet-result'
  | 'mobilenet-error'
  | 'mobilenet-classes-change'
  | 'mobilenet-region-change'
  | 'mobilenet-explain'
  | 'mobilenet-batch-progress'
  | 'mobilenet-batch-done';

/**
 * Logs every `mobilenet-*` event that reaches the document, newest first, one line each. Event data
 * is written as text only: a label or an error message must never become markup.
 *
 * @param list the `<ol>` that receives the lines
 * @param empty shown while the log is empty
 * @param clear empties the log
 */
export function startEventLog(list: HTMLOListElement, empty: HTMLElement, clear: HTMLButtonElement): void {
  const add = (type: LoggedEvent, target: EventTarget | null, detail: string) => {
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

  document.addEventListener('mobilenet-ready', (event) => {
    const { backend, loadMs } = event.detail;
    add('mobilenet-ready', event.target, `${backend}, loaded in ${Math.round(loadMs)} ms`);
  });
  document.addEventListener('mobilenet-result', (event) => {
    const { predictions, source, timings, custom } = event.detail.result;
    const top = custom ? custom[0] && { label: custom[0].label, probability: custom[0].probability } : predictions[0];
    const best = top ? `${top.label} ${(top.probability * 100).toFixed(1)}%` : 'no prediction';
    add('mobilenet-result', event.target, `${best} · source: ${source.kind} · ${Math.round(timings.total)} ms`);
  });
  document.addEventListener('mobilenet-error', (event) => {
    add('mobilenet-error', event.target, `${event.detail.phase}: ${event.detail.message}`);
  });
  document.addEventListener('mobilenet-classes-change', (event) => {
    const { reason, classes } = event.detail;
    const listed = classes.map((c) => `${c.label} (${c.examples})`).join(', ') || 'no classes';
    add('mobilenet-classes-change', event.target, `${reason}: ${listed}`);
  });
  document.addEventListener('mobilenet-region-change', (event) => {
    const { x, y, size } = event.detail.region;
    add('mobilenet-region-change', event.target, `x ${x}, y ${y}, size ${size}`);
  });
  document.addEventListener('mobilenet-explain', (event) => {
    const { label, area } = event.detail.explanation;
    add('mobilenet-explain', event.target, `${label}: ${area ? `${area.row} ${area.column}` : 'no part stands out'}`);
  });
  // A batch's start and end only: a line per model run would push everything else out of the log.
  document.addEventListener('mobilenet-batch-progress', (event) => {
    if (event.detail.done === 0)
      add('mobilenet-batch-progress', event.target, `${event.detail.total} files to classify`);
  });
  document.addEventListener('mobilenet-batch-done', (event) => {
    const { results, cancelled } = event.detail;
    const failed = results.filter((r) => r.status === 'failed').length;
    add(
      'mobilenet-batch-done',
      event.target,
      `${results.length - failed} classified, ${failed} failed${cancelled ? ' · cancelled' : ''}`,
    );
  });
  clear.addEventListener('click', () => {
    list.replaceChildren();
    empty.hidden = false;
  });
}

function originOf(target: EventTarget | null): string {
  return target instanceof Element ? (target.id ? `#${target.id}` : `<${target.localName}>`) : '';
}
