# syntax=docker/dockerfile:1

# ---- build: install with the toolchain: `npm ci` compiles the parser addon (src/native/) ----
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# The install script builds src/native/ against tree-sitter's C sources from node_modules.
COPY src/native/binding.gyp src/native/flat-tree.c ./src/native/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY checks ./checks
# `npm run build` also copies the AWS API tables (src/aws/*.json) beside the compiled modules.
RUN npm run build \
  && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: compiled app, production dependencies (with their native binaries), non-root ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    LOG_FORMAT=json \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/src/native/build/Release/flat_tree.node ./src/native/build/Release/
COPY --chown=node:node app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# npm forwards `docker stop`'s SIGTERM to the start script, which `exec`s node (Debian's sh would
# otherwise die with it and node would never hear it), so running reviews end with a completed
# check run. Run with `docker run --init` for a PID 1 that reaps and forwards signals.
CMD ["npm", "start"]
