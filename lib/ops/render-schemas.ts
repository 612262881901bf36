/**
 * Renders prisma/schema.template.prisma into one schema per provider.
 * Run after editing the template: `npm run db:schemas`.
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PROVIDERS, schemaPath } from "../db/providers";

const HEADER = "// Generated from prisma/schema.template.prisma by `npm run db:schemas`. Do not edit.\n\n";

const template = readFileSync("prisma/schema.template.prisma", "utf8");
for (const provider of PROVIDERS) {
  const out = schemaPath(provider);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, HEADER + template.replaceAll("{{provider}}", provider));
  console.log(`wrote ${out}`);
}
