# syntax=docker/dockerfile:1
# Maillage: production image. Build: `docker build -t maillage .` (or `docker compose up`, see docker-compose.yml).

# ---- build: install every dependency, compile the server and the web client, then drop dev dependencies ----
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# nest-cli*.json: the wildcard keeps the build working if that (optional) file is ever removed.
COPY tsconfig*.json nest-cli*.json ./
COPY src/ ./src/
COPY scripts/ ./scripts/
# The web client (web/ → web/dist, compressed and within its size budget), typed against schema.gql.
COPY schema.gql ./
COPY web/ ./web/
RUN npm run build && npm prune --omit=dev

# ---- runtime: compiled code and production dependencies only, as the unprivileged `node` user ----
FROM node:22-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Code stays owned by root: the node user can read it but not rewrite it.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/scripts ./scripts
# DATA_DIR (default .data, relative to /app): generated files. A named volume mounted here
# starts with this directory's ownership, so the node user can write to it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# Slim images have no curl: ask node itself (global fetch, Node >= 18).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/live').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
