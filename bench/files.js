#!/usr/bin/env node
'use strict';
// `npm run bench:files`: files on the local disk. Measures (1) upload and download of a 20 MB file
// in MB/s against a bare disk copy of the same file (the baseline), (2) the server's resident
// memory while 10 uploads of 20 MB run at once (streaming: it should barely move), and (3) how
// long re-encoding a 12-megapixel photo and making its thumbnail takes. See BENCHMARKS.md.
const { copyFileSync, mkdtempSync, openAsBlob, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { randomBytes } = require('node:crypto');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');
const sharp = require('sharp');
const services = require('./lib/services');
const { graphql } = require('./lib/http');
const { round } = require('./lib/stats');

const { values: args } = parseArgs({
  options: { mb: { type: 'string', default: '20' }, runs: { type: 'string', default: '5' } },
});
const log = (...parts) => console.log(`[bench:files ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function upload(url, token, path, name) {
  const form = new FormData();
  form.append('file', await openAsBlob(path), name);
  const res = await fetch(`${url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function main() {
  const mb = Number(args.mb);
  const runs = Number(args.runs);
  const work = mkdtempSync(join(tmpdir(), 'maillage-bench-files-'));
  const file = join(work, 'rapport.pdf');
  writeFileSync(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(mb * 1024 * 1024 - 9)]));
  const pg = await services.postgresServer(log);
  const db = await services.createBenchDatabase(pg.url);
  const dataDir = join(work, 'data');
  const admin = { email: 'admin@bench.test', password: 'bench-password-2026' };
  const app = await services.startApp({
    name: 'files',
    logDir: work,
    env: {
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123456789',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_SCALE: '100000',
      MAX_UPLOAD_MB: String(mb * 2),
      BOOTSTRAP_FEDERATION_NAME: 'Fédération du banc',
      BOOTSTRAP_ADMIN_EMAIL: admin.email,
      BOOTSTRAP_ADMIN_PASSWORD: admin.password,
      ...(process.env.MEILI_URL ? { MEILI_URL: process.env.MEILI_URL } : {}),
    },
  });
  const results = {};
  try {
    const login = await graphql(
      app.url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: admin.email, p: admin.password },
    );
    const token = login.data.login.accessToken;

    const copies = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      copyFileSync(file, join(work, `copy-${i}`));
      copies.push(performance.now() - started);
    }
    const uploads = [];
    const downloads = [];
    for (let i = 0; i < runs; i++) {
      let started = performance.now();
      const answer = await upload(app.url, token, file, `rapport-${i}.pdf`);
      uploads.push(performance.now() - started);
      started = performance.now();
      const res = await fetch(`${app.url}${answer.url}`);
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length;
      downloads.push(performance.now() - started);
      if (bytes !== answer.size) throw new Error(`downloaded ${bytes} of ${answer.size} bytes`);
    }
    const rate = (ms) => round(mb / (ms / 1000));
    results.throughput = {
      fileMb: mb,
      diskCopyMbPerS: rate(median(copies)),
      uploadMbPerS: rate(median(uploads)),
      downloadMbPerS: rate(median(downloads)),
    };
    log(results.throughput);

    const idle = rssMb(app.pid);
    let peak = idle;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(app.pid))), 20);
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => upload(app.url, token, file, `parallèle-${i}.pdf`)));
    clearInterval(sampler);
    results.concurrentUploads = {
      uploads: 10,
      totalMb: 10 * mb,
      seconds: round((performance.now() - started) / 1000),
      rssBeforeMb: round(idle),
      rssPeakMb: round(peak),
    };
    log(results.concurrentUploads);

    const { reencodeImage } = require(join(services.DIST, 'modules', 'files', 'images.js'));
    const photo = join(work, 'photo.jpg');
    await sharp({ create: { width: 4000, height: 3000, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg({ quality: 90 })
      .withExif({ IFD0: { Model: 'Bench' } })
      .toFile(photo);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await reencodeImage(photo, 'image/jpeg', join(work, `clean-${i}.jpg`));
      times.push(performance.now() - t0);
    }
    results.image = { megapixels: 12, reencodeAndThumbnailMsMedian: round(median(times)) };
    log(results.image);
    console.log(JSON.stringify(results, null, 2));
  } finally {
    await app.stop();
    await db.drop();
    await pg.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
