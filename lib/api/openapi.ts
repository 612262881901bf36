/** The OpenAPI 3.1 document of /api/v1, built from the operation registry (./operations.ts) and its zod schemas. */
import { z } from "zod";
import { API_OPERATIONS, pathParams, type ApiOperation } from "./operations";

type JsonSchema = Record<string, unknown>;

/** What a client sends (defaults optional, transforms seen from the input side); checks zod cannot express are left out. */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return json;
}

export type QueryParameter = { name: string; required: boolean; schema: JsonSchema; description?: string };

export function queryParameters(op: ApiOperation): QueryParameter[] {
  if (!op.query) return [];
  const json = inputSchema(op.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema as JsonSchema & { description?: string };
    return { name, required: json.required?.includes(name) ?? false, schema: rest, ...(description ? { description } : {}) };
  });
}

export const operationId = (op: Pick<ApiOperation, "method" | "path">) =>
  op.method.toLowerCase() +
  op.path
    .replace(/^\/api\/v1/, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");

const ERROR_SCHEMA = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
    },
  },
};

const LIST_SCHEMA = {
  type: "object",
  required: ["items", "nextCursor"],
  properties: { items: { type: "array", items: {} }, nextCursor: { type: ["string", "null"] } },
};

function successContent(op: ApiOperation) {
  if (op.status === 204) return undefined;
  if (op.produces) return { [op.produces]: { schema: op.produces.startsWith("text/") ? { type: "string" } : {} } };
  return { "application/json": { schema: op.list ? { $ref: "#/components/schemas/ListPage" } : { type: "object" } } };
}

function operationObject(op: ApiOperation) {
  const parameters = [
    ...pathParams(op.path).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
    ...queryParameters(op).map((q) => ({ in: "query", ...q })),
  ];
  const content = successContent(op);
  return {
    operationId: operationId(op),
    tags: [op.tag],
    summary: op.summary,
    description: `${op.response}\n\nWho: ${op.roles}.`,
    "x-roles": op.roles,
    ...(op.public ? { security: [] } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: !op.bodyOptional, content: { "application/json": { schema: inputSchema(op.body) } } } }
      : op.rawBody
        ? {
            requestBody: {
              required: true,
              description: op.rawBody.description,
              content: { [op.rawBody.contentType]: { schema: {} }, "application/octet-stream": { schema: {} } },
            },
          }
        : {}),
    responses: {
      [String(op.status)]: { description: op.response, ...(content ? { content } : {}) },
      default: {
        description: "An error: 400, 401, 403, 404, 409, 413, 415, 422 or 429",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      },
    },
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Marginalia REST API",
      version: "1",
      description: 'Annotation workbench API. Errors are always {"error":{"code","message"}}; every list answers {items, nextCursor}.',
    },
    tags: [...new Set(API_OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    security: [{ bearerToken: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal API token (API tokens page or `npm run cli -- token create`)" },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session; writes must be same-origin JSON" },
      },
      schemas: { Error: ERROR_SCHEMA, ListPage: LIST_SCHEMA },
    },
  };
}
