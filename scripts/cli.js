#!/usr/bin/env node
// `npm run cli -- <command>`: same build-if-needed as `npm start`, then the CLI.
process.argv.splice(2, 0, '--cli');
require('./start.js');
