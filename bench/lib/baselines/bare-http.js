'use strict';
// Baseline: a bare Node `http` server answering every request with a fixed JSON body (the size of
// a feed page). What the platform costs before any framework, GraphQL, auth or database.
const http = require('node:http');
const { readFileSync } = require('node:fs');

const body = readFileSync(process.env.BODY_FILE);
const server = http.createServer((req, res) => {
  if (req.url === '/ready') {
    res.end('ok');
    return;
  }
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
