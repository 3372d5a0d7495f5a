#!/usr/bin/env node
'use strict';
// `npm run bench:announcements`: an announcement to a segment of N people (default 10,000) against a
// real SMTP server in this process (npm smtp-server). Measures (1) the sendAnnouncement request (the
// audience snapshot, one INSERT … SELECT, and the first delivery job queued), (2) the fan-out: every
// ANNOUNCEMENT notification stored and every e-mail queued (batches of 500, one job each), and (3)
// e-mails received by the SMTP server per second, with duplicates. See BENCHMARKS.md.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const { SMTPServer } = require('smtp-server');
const services = require('./lib/services');
const { graphql } = require('./lib/http');
const { round } = require('./lib/stats');

const { values: args } = parseArgs({ options: { people: { type: 'string', default: '10000' } } });
const log = (...parts) => console.log(`[bench:announcements ${new Date().toISOString().slice(11, 19)}]`, ...parts);

function smtpServer() {
  const arrivals = new Map(); // recipient → count
  let server;
  return {
    arrivals,
    listen: () =>
      new Promise((resolve, reject) => {
        server = new SMTPServer({
          authOptional: true,
          disabledCommands: ['STARTTLS'],
          logger: false,
          closeTimeout: 100,
          onData(stream, session, callback) {
            stream.on('data', () => undefined);
            stream.on('end', () => {
              for (const { address } of session.envelope.rcptTo)
                arrivals.set(address.toLowerCase(), (arrivals.get(address.toLowerCase()) ?? 0) + 1);
              callback();
            });
          },
        });
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
    get url() {
      return `smtp://127.0.0.1:${server.server.address().port}`;
    },
  };
}

async function waitFor(check, timeoutMs = 1_800_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await services.sleep(20);
  }
}

function must(res, what) {
  if (res.errors) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

async function main() {
  const people = Number(args.people);
  const smtp = smtpServer();
  await smtp.listen();
  const pg = await services.postgresServer(log);
  const db = await services.createBenchDatabase(pg.url);
  const dataDir = mkdtempSync(join(tmpdir(), 'maillage-bench-announcements-'));
  const logDir = mkdtempSync(join(tmpdir(), 'maillage-bench-announcements-logs-'));
  const admin = { email: 'admin@bench.test', password: 'bench-password-2026' };
  const app = await services.startApp({
    name: 'announcements',
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
  try {
    const token = must(
      await graphql(app.url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
        e: admin.email,
        p: admin.password,
      }),
      'login',
    ).login.accessToken;
    const fed = must(
      await graphql(app.url, '{ organizations(kind: FEDERATION, first: 1) { edges { node { id } } } }', {}, token),
      'federation',
    ).organizations.edges[0].node.id;
    const club = must(
      await graphql(
        app.url,
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Grand club du banc', kind: 'ASSOCIATION', parentId: fed } },
        token,
      ),
      'createOrganization',
    ).createOrganization.id;

    // The people, written directly (an invitation each would measure invitations, not announcements).
    log(`${people} members, volunteers`);
    await sql.query(
      `WITH people AS (
         INSERT INTO users (email, password_hash, display_name)
         SELECT 'membre.' || i || '@bench.test', 'not-a-hash', 'Membre ' || i FROM generate_series(1, $1) AS i
         RETURNING id)
       INSERT INTO organization_memberships (organization_id, user_id, role, categories)
       SELECT $2, id, 'MEMBER', ARRAY['BENEVOLE'] FROM people`,
      [people, club],
    );
    // One in ten turned announcement e-mails off.
    await sql.query(
      `INSERT INTO notification_settings (user_id, email_announcements)
       SELECT u.id, false FROM users u WHERE u.email LIKE 'membre.%0@bench.test'`,
    );
    const segment = must(
      await graphql(
        app.url,
        'mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id memberCount } }',
        { input: { organizationId: club, name: 'Bénévoles', filter: { categories: ['BENEVOLE'] } } },
        token,
      ),
      'createSegment',
    ).createSegment;
    log(`segment of ${segment.memberCount}`);

    const started = performance.now();
    const sent = must(
      await graphql(
        app.url,
        'mutation($input: SendAnnouncementInput!) { sendAnnouncement(input: $input) { id audienceCount } }',
        {
          input: {
            organizationId: club,
            segmentId: segment.id,
            title: 'Assemblée générale',
            body: 'Notre assemblée générale aura lieu le 12 mars.',
            channels: ['IN_APP', 'EMAIL'],
          },
        },
        token,
      ),
      'sendAnnouncement',
    ).sendAnnouncement;
    const requestMs = performance.now() - started;
    log(`sent to ${sent.audienceCount} in ${round(requestMs)} ms`);
    await waitFor(async () => {
      const { rows } = await sql.query('SELECT delivered_at FROM announcements WHERE id = $1', [sent.id]);
      return rows[0].delivered_at !== null;
    });
    const fannedOutMs = performance.now() - started;
    const { rows: counted } = await sql.query(
      `SELECT (SELECT count(*)::int FROM notifications WHERE type = 'ANNOUNCEMENT' AND subject_id = $1) AS notifications,
              (SELECT count(*)::int FROM mail_messages WHERE kind = 'announcement') AS emails`,
      [sent.id],
    );
    const emails = counted[0].emails;
    log(
      `fan-out done in ${round(fannedOutMs)} ms: ${counted[0].notifications} notifications, ${emails} e-mails queued`,
    );
    await waitFor(() => smtp.arrivals.size >= emails);
    const allSentMs = performance.now() - started;
    await services.sleep(2_000);
    const results = {
      people,
      audience: sent.audienceCount,
      sendRequestMs: round(requestMs),
      fanOut: {
        ms: round(fannedOutMs),
        notifications: counted[0].notifications,
        emailsQueued: emails,
        queuedPerSecond: round(emails / (fannedOutMs / 1000)),
      },
      smtp: {
        received: smtp.arrivals.size,
        allSentSeconds: round(allSentMs / 1000),
        sentPerSecond: round(emails / (allSentMs / 1000)),
        duplicates: [...smtp.arrivals.values()].filter((n) => n > 1).length,
      },
    };
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
