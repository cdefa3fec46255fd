// Writes the REST API's OpenAPI document to a file (for `redocly lint` in
// `npm test`, or for client generators): npm run api:openapi -- <file>
import { writeFileSync } from "node:fs";
import { openApiDocument } from "@/lib/server/api/openapi";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run api:openapi -- <file>");
  process.exit(2);
}
writeFileSync(file, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.error(`Wrote ${file}`);
