"use client";
/** The document page's entity tools: the focused span's entity link, and registry suggestions. */
import { useState } from "react";
import { EntityLinkPanel } from "./entity-link-panel";
import { SuggestionsPanel } from "./suggestions-panel";

export function EntityPanels({ projectId }: { projectId: string }) {
  const [refresh, setRefresh] = useState(0);
  return (
    <div className="entity-panels">
      <EntityLinkPanel projectId={projectId} onChanged={() => setRefresh((n) => n + 1)} />
      <SuggestionsPanel refresh={refresh} />
    </div>
  );
}
