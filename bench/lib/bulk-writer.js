'use strict';
// Multi-row inserts, fast: each batch is one `INSERT … SELECT FROM unnest($1::type[], …)` statement
// (one round trip, one parse, thousands of rows), spread over a few connections so that PostgreSQL
// inserts one batch while Node builds the next.
const { Client } = require('pg');

class BulkWriter {
  static async open(url, connections = 2) {
    const clients = [];
    for (let i = 0; i < connections; i++) {
      const client = new Client({ connectionString: url });
      await client.connect();
      // A benchmark seed may lose its last second on a crash: it is rebuilt, never recovered.
      await client.query('SET synchronous_commit = off');
      clients.push(client);
    }
    return new BulkWriter(clients);
  }

  constructor(clients) {
    this.clients = clients;
    this.idle = [...clients];
    this.waiters = [];
    this.pending = new Set();
    this.error = undefined;
    this.rowsByTable = {};
  }

  acquire() {
    if (this.idle.length) return Promise.resolve(this.idle.pop());
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  release(client) {
    const waiter = this.waiters.shift();
    if (waiter) waiter(client);
    else this.idle.push(client);
  }

  /**
   * Queues one batch. `columns` is [[name, type], …]; `data` one array per column. A column of an
   * array type (text[]) travels as the text of each array literal, cast per row.
   */
  async insert(table, columns, data) {
    if (this.error) throw this.error;
    const rows = data[0].length;
    if (rows === 0) return;
    const params = columns.map(([, type], i) => (type.endsWith('[]') ? `$${i + 1}::text[]` : `$${i + 1}::${type}[]`));
    const names = columns.map(([name]) => name);
    const select = columns.map(([name, type]) => (type.endsWith('[]') ? `${name}::${type}` : name));
    const sql = `INSERT INTO ${table} (${names.join(', ')})
                 SELECT ${select.join(', ')} FROM unnest(${params.join(', ')}) AS t(${names.join(', ')})`;
    const client = await this.acquire();
    const done = client
      .query(sql, data)
      .then(() => {
        this.rowsByTable[table] = (this.rowsByTable[table] ?? 0) + rows;
      })
      .catch((err) => {
        this.error ??= new Error(`insert into ${table} failed: ${err.message}`);
      })
      .finally(() => {
        this.release(client);
        this.pending.delete(done);
      });
    this.pending.add(done);
  }

  async flush() {
    while (this.pending.size) await Promise.all([...this.pending]);
    if (this.error) throw this.error;
  }

  query(sql, params) {
    return this.clients[0].query(sql, params);
  }

  async close() {
    await this.flush().catch(() => undefined);
    for (const client of this.clients) await client.end().catch(() => undefined);
  }
}

/** Collects rows column-wise and hands a full batch to the writer. */
class Batch {
  constructor(writer, table, columns, size = 5000) {
    this.writer = writer;
    this.table = table;
    this.columns = columns;
    this.size = size;
    this.reset();
  }

  reset() {
    this.data = this.columns.map(() => []);
  }

  /** Adds a row; true when the batch is full and should be sent (`await batch.send()`). */
  push(...values) {
    for (let i = 0; i < values.length; i++) this.data[i].push(values[i]);
    return this.data[0].length >= this.size;
  }

  async send() {
    const data = this.data;
    this.reset();
    await this.writer.insert(this.table, this.columns, data);
  }
}

/** A PostgreSQL array literal of text values (for text[] columns sent through unnest). */
const arrayLiteral = (values) => `{${values.map((v) => `"${String(v).replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;

module.exports = { BulkWriter, Batch, arrayLiteral };
