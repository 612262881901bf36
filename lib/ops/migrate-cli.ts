import { migrate } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/db/url";

migrate(databaseUrl())
  .then((applied) => console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date"))
  .catch((err: Error) => {
    console.error(`migrate: ${err.message}`);
    process.exit(1);
  });
