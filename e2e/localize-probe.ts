// A tiny element that speaks through a Localizer, for e2e/localize.spec.ts: the language rules and live
// switching are tested here on their own, before and apart from <mobilenet-classifier>.
import { html, LitElement } from 'lit';
import { ClassifierError } from '../src/model';
import { customClassError } from '../src/custom';
import { Localizer, registerStrings, type MobilenetStrings } from '../src/i18n';

export class LocalizeProbe extends LitElement {
  static override properties = { strings: { attribute: false } };
  declare strings?: Partial<MobilenetStrings>;
  readonly localizer = new Localizer(this);
  renders = 0;

  override render() {
    this.renders++;
    const { t } = this.localizer;
    return html`<button part="upload">${t.uploadImages()}</button>
      <p part="classified">${t.classified(5)}</p>
      <p part="percent">${t.announceResult('zebra', 0.125)}</p>
      <p part="error">${this.localizer.error(customClassError('label', 'class-exists', { label: 'mug' }))}</p>`;
  }
}

/** Holds a probe in its shadow root, to test a language inherited through a shadow host. */
export class ProbeFrame extends LitElement {
  override render() {
    return html`<localize-probe></localize-probe>`;
  }
}

customElements.define('localize-probe', LocalizeProbe);
customElements.define('probe-frame', ProbeFrame);

declare global {
  interface HTMLElementTagNameMap {
    'localize-probe': LocalizeProbe;
    'probe-frame': ProbeFrame;
  }
  interface Window {
    i18n: { registerStrings: typeof registerStrings; ClassifierError: typeof ClassifierError };
  }
}
window.i18n = { registerStrings, ClassifierError };
