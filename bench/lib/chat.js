'use strict';
// Chat through the real server: N sockets (socket.io-client, WebSocket transport) split across two
// instances joined by Redis; each DIRECT pair has one person on each instance, so every delivery
// crosses Redis. Messages leave at a fixed rate (open loop); the delivery latency is from the emit
// to the recipient's `message:new`. Every expected delivery is counted: lost and duplicated.
const { randomUUID } = require('node:crypto');
const { performance, monitorEventLoopDelay } = require('node:perf_hooks');
const { io } = require('socket.io-client');
const { summarize, medianOfRuns, median } = require('./stats');
const { rssKb } = require('./cpu');
const { sleep } = require('./services');
const { pgStats, perOperation, cpuPerOperation } = require('./pg-stats');

/** Connects `people` ([{ userId, auth }]) with person i on urls[i % urls.length]. */
async function connectAll({ urls, people, onMessage, parallel = 100 }) {
  const sockets = new Array(people.length);
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(parallel, people.length) }, async () => {
      while (next < people.length) {
        const i = next++;
        const socket = io(urls[i % urls.length], {
          path: '/socket.io',
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          timeout: 20_000,
          auth: people[i].auth,
        });
        socket.on('message:new', (payload) => onMessage(i, payload));
        await new Promise((resolve) => {
          socket.once('connect', resolve);
          socket.once('connect_error', () => {
            failures++;
            resolve();
          });
        });
        sockets[i] = socket;
      }
    }),
  );
  return { sockets, failures, seconds: (performance.now() - t0) / 1000 };
}

/** The median of a few RSS samples of each pid, in kB. */
async function sampleRss(pids, samples = 3) {
  const values = pids.map(() => []);
  for (let s = 0; s < samples; s++) {
    pids.forEach((pid, i) => values[i].push(rssKb(pid)));
    await sleep(300);
  }
  return values.map((v) => median(v));
}

/**
 * Runs the chat measurement against one deployment (the app, or the echo baseline).
 * `pairs` [{ conversationId, a, b }] with a on urls[0] and b on urls[1]; `auth(userId)` → handshake auth;
 * `payloadFor(pair, from, to)` → extra fields (the baseline needs the recipient).
 */
