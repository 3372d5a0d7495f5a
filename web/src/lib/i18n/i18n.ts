import { i18n } from '@lingui/core';
import { compileMessage } from '@lingui/message-utils/compileMessage';

/**
 * French, the source language. Its text stays in the code (see web/build/babel-macros.ts), so each
 * screen's strings ship in that screen's chunk rather than one catalogue of every string in the entry
 * (which outgrew the first-route budget). Messages are compiled once, on first use. Another language:
 * `import { messages } from './locales/<xx>.po'` and `i18n.load('<xx>', messages)` (the macros keep ids).
 */
export const LOCALE = 'fr';
/** Times are shown as in metropolitan France, wherever the browser is. */
export const TIME_ZONE = 'Europe/Paris';

const compiled = new Map<string, ReturnType<typeof compileMessage>>();
i18n.setMessagesCompiler((message) => {
  let found = compiled.get(message);
  if (found === undefined) {
    found = compileMessage(message);
    compiled.set(message, found);
  }
  return found;
});
i18n.load(LOCALE, {});
i18n.activate(LOCALE);

export { i18n };
