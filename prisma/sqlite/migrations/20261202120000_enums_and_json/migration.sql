-- Closed sets become Prisma enums and JSON-in-text columns Json (see the
-- PostgreSQL migration of the same name). On SQLite Prisma keeps an enum in
-- a TEXT column and reads and writes Json as JSON text, which is what these
-- columns already hold; `prisma migrate diff` would redefine the tables
-- (Json as JSONB), and a redefinition cascade-deletes rows through the
-- foreign keys, so nothing changes here. The migration exists so both
-- providers list the same migrations.
SELECT 1;
