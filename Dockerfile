# Lightstick in a container: built with the dev dependencies, run with the production dependencies
# only, as the unprivileged `node` user, with the database on the /data volume. `node` itself is the
# main process, so it receives SIGTERM from `docker stop` and stops cleanly within SHUTDOWN_DEADLINE_MS.
# .ci/dockerfile-steps.ts runs these steps as written in clean folders, and
# test/hosting/clean-install.e2e.test.ts a network-free version of them (see README).
# Node 24, the current LTS.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# No compiler, python or make: better-sqlite3 13 ships prebuilt N-API binaries for linux x64 and
# arm64 (glibc 2.34 or later; bookworm has 2.36) inside its package, and @napi-rs/canvas, esbuild and
# rollup come as prebuilt platform packages. --ignore-scripts because `npm ci` still runs node-gyp
# for a package with a binding.gyp (where `npm install` does not), which needs python3 and make
# even though it builds nothing when the prebuilt binary fits; the only other install scripts are
# esbuild's, which only check its binary.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts --no-audit --no-fund
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
