/**
 * The public API: the element class, its event types and the core. Importing this registers nothing;
 * import `./define` for that.
 */
export {
  MobilenetClassifier,
  type MobilenetSource,
  type Theme,
} from './components/mobilenet-classifier/mobilenet-classifier.component';
export { CUSTOM_MODES, type CustomMode } from './components/mobilenet-classifier/custom-classes.controller';
export type * from './events';
export * from './model';
export * from './custom';
export { CameraError, type CameraErrorCode, type CameraErrorValues } from './capture/camera-errors';
export {
  en,
  LOCALES,
  registerStrings,
  type ErrorCode,
  type ErrorValues,
  type Format,
  type MobilenetStrings,
  type PluralForms,
  type StringKey,
} from './i18n';
