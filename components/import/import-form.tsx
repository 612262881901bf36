"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { FORMAT_TITLES, guessFormat } from "@/lib/import/guess-format";
import type { ImportSummary } from "@/lib/import/run-import";
import { IMPORT_NAME_PATTERN } from "@/lib/import/import-options";
import { htmlPattern } from "@/lib/util/html-pattern";

type Project = { id: string; slug: string; name: string; members: { email: string; name: string }[] };
type Outcome = { ok: true; summary: ImportSummary } | { ok: false; message: string; summary?: ImportSummary };

export function ImportForm({ projects }: { projects: Project[] }) {
  const [files, setFiles] = useState<File[]>([]);
  const [guess, setGuess] = useState("");
  const [format, setFormat] = useState("auto");
  const [offsets, setOffsets] = useState("auto");
  const [mode, setMode] = useState("valid");
  const [projectId, setProjectId] = useState(projects[0]?.id ?? "");
  const [into, setInto] = useState("suggestions");
  const [name, setName] = useState("");
  const [createLabels, setCreateLabels] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [phase, setPhase] = useState<"idle" | "uploading" | "processing">("idle");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const project = useMemo(() => projects.find((p) => p.id === projectId), [projects, projectId]);
  const effective = format === "auto" ? guess : format;

  async function onFiles(list: FileList | null) {
    const chosen = Array.from(list ?? []);
    setFiles(chosen);
    setOutcome(null);
    setGuess(
      chosen.length
        ? guessFormat(
            chosen.map((f) => f.name),
            await chosen[0].slice(0, 64 * 1024).text(),
          )
        : "",
    );
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (files.length === 0 || !project) return;
    const params = new URLSearchParams({ format, mode, project: project.slug, into });
    if (offsets !== "auto") params.set("offsets", offsets);
    if (into === "suggestions" && name.trim()) params.set("name", name.trim());
    if (createLabels) params.set("createLabels", "true");
    const body = new FormData();
    for (const f of files) body.append("file", f);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/import?${params}`);
    xhr.setRequestHeader("x-requested-with", "XMLHttpRequest");
    xhr.responseType = "json";
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setProgress(ev.loaded / ev.total);
    };
    xhr.upload.onload = () => {
      setProgress(1);
      setPhase("processing");
    };
    xhr.onload = () => {
      setPhase("idle");
      const json = xhr.response as (ImportSummary & { error?: { message: string; details?: ImportSummary } }) | null;
      if (xhr.status === 200 && json) setOutcome({ ok: true, summary: json });
      else
        setOutcome({
          ok: false,
          message: json?.error?.message ?? `The server answered ${xhr.status}`,
          summary: json?.error?.details?.errors ? json.error.details : undefined,
        });
    };
    xhr.onerror = () => {
      setPhase("idle");
      setOutcome({ ok: false, message: "The upload failed (network error); try again." });
    };
    setOutcome(null);
    setProgress(0);
    setPhase("uploading");
    xhr.send(body);
  }

  const busy = phase !== "idle";
  return (
    <>
      <section className="card admin-form" aria-labelledby="import-heading">
        <h2 id="import-heading">Upload</h2>
        <form onSubmit={submit}>
          <label htmlFor="import-files">Files</label>
          <input
            id="import-files"
            type="file"
            multiple
            accept=".txt,.jsonl,.ndjson,.json,text/plain,application/json"
            onChange={(e) => onFiles(e.target.files)}
            required
          />
          <p className="muted small" aria-live="polite">
            {files.length === 0
              ? "Several .txt files, or one .jsonl / .json file."
              : `${files.length} file${files.length > 1 ? "s" : ""}, ${formatBytes(files.reduce((n, f) => n + f.size, 0))}${guess ? ` · looks like ${FORMAT_TITLES.find(([v]) => v === guess)?.[1]}` : ""}`}
          </p>
          <div className="form-grid">
            <div>
              <label htmlFor="import-project">Project</label>
              <select
                id="import-project"
                value={projectId}
                onChange={(e) => {
                  setProjectId(e.target.value);
                  setInto("suggestions");
                }}
              >
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="import-format">Format</label>
              <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value)}>
                {FORMAT_TITLES.map(([v, t]) => (
                  <option key={v} value={v}>
                    {v === "auto" && guess ? `Detect (${FORMAT_TITLES.find(([g]) => g === guess)?.[1]})` : t}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="import-offsets">Offsets count</label>
              <select id="import-offsets" value={offsets} onChange={(e) => setOffsets(e.target.value)}>
                <option value="auto">Format default ({effective === "label-studio" ? "UTF-16 units" : "code points"})</option>
                <option value="codepoint">Code points (Python, spaCy, doccano)</option>
                <option value="utf16">UTF-16 units (JavaScript)</option>
              </select>
            </div>
            <div>
              <label htmlFor="import-into">Spans go to</label>
              <select id="import-into" value={into} onChange={(e) => setInto(e.target.value)}>
                <option value="suggestions">A suggestions layer (pre-annotations)</option>
                {project?.members.map((m) => (
                  <option key={m.email} value={`annotator:${m.email}`}>
                    {m.name}’s layer ({m.email})
                  </option>
                ))}
              </select>
            </div>
            {into === "suggestions" && (
              <div>
                <label htmlFor="import-name">Suggestions name</label>
                <input
                  id="import-name"
                  type="text"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  maxLength={60}
                  placeholder="the file name"
                  pattern={htmlPattern(IMPORT_NAME_PATTERN)}
                />
              </div>
            )}
          </div>
          <fieldset className="plain">
            <legend>When a line has an error</legend>
            <label className="inline">
              <input type="radio" name="mode" value="valid" checked={mode === "valid"} onChange={() => setMode("valid")} /> Import the valid lines, list the bad
              ones
            </label>
            <label className="inline">
              <input type="radio" name="mode" value="all-or-nothing" checked={mode === "all-or-nothing"} onChange={() => setMode("all-or-nothing")} /> Import
              nothing
            </label>
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={createLabels} onChange={(e) => setCreateLabels(e.target.checked)} /> Create labels the project does not have yet
            (otherwise their lines are errors)
          </label>
          <div className="form-footer">
            <button className="primary" type="submit" disabled={busy || files.length === 0}>
              {busy ? "Importing…" : "Import"}
            </button>
            {progress !== null && (
              <span className="import-progress">
                <label htmlFor="import-progress">{phase === "uploading" ? "Uploading" : phase === "processing" ? "Uploaded; importing" : "Uploaded"}</label>
                <progress id="import-progress" max={1} value={progress} aria-valuetext={`${Math.round(progress * 100)}%`} />
                <span className="muted">{Math.round(progress * 100)}%</span>
              </span>
            )}
          </div>
        </form>
      </section>
      {outcome && <ImportResult outcome={outcome} />}
    </>
  );
}

function formatBytes(n: number) {
  return n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function ImportResult({ outcome }: { outcome: Outcome }) {
  const s = outcome.summary;
  return (
    <section className="card import-result" aria-labelledby="import-result-heading" role="status">
      <h2 id="import-result-heading">{outcome.ok ? "Import finished" : "Import refused"}</h2>
      {!outcome.ok && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {outcome.ok && s && (
        <p data-testid="import-summary">
          {s.documents} document{s.documents === 1 ? "" : "s"} imported with {s.spans} span{s.spans === 1 ? "" : "s"} into <code>{s.layer}</code> ({s.format},
          offsets in {s.offsets === "utf16" ? "UTF-16 units" : "code points"}); {s.duplicates.length} duplicate{s.duplicates.length === 1 ? "" : "s"};{" "}
          {s.errorCount} error
          {s.errorCount === 1 ? "" : "s"}.{s.labelsCreated.length > 0 && ` New labels: ${s.labelsCreated.join(", ")}.`}
        </p>
      )}
      {s && (s.errors.length > 0 || s.duplicates.length > 0 || s.created.length > 0) && (
        <table className="list dense import-lines">
          <caption className="sr-only">Lines of the file</caption>
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Result</th>
              <th>Details</th>
            </tr>
          </thead>
          <tbody>
            {[
              ...s.errors.map((e) => ({ line: e.line, kind: "error" as const, node: <>{e.message}</> })),
              ...s.duplicates.map((d) => ({
                line: d.line,
                kind: "duplicate" as const,
                node: d.documentId ? (
                  <>
                    duplicate of <Link href={`/documents/${d.documentId}`}>{d.title}</Link>
                  </>
                ) : (
                  <>{d.message}</>
                ),
              })),
              ...(outcome.ok ? s.created : []).map((c) => ({
                line: c.line,
                kind: "imported" as const,
                node: (
                  <>
                    <Link href={`/documents/${c.id}`}>{c.title}</Link>{" "}
                    <span className="muted">
                      · {c.spans} span{c.spans === 1 ? "" : "s"}
                    </span>
                  </>
                ),
              })),
            ]
              .sort((a, b) => a.line - b.line)
              .map((row, i) => (
                <tr key={i} className={`import-${row.kind}`}>
                  <td className="num">{row.line}</td>
                  <td>
                    <span className={`chip import-${row.kind}`}>{row.kind}</span>
                  </td>
                  <td>{row.node}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {s && s.errorCount > s.errors.length && (
        <p className="muted">
          … and {s.errorCount - s.errors.length} more errors (the list stops at {s.errors.length}).
        </p>
      )}
    </section>
  );
}
