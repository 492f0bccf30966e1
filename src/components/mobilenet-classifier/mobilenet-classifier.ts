import { MobilenetClassifier } from './mobilenet-classifier.component';

export { MobilenetClassifier };

// Guarded: a page may load two copies of this module (e.g. an app and a widget bundling it), and a
// server rendering the page may have no registry at all (Lit's own Node build brings a stand-in).
if (globalThis.customElements && !customElements.get('mobilenet-classifier'))
  customElements.define('mobilenet-classifier', MobilenetClassifier);

declare global {
  interface HTMLElementTagNameMap {
    'mobilenet-classifier': MobilenetClassifier;
  }
}
