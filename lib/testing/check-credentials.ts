/** Runs the sign-in check from a separate process (another app instance on the same database): `tsx lib/testing/check-credentials.ts EMAIL PASSWORD ADDRESS`. */
import { verifyCredentials } from "@/lib/auth/verify-credentials";

const [email, password, address] = process.argv.slice(2);
verifyCredentials({ email, password }, address).then(
  (r) => process.stdout.write(JSON.stringify(r) + "\n", () => process.exit(0)),
  (err: Error) => process.stderr.write(`${err.stack}\n`, () => process.exit(1)),
);
