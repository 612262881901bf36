/** npm run docs:access-matrix — writes the access matrix table into README.md between its markers. */
import { readFileSync, writeFileSync } from "node:fs";
import { renderAccessMatrix, withAccessMatrix } from "@/lib/testing/access-matrix-table";

const path = new URL("../../README.md", import.meta.url);
const before = readFileSync(path, "utf8");
const after = withAccessMatrix(before, renderAccessMatrix());
if (after !== before) writeFileSync(path, after);
console.log(after === before ? "README.md: access matrix already up to date" : "README.md: access matrix written");
