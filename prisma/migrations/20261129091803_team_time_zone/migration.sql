-- Each team judges its calendar days in its own IANA time zone. Existing
-- teams keep UTC, the zone every day was judged in until now, so no stored
-- day or expiry changes meaning.
ALTER TABLE "team" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'UTC';
