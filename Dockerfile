# syntax=docker/dockerfile:1
# jsev-bot's production image: docker build -t jsev-bot . && docker run --env-file .env -p 3000:3000 jsev-bot
# test/deploy/dockerfile-recipe.test.ts reads this file and performs its COPY, RUN, ENV, HEALTHCHECK and
# CMD steps in a temporary folder on every `npm test`; keep one instruction per line (continuations are fine).

# Node 26 is the Active LTS line (since 2026-10-28); .ci/run also runs the tests on this major, since
# word breaks come from the runtime's ICU data.
ARG NODE_VERSION=26

FROM node:${NODE_VERSION}-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY adapters ./adapters
# The build also writes dist/corpus.snapshot.json, the parsed corpus that start-up reads instead of
# parsing the YAML (used only while the runtime's corpus/ hashes the same as this one).
COPY corpus ./corpus
RUN npm run build

FROM node:${NODE_VERSION}-slim AS runtime
ENV NODE_ENV=production
ENV PORT=3000
# Bounds V8's heap (live data stays near 50 MB): without a bound V8 keeps the heap a burst grew, and
# RSS passed 300 MB after 20,000 mixed requests (docs/reliability.md, Load). `-e NODE_OPTIONS=…`
# replaces it (npm run start:prod sets the same bounds).
ENV NODE_OPTIONS="--max-old-space-size=192 --max-semi-space-size=4"
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only, no install scripts; the npm cache stays in the build cache, not the image.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY corpus ./corpus
# Files stay root-owned and read-only to the app; it runs as the image's unprivileged node user.
USER node
EXPOSE 3000
# slim images have no curl: Node itself asks /healthz (200 while serving, 503 once draining).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Node runs as PID 1 and handles SIGTERM itself (adapters/main.ts drains, then exits 0); it starts
# no child processes, so no init is needed to reap them (`docker run --init` adds tini if you prefer).
CMD ["node", "dist/adapters/main.js"]
