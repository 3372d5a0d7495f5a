import { isBlank } from './text.decorators';

describe('isBlank', () => {
  it.each(['', '   ', '\n\t', '\u200B\u200B', '\u200C\u200D\u2060', '\uFEFF', '\u00A0\u3000', '\u3164', '\u0301'])(
    'treats %j as blank',
    (text) => expect(isBlank(text)).toBe(true),
  );
  it.each(['a', ' é ', '\u200Bbonjour', '🙂', '0', '日本'])('keeps %j', (text) => expect(isBlank(text)).toBe(false));
});
