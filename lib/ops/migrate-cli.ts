import { migrate } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/db/url";
import { runScript } from "./run-script";

runScript(
  async () => {
    const applied = await migrate(databaseUrl());
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  },
  { label: "migrate" },
);
