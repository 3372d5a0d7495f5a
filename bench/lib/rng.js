'use strict';
// The seeded PRNG of the demo federation (mulberry32, src/cli/demo/demo-rng.ts, from the build):
// the synthetic dataset is the same on every run and every machine. The benchmark adds a skew.
const { join } = require('node:path');
const { DIST } = require('./services');

function createRng(seed) {
  // Loaded here, not at the top: run.js first checks that the build exists, and says so.
  const { createRng: createDemoRng } = require(join(DIST, 'cli', 'demo', 'demo-rng.js'));
  const rng = createDemoRng(seed);
  return {
    ...rng,
    /** An index in [0, n) skewed towards 0: a few popular groups, a long tail (power `skew` > 1). */
    skewed: (n, skew = 1.6) => Math.min(n - 1, Math.floor(n * Math.pow(rng.next(), skew))),
  };
}

module.exports = { createRng };
