#!/usr/bin/env node
'use strict';
// `npm run bench:mail`: the mail queue against a real SMTP server in this process (npm smtp-server).
// Measures (1) e-mails queued and sent per second (password-reset requests, each one queued e-mail,
// 16 at a time), (2) cause → SMTP delay of an immediate e-mail (an answer to a question of someone
// on IMMEDIATE: request sent → message received by the SMTP server), p50/p95/p99, and (3) an outage:
// SMTP down while e-mails are queued, then up: how many arrive, how many twice. See BENCHMARKS.md.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { SMTPServer } = require('smtp-server');
const services = require('./lib/services');
const { graphql } = require('./lib/http');
const { summarize, round } = require('./lib/stats');

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '16' },
    samples: { type: 'string', default: '200' },
    outage: { type: 'string', default: '200' },
  },
});
const log = (...parts) => console.log(`[bench:mail ${new Date().toISOString().slice(11, 19)}]`, ...parts);

function smtpServer() {
  const arrivals = new Map(); // recipient → [arrival times]
  let server;
  let port = 0;
  const listen = () =>
    new Promise((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        closeTimeout: 100,
        onData(stream, session, callback) {
          stream.on('data', () => undefined);
          stream.on('end', () => {
            const at = performance.now();
            for (const { address } of session.envelope.rcptTo) {
              const list = arrivals.get(address.toLowerCase()) ?? [];
              list.push(at);
              arrivals.set(address.toLowerCase(), list);
            }
            callback();
          });
        },
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = server.server.address().port;
        resolve();
      });
    });
  return {
    arrivals,
    listen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
  };
}

async function waitFor(check, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await services.sleep(5);
  }
}

async function pool(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function main() {
  const count = Number(args.count);
  const concurrency = Number(args.concurrency);
  const samples = Number(args.samples);
  const smtp = smtpServer();
  await smtp.listen();
  const pg = await services.postgresServer(log);
  const db = await services.createBenchDatabase(pg.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-bench-mail-'));
  const logDir = mkdtempSync(join(tmpdir(), 'maillage-bench-mail-logs-'));
  const admin = { email: 'admin@bench.test', password: 'bench-password-2026' };
  const app = await services.startApp({
    name: 'mail',
    logDir,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      LOG_LEVEL: 'warn',
      SMTP_URL: smtp.url,
      RATE_LIMIT_SCALE: '100000',
      BOOTSTRAP_FEDERATION_NAME: 'Fédération du banc',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      ...(process.env.MEILI_URL ? { MEILI_URL: process.env.MEILI_URL } : {}),
    },
  });
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const results = {};
  try {
    // 1. Throughput.
    log(`throughput: ${count} e-mails, ${concurrency} requests at a time`);
    const addresses = Array.from({ length: count }, (_, i) => `debit.${i}@bench.test`);
    const started = performance.now();
    await pool(addresses, concurrency, (email) =>
      graphql(app.url, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email }),
    );
    const queuedMs = performance.now() - started;
    await waitFor(() => addresses.every((a) => smtp.arrivals.has(a)));
    const sentMs = performance.now() - started;
    results.throughput = {
      emails: count,
      queuedPerSecond: round(count / (queuedMs / 1000)),
      sentPerSecond: round(count / (sentMs / 1000)),
      duplicates: addresses.filter((a) => smtp.arrivals.get(a).length > 1).length,
    };
    log(results.throughput);

    // 2. Cause → SMTP for an immediate notification e-mail.
    const adminLogin = await graphql(
      app.url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: admin.email, p: admin.password },
    );
    const adminToken = adminLogin.data.login.accessToken;
    const fed = (
      await graphql(app.url, '{ organizations(kind: FEDERATION, first: 1) { edges { node { id } } } }', {}, adminToken)
    ).data.organizations.edges[0].node.id;
    const invitation = (
      await graphql(
        app.url,
        'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
        { input: { organizationId: fed, email: 'lea@bench.test', role: 'MEMBER' } },
        adminToken,
      )
    ).data.inviteMember;
    const lea = (
      await graphql(
        app.url,
        'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken user { id } } }',
        { input: { token: invitation.token, displayName: 'Léa', password: 'bench-password-2026' } },
      )
    ).data.acceptInvitation;
    await graphql(
      app.url,
      'mutation { updateNotificationSettings(input: { emailFrequency: IMMEDIATE }) { emailFrequency } }',
      {},
      lea.accessToken,
    );
    const group = (
      await graphql(
        app.url,
        'mutation($input: CreateGroupInput!) { createGroup(input: $input) { id } }',
        { input: { organizationId: fed, name: 'Banc', visibility: 'PUBLIC' } },
        adminToken,
      )
    ).data.createGroup.id;
    await graphql(app.url, 'mutation($g: ID!) { joinGroup(groupId: $g) { id } }', { g: group }, lea.accessToken);
    const question = (
      await graphql(
        app.url,
        'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
        { input: { groupId: group, title: 'Question du banc', body: 'Mesure du délai.' } },
        lea.accessToken,
      )
    ).data.askQuestion.id;
    log(`cause → SMTP: ${samples} answers, one at a time`);
    const delays = [];
    for (let i = 0; i < samples; i++) {
      const before = (smtp.arrivals.get('lea@bench.test') ?? []).length;
      // Léa reads her notifications, so each e-mail carries exactly one new answer.
      await graphql(app.url, 'mutation { markNotificationsRead }', {}, lea.accessToken);
      const sent = performance.now();
      const res = await graphql(
        app.url,
        'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }',
        { input: { questionId: question, body: `Réponse ${i}` } },
        adminToken,
      );
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      await waitFor(() => (smtp.arrivals.get('lea@bench.test') ?? []).length > before, 30_000);
      delays.push(smtp.arrivals.get('lea@bench.test')[before] - sent);
    }
    const delay = summarize(delays);
    results.causeToSmtpMs = {
      n: delay.n,
      p50: round(delay.p50),
      p95: round(delay.p95),
      p99: round(delay.p99),
      max: round(delay.max),
    };
    log(results.causeToSmtpMs);

    // 3. Outage: SMTP down while e-mails are queued, back after 10 s.
    const outage = Array.from({ length: Number(args.outage) }, (_, i) => `panne.${i}@bench.test`);
    await smtp.close();
    const downAt = performance.now();
    await pool(outage, concurrency, (email) =>
      graphql(app.url, 'mutation($e: String!) { requestPasswordReset(email: $e) }', { e: email }),
    );
    await services.sleep(10_000);
    const { rows } = await sql.query(
      `SELECT count(*)::int AS waiting, max(attempts)::int AS attempts FROM jobs WHERE name = 'mail.send' AND state = 'queued'`,
    );
    await smtp.listen();
    const upAt = performance.now();
    await waitFor(() => outage.every((a) => smtp.arrivals.has(a)));
    await services.sleep(3_000);
    results.outage = {
      emails: outage.length,
      downSeconds: round((upAt - downAt) / 1000),
      waitingWhileDown: rows[0].waiting,
      maxAttemptsWhileDown: rows[0].attempts,
      allDeliveredSecondsAfterUp: round((performance.now() - 3_000 - upAt) / 1000),
      delivered: outage.filter((a) => smtp.arrivals.has(a)).length,
      duplicates: outage.filter((a) => smtp.arrivals.get(a).length > 1).length,
    };
    log(results.outage);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await sql.end();
    await app.stop();
    await smtp.close().catch(() => undefined);
    await db.drop();
    await pg.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
