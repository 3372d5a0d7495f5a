import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REASONS } from './reasons';

describe('the catalogue of error reasons', () => {
  it('is documented in the README, row for row', () => {
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `([A-Z0-9_]+)` \| `([A-Z_]+)` \| (.+) \|$/gm)].map(
      ([, reason, code, meaning]) => ({
        reason,
        code,
        meaning,
      }),
    );
    expect(rows).toEqual(Object.entries(REASONS).map(([reason, { code, meaning }]) => ({ reason, code, meaning })));
  });
});
