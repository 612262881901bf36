"use client";
/**
 * The guidelines beside the work (workbench and review page): a collapsible
 * panel of the side pane, its heading a button (keyboard reachable, with its
 * state announced); open or closed is remembered per browser.
 */
import { useId } from "react";
import { useStoredFlag } from "@/components/ui/use-stored-flag";
import { GuidelinesView } from "./guidelines-view";

export function GuidelinesPanel({ guidelines }: { guidelines: string }) {
  const [open, setOpen] = useStoredFlag("marginalia.guidelines-open", false);
  const bodyId = useId();
  return (
    <section className="panel guidelines-panel" aria-label="Guidelines">
      <h2>
        <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden>{open ? "▾" : "▸"}</span> Guidelines
        </button>
      </h2>
      {open && (
        <div id={bodyId} className="guidelines-body">
          <GuidelinesView markdown={guidelines} />
        </div>
      )}
    </section>
  );
}
