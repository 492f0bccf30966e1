/**
 * The single-file drop-in (`mobilenet-classifier.bundle.js`, tf.js and Lit inside): registers
 * `<mobilenet-classifier>` and exports the same API as the package's main entry.
 */
import './define';

export * from './index';
