'use strict';
// Small HTTP helpers: a GraphQL call, and an open-loop load generator (requests leave on a fixed
// schedule whatever the responses do, and latency counts from the scheduled time, so a slow
// server cannot hide its queueing: no coordinated omission).
const http = require('node:http');
const { performance } = require('node:perf_hooks');

async function graphql(url, query, variables = {}, token) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return res.json();
}

/**
 * Sends `rate` requests per second for `seconds`; `makeRequest(i)` returns
 * { url, headers, body, check(statusCode, text) → boolean }. Resolves latencies (ms) and errors.
 */
async function openLoop({ rate, seconds, makeRequest }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  const errorSamples = [];
  const inflight = new Set();
  const t0 = performance.now() + 20;
  for (let i = 0; i < total; i++) {
    const scheduled = t0 + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const { url, headers, body, check } = makeRequest(i);
    const done = new Promise((resolve) => {
      const target = new URL(url);
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const ok = check(res.statusCode, text);
            if (ok) latencies.push(performance.now() - scheduled);
            else {
              errors++;
              if (errorSamples.length < 3) errorSamples.push(`${res.statusCode} ${text.slice(0, 300)}`);
            }
            resolve();
          });
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
      req.on('error', (err) => {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(err.message);
        resolve();
      });
      req.end(body);
    });
    inflight.add(done);
    void done.then(() => inflight.delete(done));
  }
  await Promise.all([...inflight]);
  agent.destroy();
  return { latencies, errors, errorSamples, sent: total };
}

module.exports = { graphql, openLoop };
