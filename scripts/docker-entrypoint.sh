#!/bin/sh
# Container start-up: apply pending migrations, then serve. The same order as
# `npm start` (scripts/start.mjs), which the test suite exercises.
set -e
NODE_OPTIONS="--require ./scripts/prisma-unref-timers.cjs" node node_modules/prisma/build/index.js migrate deploy
exec node server.js
