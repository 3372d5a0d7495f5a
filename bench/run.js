#!/usr/bin/env node
'use strict';
// `npm run bench [-- --scale S]`: builds a synthetic federation, indexes it, then measures the feed,
// search and chat through the real server (two instances, Redis) beside baselines. See BENCHMARKS.md.
const { randomBytes } = require('node:crypto');
const { mkdirSync, writeFileSync, existsSync, rmSync } = require('node:fs');
const os = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const { Client } = require('pg');
const services = require('./lib/services');
const { CpuMeter } = require('./lib/cpu');
const { seedDataset } = require('./lib/dataset');
const { indexAll, measureLag } = require('./lib/indexing');
const { measureFeed } = require('./lib/feed');
const { measureHeavyViewers } = require('./lib/heavy-viewers');
const { measureMixed } = require('./lib/mixed');
const { measureSearch } = require('./lib/search');
const { measureChat } = require('./lib/chat');
const { tokensFor } = require('./lib/accounts');
const { summarizeProfile } = require('./lib/profile');
const { markdownReport } = require('./lib/report');

const PASSWORD = 'bench-password-2026';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'search-rate': { type: 'string', default: '50' },
    'chat-rate': { type: 'string', default: '100' },
    sockets: { type: 'string' },
    idle: { type: 'string', default: '10' },
    viewers: { type: 'string', default: '20' },
    'lag-samples': { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'info' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: join(__dirname, 'results') },
    only: { type: 'string' },
  },
});

const scale = Number(args.scale);
if (!(scale > 0)) throw new Error('--scale must be a positive number');
const options = {
  runs: Number(args.runs),
  seconds: Number(args.seconds),
  warmup: Number(args.warmup),
  concurrency: Number(args.concurrency),
  searchRate: Number(args['search-rate']),
  chatRate: Number(args['chat-rate']),
  idleSeconds: Number(args.idle),
  viewers: Number(args.viewers),
  lagSamples: Number(args['lag-samples']),
  logLevel: args['log-level'],
  profile: args.profile,
};
const phases = new Set((args.only ?? 'index,lag,feed,heavy,search,mixed,chat').split(','));

const started = performance.now();
const log = (message) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);

async function machine(pgUrl, pgSource, redis, meili) {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  const { rows } = await client.query('SHOW server_version');
  await client.end();
  const meiliVersion = await fetch(`${meili.url}/version`, { headers: { authorization: `Bearer ${meili.masterKey}` } })
    .then((r) => r.json())
    .then((v) => v.pkgVersion)
    .catch(() => '?');
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model?.trim(),
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: rows[0].server_version,
    postgresSource: pgSource,
    redis: redis.version,
    meilisearch: meiliVersion,
  };
}

