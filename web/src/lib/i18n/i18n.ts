import { i18n } from '@lingui/core';
import { messages } from './locales/fr.po';

/** French, the source language. Another language: add its catalogue next to fr.po and load it here. */
export const LOCALE = 'fr';
/** Times are shown as in metropolitan France, wherever the browser is. */
export const TIME_ZONE = 'Europe/Paris';

i18n.load(LOCALE, messages);
i18n.activate(LOCALE);

export { i18n };
