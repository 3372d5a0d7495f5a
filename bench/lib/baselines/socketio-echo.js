'use strict';
// Baseline: a bare Socket.io server with the same topology as the app (instances joined by the
// Redis adapter, one room per user): `message:send` is acknowledged and emitted to the sender's
// and the recipient's rooms. No auth check, no validation, no database, no rate limit.
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const Redis = require('ioredis');

const server = http.createServer((req, res) => {
  if (req.url === '/ready') res.end('ok');
  else {
    res.statusCode = 404;
    res.end();
  }
});
const io = new Server(server, { path: '/socket.io', maxHttpBufferSize: 64 * 1024 });
const pub = new Redis(process.env.REDIS_URL);
const sub = pub.duplicate();
io.adapter(createAdapter(pub, sub, { key: `maillage-bench-echo-${process.env.ECHO_KEY ?? 'x'}` }));
io.use((socket, next) => {
  const userId = socket.handshake.auth?.userId;
  if (typeof userId !== 'string') return next(new Error('UNAUTHENTICATED'));
  socket.data.userId = userId;
  next();
});
io.on('connection', (socket) => {
  void socket.join(`user:${socket.data.userId}`);
  socket.on('message:send', (payload, ack) => {
    const message = {
      id: randomUUID(),
      conversationId: payload.conversationId,
      body: payload.body,
      clientId: payload.clientId,
      seq: 0,
      createdAt: new Date().toISOString(),
      senderId: socket.data.userId,
    };
    if (typeof ack === 'function') ack({ ok: true, message });
    io.to([`user:${payload.to}`, `user:${socket.data.userId}`]).emit('message:new', message);
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  io.close();
  pub.disconnect();
  sub.disconnect();
  process.exit(0);
});
