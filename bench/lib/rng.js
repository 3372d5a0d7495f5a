'use strict';
// A seeded PRNG (mulberry32): the synthetic dataset is the same on every run and every machine.

function createRng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const HEX = '0123456789abcdef';
  return {
    next,
    int,
    /** An index in [0, n) skewed towards 0: a few popular groups, a long tail (power `skew` > 1). */
    skewed: (n, skew = 1.6) => Math.min(n - 1, Math.floor(n * Math.pow(next(), skew))),
    pick: (list) => list[int(list.length)],
    /** A random (version 4) UUID drawn from this generator. */
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

module.exports = { createRng };
