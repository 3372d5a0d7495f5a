import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Locks } from './advisory-locks';

const SRC = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('advisory lock registry', () => {
  it('is the only place that takes advisory locks (no hand-picked ids elsewhere)', () => {
    const offenders = sources(SRC)
      .filter((path) => !path.endsWith('advisory-locks.ts'))
      .filter((path) => /pg_(try_)?advisory/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path));
    expect(offenders).toEqual([]);
  });

  it('names every lock differently, and scoped locks by kind', () => {
    const names = Object.values(Locks).map((lock) => (typeof lock === 'function' ? lock('x') : lock));
    expect(new Set(names).size).toBe(names.length);
    expect(Locks.job('privacy.retention')).toBe('job:privacy.retention');
    expect(Locks.conversation('c1')).not.toBe(Locks.account('c1'));
  });
});
