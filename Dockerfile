# syntax=docker/dockerfile:1
# Shipshape container image: Next's standalone output, run as a non-root user.
# At start it applies pending migrations, then serves (see docker-compose.yml).
# The `shipshape` CLI is on the PATH: `docker compose exec app shipshape help`,
# or `docker run --rm --entrypoint shipshape <image> evidence add …` in CI.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
# No dependency's install scripts: as npm 11 does by default (package.json's
# allowScripts), and some would download at build time or need a compiler
# (pg-native, pulled in by the HTTP Observatory library and never loaded).
# Prisma's client is generated below.
RUN npm install --no-audit --no-fund --ignore-scripts
# The security-headers check's HSTS preload list: an empty one, written
# here rather than downloaded (docs/adr/0031).
COPY scripts/observatory-preload-list.mjs ./scripts/
RUN node scripts/observatory-preload-list.mjs
# The PDF reports read their fonts from node_modules (lib/server/report/pdf-fonts.ts),
# regular and bold only: the font packages' other weights and previews (~170 MB) go.
RUN find node_modules/@expo-google-fonts -type f \( -name '*.png' -o \( -name '*.ttf' ! -name '*_400Regular.ttf' ! -name '*_700Bold.ttf' \) \) -delete

FROM deps AS build
COPY . .
ENV NEXT_OUTPUT=standalone NODE_ENV=production
RUN npx prisma generate && npx next build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
RUN groupadd --system shipshape && useradd --system --gid shipshape --home /app shipshape
# Where `shipshape backup --out /backups/…` writes (docs/operations.md). A
# volume mounted here takes this owner, so the non-root user can write to it.
RUN mkdir -p /backups && chown shipshape:shipshape /backups && chmod 0700 /backups
COPY --from=build --chown=shipshape:shipshape /app/.next/standalone ./
COPY --from=build --chown=shipshape:shipshape /app/.next/static ./.next/static
COPY --from=build --chown=shipshape:shipshape /app/public ./public
# What `prisma migrate deploy` needs at start-up.
COPY --from=build --chown=shipshape:shipshape /app/prisma ./prisma
COPY --from=build --chown=shipshape:shipshape /app/prisma.config.ts ./
COPY --from=build --chown=shipshape:shipshape /app/scripts ./scripts
# What the CLI runs (TypeScript through tsx, a runtime dependency).
COPY --from=build --chown=shipshape:shipshape /app/lib ./lib
COPY --from=build --chown=shipshape:shipshape /app/generated ./generated
COPY --from=build --chown=shipshape:shipshape /app/tsconfig.json ./
COPY --from=deps --chown=shipshape:shipshape /app/node_modules ./node_modules
RUN ln -s /app/scripts/shipshape.mjs /usr/local/bin/shipshape
USER shipshape
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["sh", "scripts/docker-entrypoint.sh"]
