/**
 * Localisation of the element: its strings table in English, German, French, Spanish and Japanese,
 * the Localizer controller that picks the language, and the formatting helpers.
 */
export {
  describeError,
  LOCALES,
  Localizer,
  registerStrings,
  resolveLang,
  type LocalizedHost,
  type Params,
  type Terms,
} from './localizer';
export { formatFor, type Format, type PluralForms } from './format';
export { en } from './en';
export { de } from './de';
export { fr } from './fr';
export { es } from './es';
export { ja } from './ja';
export type {
  ElementErrorValues,
  ErrorCode,
  ErrorStrings,
  ErrorValues,
  LocaleTable,
  MobilenetStrings,
  StringKey,
  UiStrings,
} from './strings';
