'use strict';
// Access tokens for many benchmark users at once. Logging 5,000 people in would cost 5,000 argon2
// verifications (minutes of CPU) and measure login, not chat; so the benchmark opens their
// sessions in SQL and signs tokens with the app's own signer and secret, exactly as login does.
// If that ever stops matching the server (checked with `me`), it falls back to real logins.
const { randomUUID } = require('node:crypto');
const { join } = require('node:path');
const { Client } = require('pg');
const { DIST } = require('./services');
const { graphql } = require('./http');

async function openSessions(dbUrl, userIds) {
  const sessionIds = userIds.map(() => randomUUID());
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  try {
    for (let i = 0; i < userIds.length; i += 10_000) {
      await client.query(
        `INSERT INTO sessions (id, user_id, user_agent) SELECT s, u, 'maillage-bench' FROM unnest($1::uuid[], $2::uuid[]) AS t(s, u)`,
        [sessionIds.slice(i, i + 10_000), userIds.slice(i, i + 10_000)],
      );
    }
  } finally {
    await client.end();
  }
  return sessionIds;
}

function signer(jwtSecret) {
  try {
    const { AccessTokens } = require(join(DIST, 'modules', 'auth', 'access-tokens.js'));
    const tokens = new AccessTokens(jwtSecret);
    return (claims) => tokens.sign(claims);
  } catch {
    const jwt = require('jsonwebtoken');
    return ({ sub, sid }) =>
      jwt.sign({ sid, typ: 'access' }, jwtSecret, {
        algorithm: 'HS256',
        subject: sub,
        expiresIn: 900,
        jwtid: randomUUID(),
      });
  }
}

/** Tokens for these users (same order); `emailOf(i)` and `password` serve the login fallback. */
async function tokensFor({ dbUrl, appUrl, jwtSecret, userIds, emailOf, password, log }) {
  const sessionIds = await openSessions(dbUrl, userIds);
  const sign = signer(jwtSecret);
  const tokens = userIds.map((sub, i) => sign({ sub, sid: sessionIds[i] }));
  const check = await graphql(appUrl, '{ me { id } }', {}, tokens[0]).catch(() => undefined);
  if (check?.data?.me?.id === userIds[0]) return tokens;
  log('  minted tokens are refused by the server: logging in through GraphQL instead (slow)');
  const out = [];
  for (let i = 0; i < userIds.length; i++) {
    const res = await graphql(
      appUrl,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      {
        e: emailOf(i),
        p: password,
      },
    );
    if (!res.data?.login) throw new Error(`login failed for ${emailOf(i)}: ${JSON.stringify(res.errors)}`);
    out.push(res.data.login.accessToken);
  }
  return out;
}

module.exports = { tokensFor };
