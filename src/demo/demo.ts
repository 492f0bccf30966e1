// The demo page (index.html): a live example driven by a control panel, a themed example, drawings to
// try, an event log and snippets to copy. Everything is wired here: the page has no inline scripts.
import '../define';
import { MobilenetClassifier } from '../index';
import { bindControls } from './controls';
import { bindCopyButtons } from './copy';
import { byId } from './dom';
import { DRAWINGS, renderDrawing } from './drawings';
import { startEventLog } from './event-log';
import themeCss from './theme.css?raw';

/** What the live example holds, as its snippet shows it (the same as in index.html). */
const LIVE_INNER = '  <h3 slot="header">What is in the picture?</h3>';

const live = byId('live', MobilenetClassifier);
const themed = byId('themed', MobilenetClassifier);

startEventLog(
  byId('event-log', HTMLOListElement),
  byId('event-log-empty', HTMLElement),
  byId('clear-log', HTMLButtonElement),
);
bindControls(byId('controls', HTMLFormElement), live, byId('live-snippet', HTMLElement), LIVE_INNER);
bindCopyButtons(document, byId('copy-status', HTMLElement));
byId('theme-snippet', HTMLElement).textContent = themeCss.trim();

const strip = byId('drawing-list', HTMLUListElement);
for (const drawing of DRAWINGS) {
  const canvas = renderDrawing(drawing);
  canvas.setAttribute('aria-hidden', 'true');
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.drawing = drawing.id;
  button.append(canvas, drawing.name);
  // A failure is shown inside the element and fired as mobilenet-error (see the event log): nothing to add here.
  button.addEventListener('click', () => live.classify(canvas).catch(() => {}));
  const item = document.createElement('li');
  item.append(button);
  strip.append(item);
}

// The themed example shows a result, so that its styled parts (results, bars, crop) are visible.
const orange = DRAWINGS.find((drawing) => drawing.id === 'orange');
if (orange) {
  themed.ready.then(
    () => themed.classify(renderDrawing(orange)).catch(() => {}),
    // A failed load is already shown in the element and logged.
    () => {},
  );
}
