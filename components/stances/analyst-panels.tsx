"use client";
/** The quote and stance panels of the document workbench (one element in its side pane). */
import type { HolderOption } from "@/lib/stances/holder-options";
import { QuotePanel } from "./quote-panel";
import { StancePanel, type TargetOption } from "./stance-panel";

export function AnalystPanels(props: { holders: HolderOption[]; targets: TargetOption[]; labelKinds: Record<string, string> }) {
  return (
    <>
      <QuotePanel labelKinds={props.labelKinds} />
      <StancePanel holders={props.holders} targets={props.targets} />
    </>
  );
}
