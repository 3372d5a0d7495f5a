/** A seeded PRNG (mulberry32): the demo federation is the same on every machine and every run. */
export interface DemoRng {
  next(): number;
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  /** `count` distinct items of `list`, in random order. */
  sample<T>(list: readonly T[], count: number): T[];
  chance(p: number): boolean;
  uuid(): string;
}

export function createRng(seed: number): DemoRng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const HEX = '0123456789abcdef';
  return {
    next,
    int,
    pick: (list) => list[int(list.length)],
    sample: (list, count) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, Math.min(count, copy.length));
    },
    chance: (p) => next() < p,
    // Ids drawn from the seed too: the same demo links (…/groups/<id>) work on every machine.
    uuid: () => {
      let s = '';
      for (let i = 0; i < 32; i++) {
        let d = int(16);
        if (i === 12) d = 4;
        else if (i === 16) d = 8 + (d & 3);
        s += HEX[d];
        if (i === 7 || i === 11 || i === 15 || i === 19) s += '-';
      }
      return s;
    },
  };
}
