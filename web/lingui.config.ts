import { defineConfig } from '@lingui/cli';
import { formatter } from '@lingui/format-po';

/** French is the source language: the catalogue holds the messages as written in the code. A second language is one more file. */
export default defineConfig({
  sourceLocale: 'fr',
  locales: ['fr'],
  catalogs: [{ path: '<rootDir>/src/lib/i18n/locales/{locale}', include: ['<rootDir>/src'], exclude: ['**/gql/**'] }],
  // No file/line origins: they change whenever code moves and make merges conflict.
  format: formatter({ origins: false, lineNumbers: false }),
  orderBy: 'messageId',
});
