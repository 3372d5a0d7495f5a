/**
 * Unit specs live beside the code (src/**\/*.spec.ts); end-to-end specs drive the real server
 * (test/**); browser specs (test/web/*.web-spec.ts) drive the built web client in headless Chromium.
 */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '(src/.*\\.spec\\.ts|test/.*\\.(e2e-spec|spec|web-spec)\\.ts)$',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60000,
};
