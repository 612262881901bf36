/** What the search box understands, briefly (README "Search" has it all). */
const FILTERS: [string, string][] = [
  ["label:PERSON", "spans with that label"],
  ['entity:"Sergey Lavrov"', "spans linked to the entity (a name or alias of the registry)"],
  ["annotator:ana@example.org", "spans in that annotator's layers (email or name)"],
  ["layer:gold", "the gold layer; also layer:own, layer:suggestions"],
  ["status:submitted", "spans of layers in that state: in_progress, submitted, approved, rejected"],
  ["project:iraq-intel-2015", "one project (slug)"],
];

export function SearchSyntax({ open }: { open: boolean }) {
  return (
    <details className="search-syntax" open={open}>
      <summary id="search-syntax-summary">
        Words must all occur (any case, accents ignored); &quot;quoted phrases&quot; word after word; filters find spans.
      </summary>
      <dl>
        <dt>
          <code>Abadi</code>
        </dt>
        <dd>documents holding the word, each with its first passage</dd>
        <dt>
          <code>Lavrov label:PERSON</code>
        </dt>
        <dd>PERSON spans whose text holds &quot;Lavrov&quot;</dd>
        {FILTERS.map(([example, meaning]) => (
          <div key={example}>
            <dt>
              <code>{example}</code>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
