import type { ApiOperation } from "@/lib/api/operations";
import { pathParams } from "@/lib/api/operations";
import { inputSchema, operationId, queryParameters } from "@/lib/api/openapi";
import { constraintText, objectVariants, typeText, type FieldRow } from "@/lib/api/schema-text";

function FieldTable({ caption, rows, showIn }: { caption: string; rows: (FieldRow & { in?: string })[]; showIn?: boolean }) {
  return (
    <table className="list dense">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          {showIn && <th scope="col">In</th>}
          <th scope="col">Type</th>
          <th scope="col">Required</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.in ?? ""}${r.name}`}>
            <td>
              <code>{r.name}</code>
            </td>
            {showIn && <td>{r.in}</td>}
            <td>
              <code>{r.type}</code>
            </td>
            <td>{r.required ? "yes" : "no"}</td>
            <td className="small">{r.notes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Body({ op }: { op: ApiOperation }) {
  if (op.rawBody) {
    return (
      <p>
        <code>{op.rawBody.contentType}</code> — {op.rawBody.description}
      </p>
    );
  }
  if (!op.body) return null;
  const schema = inputSchema(op.body);
  const variants = objectVariants(schema);
  const label = `JSON${op.bodyOptional ? ", optional" : ""}`;
  if (!variants) return <pre className="small">{JSON.stringify(schema, null, 2)}</pre>;
  return (
    <>
      <p className="small muted">
        {label}
        {variants.length > 1 ? `: one of ${variants.length} shapes` : ""}
        {schema.additionalProperties === false ? "; no other fields" : ""}
      </p>
      {variants.map((rows, i) => (
        <FieldTable key={i} caption={`${op.method} ${op.path} body${variants.length > 1 ? ` (shape ${i + 1})` : ""}`} rows={rows} />
      ))}
    </>
  );
}

/** One operation of the API reference: what to send, who may, what comes back. */
export function OperationCard({ op }: { op: ApiOperation }) {
  const id = operationId(op);
  const params = [
    ...pathParams(op.path).map((name) => ({
      name,
      in: "path",
      type: "string",
      required: true,
      notes: name === "id" && op.path.startsWith("/api/v1/projects/{id}") ? "project id or slug" : "",
    })),
    ...queryParameters(op).map((q) => ({
      name: q.name,
      in: "query",
      type: typeText(q.schema),
      required: q.required,
      notes: constraintText({ ...q.schema, description: q.description }),
    })),
  ];
  return (
    <article className="card" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        <code>
          {op.method} {op.path}
        </code>
      </h3>
      <p>
        {op.summary}. <span className="muted">Who: {op.roles}.</span>
      </p>
      {params.length > 0 && <FieldTable caption={`${op.method} ${op.path} parameters`} rows={params} showIn />}
      <Body op={op} />
      <p className="small">
        <strong>{op.status}</strong>
        {op.produces ? (
          <>
            {" "}
            <code>{op.produces}</code>
          </>
        ) : null}{" "}
        — {op.response}
      </p>
    </article>
  );
}
