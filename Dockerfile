# Lightstick in a container: built with the dev dependencies and the native compile of
# better-sqlite3, run with the production dependencies only, as the unprivileged `node` user, with
# the database on the /data volume. `node` itself is the main process, so it receives SIGTERM
# from `docker stop` and stops cleanly within SHUTDOWN_DEADLINE_MS.
# test/hosting/clean-install.e2e.test.ts runs these same steps in a clean folder (see README).
# Node 22: on Node 24.19+, better-sqlite3 12 can abort when a statement is garbage-collected (README).
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
COPY db ./db
RUN npm run build -- --clean \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim AS run
ENV NODE_ENV=production \
    DATABASE_PATH=/data/lightstick.sqlite \
    HEALTH_HOST=0.0.0.0 \
    HEALTH_PORT=8080
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY db/migrations ./db/migrations
COPY seeds ./seeds
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
