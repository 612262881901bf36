"use client";
/**
 * What a new thread of the Discussion panel is about: the focused span of the
 * edited layer, a span picked elsewhere on the page (an annotator's span in
 * the review page's list, "Discuss"), or the whole document. A store of its
 * own, so the review panel can hand a span over without knowing the panel.
 */
import { create } from "zustand";

export type PickedSpan = { id: string; text: string; label: string; of: string };
export type About = "picked" | "focused" | "document";

type Discussion = { picked: PickedSpan | null; about: About; pick(span: PickedSpan): void; setAbout(about: About): void };

export const useDiscussion = create<Discussion>((set) => ({
  picked: null,
  about: "focused",
  pick: (span) => set({ picked: span, about: "picked" }),
  setAbout: (about) => set({ about }),
}));