async function measureChat({ label, urls, pids, pairs, auth, extraPayload, options, log, meter, dbUrl }) {
  const { runs, seconds, idleSeconds } = options;
  // Each person may send 30 messages per 10 s (the app's limit): a few sockets cannot carry a high rate.
  const chatRate = Math.min(options.chatRate, 2 * pairs.length * 2);
  const people = [];
  for (const pair of pairs) {
    people.push({ userId: pair.a, auth: auth(pair.a) });
    people.push({ userId: pair.b, auth: auth(pair.b) });
  }
  // socket index 2k is pair k's a (urls[0]), 2k+1 its b (urls[1])
  let expected = new Map();
  const onMessage = (socketIndex, payload) => {
    const entry = expected.get(payload?.clientId);
    if (!entry) return;
    const now = performance.now();
    if (socketIndex === entry.to) {
      entry.toCount++;
      if (entry.toCount === 1) entry.deliveredAt = now;
    } else if (socketIndex === entry.from) entry.fromCount++;
    else entry.stray++;
  };

  await sleep(1000);
  const rssBefore = await sampleRss(pids);
  const cpu0 = meter.snapshot();
  const connected = await connectAll({ urls, people, onMessage });
  log(
    `  ${label}: ${people.length - connected.failures}/${people.length} sockets connected in ${connected.seconds.toFixed(1)} s`,
  );
  if (connected.failures) throw new Error(`${label}: ${connected.failures} sockets failed to connect`);
  await sleep(idleSeconds * 1000);
  const rssAfter = await sampleRss(pids);
  const perInstance = Math.ceil(people.length / urls.length);
  const rssPerSocketKb = rssAfter.map((after, i) => (after - rssBefore[i]) / perInstance);
  const connectCpu = meter.constructor.delta(cpu0, meter.snapshot());
  log(`  ${label}: RSS per idle socket ${rssPerSocketKb.map((k) => k.toFixed(1)).join(' / ')} kB (instances)`);

  const sendRun = async (durationS, record) => {
    expected = new Map();
    // The load generator's own event-loop delay: if it lags, its timestamps do too.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const acks = [];
    let ackErrors = 0;
    const errorCodes = {};
    const total = Math.max(1, Math.round(chatRate * durationS));
    const interval = 1000 / chatRate;
    const t0 = performance.now() + 20;
    for (let i = 0; i < total; i++) {
      const wait = t0 + i * interval - performance.now();
      if (wait > 1) await sleep(wait);
      // Every pair in turn, each direction in turn: both instances send, both receive through Redis.
      const pair = Math.floor(i / 2) % pairs.length;
      const forward = i % 2 === 0;
      const from = 2 * pair + (forward ? 0 : 1);
      const to = 2 * pair + (forward ? 1 : 0);
      const clientId = randomUUID();
      const entry = { from, to, sentAt: performance.now(), toCount: 0, fromCount: 0, stray: 0, deliveredAt: undefined };
      expected.set(clientId, entry);
      const payload = {
        conversationId: pairs[pair].conversationId,
        body: `Message de test ${i}`,
        clientId,
        ...extraPayload(people[to].userId),
      };
      connected.sockets[from].timeout(15_000).emit('message:send', payload, (err, ack) => {
        if (err || !ack?.ok) {
          ackErrors++;
          // Refused with a reason (e.g. RATE_LIMITED): the sender knows; not a lost message.
          if (!err) entry.refused = true;
          const code = err ? 'TIMEOUT' : (ack?.error?.code ?? 'UNKNOWN');
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        } else acks.push(performance.now() - entry.sentAt);
      });
    }
    // Let every delivery land (or not): up to 10 s after the last emit, or until all arrived.
    const deadline = performance.now() + 10_000;
    const allIn = () => [...expected.values()].every((e) => e.refused || (e.toCount > 0 && e.fromCount > 0));
    while (performance.now() < deadline && !allIn()) await sleep(100);
    await sleep(300); // duplicates arrive late, if at all
    loop.disable();
    if (!record) return undefined;
    const delivered = [];
    let lost = 0;
    let lostEcho = 0;
    let duplicated = 0;
    for (const e of expected.values()) {
      if (e.refused) continue;
      if (e.toCount === 0) lost++;
      else delivered.push(e.deliveredAt - e.sentAt);
      if (e.fromCount === 0) lostEcho++;
      duplicated += Math.max(0, e.toCount - 1) + Math.max(0, e.fromCount - 1) + e.stray;
    }
    return {
      ...summarize(delivered),
      sent: total,
      rate: chatRate,
      lost,
      lostSenderEcho: lostEcho,
      duplicated,
      ackErrors,
      errorCodes,
      ackP50: summarize(acks).p50,
      ackP99: summarize(acks).p99,
      generatorLoopDelayP99: Number((loop.percentile(99) / 1e6).toFixed(2)),
    };
  };

  await sendRun(Math.min(3, seconds), false); // warm-up
  const results = [];
  const stats0 = dbUrl ? await pgStats(dbUrl) : undefined;
  const cpu1 = meter.snapshot();
  for (let r = 0; r < runs; r++) {
    const run = await sendRun(seconds, true);
    log(
      `  ${label} run ${r + 1}: delivery p50 ${run.p50?.toFixed(2)} ms, p99 ${run.p99?.toFixed(2)} ms, ${run.sent} sent, ${run.lost} lost, ${run.duplicated} duplicated, ${run.ackErrors} refused; generator loop delay p99 ${run.generatorLoopDelayP99} ms`,
    );
    results.push(run);
  }
  const sendCpu = meter.constructor.delta(cpu1, meter.snapshot());
  const sentTotal = results.reduce((a, r) => a + r.sent, 0);
  const perMessage = {
    cpuMs: cpuPerOperation(sendCpu, sentTotal),
    ...(stats0 ? { database: perOperation(stats0, await pgStats(dbUrl), sentTotal) } : {}),
  };
  log(
    `  ${label} per message: ${JSON.stringify(perMessage.cpuMs)} CPU ms${perMessage.database ? `; ${perMessage.database.xact_commit} transactions` : ''}`,
  );
  for (const socket of connected.sockets) socket?.disconnect();
  const lostTotal = results.reduce((a, r) => a + r.lost + r.lostSenderEcho, 0);
  const duplicatedTotal = results.reduce((a, r) => a + r.duplicated, 0);
  return {
    sockets: people.length,
    instances: urls.length,
    connectSeconds: Number(connected.seconds.toFixed(2)),
    rssBeforeKb: rssBefore,
    rssAfterKb: rssAfter,
    rssPerSocketKb: Number((rssPerSocketKb.reduce((a, b) => a + b, 0) / rssPerSocketKb.length).toFixed(2)),
    runs: results,
    median: medianOfRuns(results.map(({ errorCodes: _codes, ...rest }) => rest)),
    lostTotal,
    duplicatedTotal,
    ackErrorsTotal: results.reduce((a, r) => a + r.ackErrors, 0),
    cpu: { connect: connectCpu, send: sendCpu },
    perMessage,
  };
}

module.exports = { measureChat };
