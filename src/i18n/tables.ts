// Every built-in table, for the tests and tools that read them all. The element never imports this
// module: it loads each table but English when an element first speaks its language (./localizer).
export { en } from './en';
export { de } from './de';
export { fr } from './fr';
export { es } from './es';
export { ja } from './ja';
