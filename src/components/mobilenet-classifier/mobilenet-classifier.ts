import { MobilenetClassifier } from './mobilenet-classifier.component';

export { MobilenetClassifier };

// Guarded: a page may load two copies of this module (e.g. an app and a widget bundling it).
if (!customElements.get('mobilenet-classifier')) customElements.define('mobilenet-classifier', MobilenetClassifier);

declare global {
  interface HTMLElementTagNameMap {
    'mobilenet-classifier': MobilenetClassifier;
  }
}
