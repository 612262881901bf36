"use client";
/**
 * How many threads each span of the open document has, written by the
 * Discussion panel and read by the span list's badges: a store of its own, so
 * the workbench need not know about threads.
 */
import { create } from "zustand";
import type { AnchorCount } from "@/lib/threads/thread-view";

type Counts = { bySpan: Record<string, { threads: number; open: number }>; set(counts: AnchorCount[]): void };

export const useThreadCounts = create<Counts>((set) => ({
  bySpan: {},
  set: (counts) =>
    set({ bySpan: Object.fromEntries(counts.filter((c) => c.kind === "span" && c.id).map((c) => [c.id!, { threads: c.threads, open: c.open }])) }),
}));