async function main() {
  if (!existsSync(join(services.DIST, 'main.js')))
    throw new Error('dist/main.js is missing: run `npm run build` (npm run bench does)');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  mkdirSync(args.out, { recursive: true });
  const workDir = join(os.tmpdir(), `maillage-bench-${stamp}`);
  mkdirSync(workDir, { recursive: true });
  const profileRoot = join(args.out, `${stamp}-profiles`);
  const results = {
    scale,
    options,
    command: `npm run bench -- --scale ${args.scale}${process.argv
      .slice(2)
      .filter((a) => !a.startsWith('--scale') && a !== args.scale)
      .map((a) => ` ${a}`)
      .join('')}`,
    startedAt: new Date().toISOString(),
    cpu: {},
    notes: ['The load generator (this process) shares the machine with the servers it measures.'],
  };
  const cleanups = [];
  const meter = new CpuMeter();
  const phase = async (name, work) => {
    const before = meter.snapshot();
    const value = await work();
    results.cpu[name] = CpuMeter.delta(before, meter.snapshot());
    return value;
  };

  // Ctrl-C or SIGTERM: stop what we started (instances, Meilisearch, the database) before leaving.
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) return;
    interrupted = true;
    log(`${signal}: cleaning up…`);
    void (async () => {
      for (const cleanup of [...cleanups].reverse()) await cleanup().catch(() => undefined);
      process.exit(130);
    })();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    log(`Maillage benchmark, scale ${scale}; work directory ${workDir}`);
    const pg = await services.postgresServer(log);
    cleanups.push(pg.stop);
    const db = await services.createBenchDatabase(pg.url);
    if (!args.keep) cleanups.push(db.drop);
    log(`database ${db.name} on ${pg.source}`);
    meter.track('postgres', await services.postmasterPid(db.url), 'tree');
    const { migrate } = require(join(services.DIST, 'infra', 'database', 'data-source.js'));
    await migrate(db.url);

    const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const redis = await services.redisInfo(redisUrl).catch((err) => {
      throw new Error(`Redis is needed at ${redisUrl} (set REDIS_URL) for two instances: ${err.message}`);
    });
    meter.track('redis', redis.pid);
    const meili = await services.startMeilisearch(workDir);
    cleanups.push(meili.stop);
    meter.track('meilisearch', meili.pid);
    results.machine = await machine(db.url, pg.source, redis, meili);

    log('seeding…');
    const passwordHash = await require('argon2').hash(PASSWORD, { type: require('argon2').argon2id });
    const dataset = await phase('seed', () =>
      seedDataset({
        url: db.url,
        scale,
        passwordHash,
        log,
        overrides: args.sockets ? { sockets: Number(args.sockets) } : {},
      }),
    );
    const { users, chatPairs, ...datasetFigures } = dataset;
    results.dataset = datasetFigures;
    log(
      `seeded ${dataset.totalRows.toLocaleString('en')} rows in ${dataset.seedSeconds} s (${dataset.rowsPerSecond.toLocaleString('en')} rows/s), VACUUM ANALYZE ${dataset.vacuumSeconds} s`,
    );

    const jwtSecret = randomBytes(32).toString('hex');
    const appEnv = {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      REDIS_URL: redisUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: 'bench',
      JWT_SECRET: jwtSecret,
      DATA_DIR: join(workDir, 'app-data'),
      LOG_LEVEL: options.logLevel,
    };
    let apps = [];
    const startApps = async (label) => {
      await stopApps();
      const profileDir = options.profile ? join(profileRoot, label) : undefined;
      apps = await Promise.all(
        ['app-a', 'app-b'].map((name) => services.startApp({ name, env: appEnv, logDir: workDir, profileDir })),
      );
      apps.forEach((app) => meter.track(app.name, app.pid));
      return apps;
    };
    const stopApps = async () => {
      for (const app of apps) {
        await app.stop();
        meter.untrack(app.name);
      }
      apps = [];
    };
    cleanups.push(stopApps);
    await startApps('index');
    log(`app instances at ${apps.map((a) => a.url).join(', ')}`);

    if (phases.has('index')) {
      log('indexing through the outbox…');
      results.indexing = await phase('index', () => indexAll({ dbUrl: db.url, meili, log }));
      log(
        `indexed ${results.indexing.documents.toLocaleString('en')} documents in ${results.indexing.seconds} s (${results.indexing.documentsPerSecond.toLocaleString('en')} docs/s)`,
      );
    }

    // Viewers: ordinary members from the second half of the people (the first half holds admins
    // and chat users). A pool of up to 60: the app limits search to 120 requests a minute per person,
    // so the search load is spread over the pool; the feed uses the first `--viewers` of them.
    const half = Math.floor(users.length / 2);
    const span = users.length - half;
    const poolIndexes = [...new Set(Array.from({ length: Math.min(60, span) }, (_, k) => half + ((k * 37) % span)))];
    const poolTokens = await tokensFor({
      dbUrl: db.url,
      appUrl: apps[0].url,
      jwtSecret,
      userIds: poolIndexes.map((i) => users[i]),
      emailOf: (i) => `user${poolIndexes[i]}@bench.maillage.test`,
      password: PASSWORD,
      log,
    });
    const pool = poolIndexes.map((i, k) => ({ id: users[i], token: poolTokens[k] }));
    const viewers = pool.slice(0, Math.max(1, options.viewers));

    if (phases.has('feed')) {
      if (options.profile) await startApps('feed');
      log('feed…');
      const feedSize = await feedSizes(db.url, viewers);
      const deepPage = Math.max(2, Math.min(500, Math.floor(feedSize / 20)));
      results.feed = await phase('feed', () =>
        measureFeed({
          apps,
          viewers,
          deepPage,
          dbUrl: db.url,
          options,
          log,
          meter,
          startBareHttp: async (body) => {
            const bodyFile = join(workDir, 'feed-body.json');
            writeFileSync(bodyFile, body);
            const out = [];
            for (const name of ['bare-http-a', 'bare-http-b']) {
              const b = await services.startBaseline({
                script: 'bare-http.js',
                name,
                env: { BODY_FILE: bodyFile },
                logDir: workDir,
              });
              meter.track(b.name, b.pid);
              out.push(b);
            }
            return out;
          },
        }),
      );
    }

    if (phases.has('lag')) {
      log('write → searchable lag…');
      // Writers post in a PUBLIC group of theirs (so every searcher may find it), in turn: the app
      // limits posting to 30 a minute per person.
      const client = new Client({ connectionString: db.url });
      await client.connect();
      const writers = [];
      for (const person of pool.slice(0, 10)) {
        const { rows } = await client.query(
          `SELECT m.group_id FROM group_memberships m JOIN groups g ON g.id = m.group_id
            WHERE m.user_id = $1 AND g.visibility = 'PUBLIC' LIMIT 1`,
          [person.id],
        );
        if (rows[0]) writers.push({ token: person.token, groupId: rows[0].group_id });
      }
      await client.end();
      results.lag = await phase('lag', () =>
        measureLag({
          apps,
          writers,
          searchers: pool,
          samples: options.lagSamples,
          runs: options.runs,
          log,
          meili,
          prefix: 'bench',
        }),
      );
    }

    if (phases.has('search')) {
      if (options.profile) await startApps('search');
      log('search…');
      results.search = await phase('search', () =>
        measureSearch({ apps, viewers: pool, dbUrl: db.url, meili, prefix: 'bench', options, log, meter }),
      );
    }

    if (phases.has('heavy')) {
      log('feed of viewers with many groups (one instance)…');
      const [adminToken] = await tokensFor({
        dbUrl: db.url,
        appUrl: apps[0].url,
        jwtSecret,
        userIds: [users[0]],
        emailOf: () => 'user0@bench.maillage.test',
        password: PASSWORD,
        log,
      });
      results.heavy = await phase('heavy', () =>
        measureHeavyViewers({
          apps,
          dbUrl: db.url,
          ordinary: viewers,
          // The heavy viewers come from the end of the pool (not the feed's or search's first viewers).
          spare: pool.slice(-9),
          federationAdmin: { id: users[0], token: adminToken },
          options,
          log,
        }),
      );
    }

    if (phases.has('mixed')) {
      // One instance with the event-loop probe preloaded (bench/lib/loop-probe.js), nothing else running.
      await stopApps();
      const probeFile = join(workDir, 'mixed-loop.jsonl');
      const single = await services.startApp({
        name: 'app-mixed',
        env: { ...appEnv, LOOP_PROBE_FILE: probeFile },
        logDir: workDir,
        preload: join(__dirname, 'lib', 'loop-probe.js'),
      });
      meter.track(single.name, single.pid);
      try {
        const pairs = chatPairs.slice(0, 10);
        const chatTokens = await tokensFor({
          dbUrl: db.url,
          appUrl: single.url,
          jwtSecret,
          userIds: pairs.map((p) => p.a),
          emailOf: (i) => `user${2 * i}@bench.maillage.test`,
          password: PASSWORD,
          log,
        });
        log('mixed load on one instance…');
        results.mixed = await phase('mixed', () =>
          measureMixed({
            app: single,
            probeFile,
            viewers,
            searchers: pool,
            chatters: pairs.map((p, i) => ({ token: chatTokens[i], conversationId: p.conversationId })),
            options,
            log,
          }),
        );
      } finally {
        await single.stop();
        meter.untrack(single.name);
      }
    }

    if (phases.has('chat')) {
      // Fresh instances: the memory per socket is measured from an instance that holds nothing else.
      await startApps('chat');
      const pairs = chatPairs.slice(0, Math.floor(dataset.size.sockets / 2));
      log(`chat: ${pairs.length * 2} sockets…`);
      const pairUserIds = pairs.flatMap((p) => [p.a, p.b]);
      const socketTokens = await tokensFor({
        dbUrl: db.url,
        appUrl: apps[0].url,
        jwtSecret,
        userIds: pairUserIds,
        emailOf: (i) => `user${i}@bench.maillage.test`,
        password: PASSWORD,
        log,
      });
      const tokenOf = new Map(pairUserIds.map((id, i) => [id, socketTokens[i]]));
      results.chat = {};
      results.chat.app = await phase('chat', () =>
        measureChat({
          label: 'app',
          urls: apps.map((a) => a.url),
          pids: apps.map((a) => a.pid),
          pairs,
          auth: (userId) => ({ token: tokenOf.get(userId) }),
          extraPayload: () => ({}),
          dbUrl: db.url,
          options,
          log,
          meter,
        }),
      );
      // The app instances stop here: the baseline runs alone, as they did.
      await stopApps();
      const echo = [];
      for (const name of ['echo-a', 'echo-b']) {
        const e = await services.startBaseline({
          script: 'socketio-echo.js',
          name,
          env: { REDIS_URL: redisUrl, ECHO_KEY: stamp },
          logDir: workDir,
        });
        meter.track(e.name, e.pid);
        echo.push(e);
      }
      try {
        results.chat.echo = await phase('chat baseline', () =>
          measureChat({
            label: 'echo baseline',
            urls: echo.map((e) => e.url),
            pids: echo.map((e) => e.pid),
            pairs,
            auth: (userId) => ({ userId }),
            extraPayload: (to) => ({ to }),
            options,
            log,
            meter,
          }),
        );
      } finally {
        for (const e of echo) {
          await e.stop();
          meter.untrack(e.name);
        }
      }
    }

    await stopApps();
    if (options.profile && existsSync(profileRoot)) {
      results.profiles = {};
      for (const label of require('node:fs').readdirSync(profileRoot)) {
        for (const file of require('node:fs').readdirSync(join(profileRoot, label))) {
          if (file.endsWith('.cpuprofile'))
            results.profiles[`${label}/${file}`] = summarizeProfile(join(profileRoot, label, file));
        }
      }
    }
  } finally {
    if (!interrupted)
      for (const cleanup of [...cleanups].reverse())
        await cleanup().catch((err) => log(`cleanup failed: ${err.message}`));
    // Meilisearch's data can weigh gigabytes: always gone. The logs stay when something failed.
    rmSync(join(workDir, 'meilisearch'), { recursive: true, force: true });
  }
  rmSync(workDir, { recursive: true, force: true });

  results.totalSeconds = Number(((performance.now() - started) / 1000).toFixed(1));
  const file = join(args.out, `${stamp}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  const report = markdownReport(results);
  writeFileSync(join(args.out, `${stamp}.md`), `${report}\n`);
  process.stdout.write(`\n${report}\n\nResults: ${file}\n`);
}

/** The median number of posts in the viewers' feeds (what the deep page can reach). */
async function feedSizes(dbUrl, viewers) {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    const sizes = [];
    for (const viewer of viewers) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM posts p WHERE p.deleted_at IS NULL AND p.group_id IN (
           SELECT group_id FROM group_memberships WHERE user_id = $1
           UNION SELECT group_id FROM group_follows WHERE user_id = $1
           UNION SELECT g.id FROM groups g JOIN organization_follows f ON f.organization_id = g.organization_id
                  WHERE f.user_id = $1 AND g.visibility = 'PUBLIC')`,
        [viewer.id],
      );
      sizes.push(rows[0].n);
    }
    sizes.sort((a, b) => a - b);
    return sizes[Math.floor(sizes.length / 2)];
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(
      `benchmark failed: ${err.stack ?? err}\n(app and baseline logs are kept under ${join(os.tmpdir(), 'maillage-bench-*')})\n`,
    );
    process.exit(1);
  },
);
