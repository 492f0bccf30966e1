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
// English only: the other tables load when an element speaks their language (./tables has them all).
export { en } from './en';
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
