// Driver adapter used only by the Prisma CLI (migrate deploy/dev/status/diff).
// It fixes two gaps of @prisma/adapter-pg when it drives the WebAssembly schema
// engine; see docs/adr/0001-prisma-wasm-schema-engine.md.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse } from "pg-connection-string";

const PG_CHAR_OID = 18; // PostgreSQL's internal one-byte "char" (pg_constraint.contype …)
const PG_TEXT_OID = 25;

type Queryable = { performIO(query: unknown): Promise<pg.QueryResult> };

// The schema engine reads catalogue columns of type "char", which the adapter
// cannot map; they are plain text for every purpose the engine has.
function reportCharAsText(queryable: Queryable): void {
  const performIO = queryable.performIO.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    for (const field of result?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return result;
  };
}

function withCharAsText<A extends object>(adapter: A): A {
  reportCharAsText(adapter as unknown as Queryable);
  const withTransactions = adapter as unknown as { startTransaction?: (...args: unknown[]) => Promise<unknown> };
  const start = withTransactions.startTransaction?.bind(adapter);
  if (start) {
    withTransactions.startTransaction = async (...args: unknown[]) => {
      const tx = await start(...args);
      reportCharAsText(tx as Queryable);
      return tx;
    };
  }
  return adapter;
}

class CliPrismaPg extends PrismaPg {
  private readonly fields: pg.PoolConfig;

  constructor(fields: pg.PoolConfig) {
    // Built from separate fields (not a connection string) so that the shadow
    // database override below actually takes effect.
    super(fields);
    this.fields = fields;
  }

  override async connect() {
    return withCharAsText(await super.connect());
  }

  override async connectToShadowDb() {
    const admin = await super.connect();
    const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadowPool = new pg.Pool({ ...this.fields, database });
    const shadow = new PrismaPg(shadowPool, { disposeExternalPool: true });
    const adapter = withCharAsText(await shadow.connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      // Close the shadow pool first: PostgreSQL refuses to drop a database
      // that still has connections.
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.dispose();
    };
    return adapter;
  }
}

export function createCliAdapter(connectionString: string) {
  const url = parse(connectionString);
  return new CliPrismaPg({
    host: url.host ?? undefined,
    port: url.port ? Number(url.port) : undefined,
    user: url.user,
    password: url.password,
    database: url.database ?? undefined,
    ssl: url.ssl ? (url.ssl as pg.PoolConfig["ssl"]) : undefined,
    // The CLI does not always dispose the adapter; idle pooled connections
    // would otherwise keep the process alive for pg's 10 s idle timeout.
    allowExitOnIdle: true,
  });
}
