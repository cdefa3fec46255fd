#!/bin/sh
# Container start-up: apply pending migrations, load the built-in catalogue,
# then serve. The same order as `npm start` (scripts/start.mjs), which the test suite exercises.
set -e
NODE_OPTIONS="--require ./scripts/prisma-unref-timers.cjs" node node_modules/prisma/build/index.js migrate deploy
node prisma/seed.mjs
# The server preload gives Shipshape the real client address (ADR 0021) and
# request metrics (ADR 0027).
exec node --require ./scripts/server-preload.cjs server.js
