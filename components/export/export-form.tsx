"use client";
import { useMemo, useState } from "react";
import { ExportPreview, useExportPreview } from "./export-preview";
import type { ExportFormData } from "@/lib/export/export-form-data";
import type { ExportFormat } from "@/lib/export/export-options";
import { SPLIT_PATTERN } from "@/lib/export/export-options";
import { htmlPattern } from "@/lib/util/html-pattern";

const FORMATS = [
  {
    value: "native",
    name: "Native JSONL",
    help: "One line per document: text, metadata, every span with its text, annotator, entity link and review state, grades and stances. The first line is a manifest (schema version, label set, counts, agreement, offset unit, split).",
  },
  {
    value: "spacy",
    name: "spaCy / Prodigy",
    help: 'One line per document and layer: {"text", "spans": [{"start", "end", "label"}], "meta"}. Read it with Prodigy\'s db-in, or with doc.char_span(start, end, label) in spaCy.',
  },
  {
    value: "doccano",
    name: "doccano",
    help: 'One line per document and layer: {"text", "label": [[start, end, "LABEL"], …]}, as doccano\'s sequence labeling import reads it; the other keys become metadata.',
  },
  {
    value: "label-studio",
    name: "Label Studio",
    help: 'A JSON array of tasks, one per document, each layer an annotation with labels results (from_name "label", to_name "text"). Import it into a project labeling <Text name="text"> with <Labels name="label">.',
  },
] as const satisfies readonly { value: ExportFormat; name: string; help: string }[];

type Props = Pick<ExportFormData, "projects" | "people">;

/** A plain GET form to the export API: the browser downloads the file with the session cookie. */
export function ExportForm({ projects, people }: Props) {
  const [format, setFormat] = useState<string>("native");
  const [project, setProject] = useState("");
  const [query, setQuery] = useState("");
  const labels = useMemo(() => {
    const chosen = project ? projects.filter((p) => p.slug === project) : projects;
    const seen = new Map<string, string>();
    for (const p of chosen) for (const l of p.labels) if (!seen.has(l.name)) seen.set(l.name, l.color);
    return [...seen.entries()];
  }, [project, projects]);

  const preview = useExportPreview(query);

  function onChange(e: React.FormEvent<HTMLFormElement>) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) if (typeof v === "string" && v.trim() !== "") params.append(k, v);
    setQuery(params.toString());
  }

  return (
    <form method="get" action="/api/v1/export" className="card export-form" onChange={onChange} aria-describedby="export-url">
      <fieldset className="plain">
        <legend>Format</legend>
        <div className="export-formats">
          {FORMATS.map((f) => (
            <label key={f.value} className="export-format">
              <input
                type="radio"
                name="format"
                value={f.value}
                checked={format === f.value}
                onChange={() => setFormat(f.value)}
                aria-labelledby={`format-${f.value}-name`}
                aria-describedby={`format-${f.value}-help`}
              />
              <span>
                <strong id={`format-${f.value}-name`}>{f.name}</strong>
                <span id={`format-${f.value}-help`} className="muted small">
                  {f.help}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="form-grid">
        <div>
          <label htmlFor="export-project">Project</label>
          <select id="export-project" name="project" value={project} onChange={(e) => setProject(e.target.value)}>
            <option value="">All my projects</option>
            {projects.map((p) => (
              <option key={p.id} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="export-layer">Layer</label>
          <select id="export-layer" name="layer" defaultValue="gold">
            <option value="gold">Gold (adjudicated)</option>
            <option value="annotators">Every annotator&apos;s layer</option>
            <option value="suggestions">Open model suggestions (any status)</option>
            {people.map((u) => (
              <option key={u.id} value={`annotator:${u.id}`}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="export-status">Review status</label>
          <select id="export-status" name="status" defaultValue="approved">
            <option value="approved">Approved layers only</option>
            <option value="all">All layers as they stand</option>
          </select>
        </div>
        <div>
          <label htmlFor="export-offsets">Offsets</label>
          <select id="export-offsets" name="offsets" defaultValue="codepoint" aria-describedby="offsets-help">
            <option value="codepoint">Code points (Python)</option>
            <option value="utf16">UTF-16 units (JavaScript)</option>
          </select>
        </div>
      </div>
      <p id="offsets-help" className="muted small">
        Offsets count <strong>Unicode code points</strong>, end exclusive, so <code>text[start:end]</code> in Python is the span&apos;s text. Choose UTF-16
        units only for tools that index JavaScript strings (<code>text.slice(start, end)</code>): the two differ after any emoji or other character outside the
        Basic Multilingual Plane.
      </p>
      <label className="inline">
        <input type="checkbox" name="threads" value="1" /> Discussion threads in each record (native format only)
      </label>

      <fieldset className="plain">
        <legend>Labels</legend>
        <p className="muted small">None ticked: every label.</p>
        {labels.map(([name, color]) => (
          <label key={name} className="inline">
            <input type="checkbox" name="labels" value={name} />
            <span className="chip" style={{ borderColor: color }}>
              {name}
            </span>
          </label>
        ))}
      </fieldset>

      <div className="form-grid">
        <div>
          <label htmlFor="export-split">Dataset split (optional)</label>
          <input id="export-split" name="split" type="text" placeholder="80/10/10" pattern={htmlPattern(SPLIT_PATTERN)} aria-describedby="split-help" />
        </div>
        <div>
          <label htmlFor="export-seed">Seed</label>
          <input id="export-seed" name="seed" type="text" placeholder="0" maxLength={100} />
        </div>
        {format === "native" && (
          <div>
            <label htmlFor="export-manifest">Manifest</label>
            <select id="export-manifest" name="manifest" defaultValue="first">
              <option value="first">First line of the file</option>
              <option value="none">None (documents only)</option>
              <option value="only">Manifest alone</option>
            </select>
          </div>
        )}
      </div>
      <p id="split-help" className="muted small">
        Shares for train/dev/test (or train/test, e.g. 90/10). Each document lands in one split by a hash of the seed and its id: the same seed gives the same
        split on any machine. Each record carries its split; the manifest counts them.
      </p>

      <ExportPreview preview={preview} />
      <div className="form-footer">
        <button className="primary" type="submit" disabled={preview.state === "ready" && preview.counts.documents === 0}>
          Download
        </button>
        <code id="export-url" className="small export-url">
          GET /api/v1/export{query ? `?${query}` : ""}
        </code>
      </div>
    </form>
  );
}
