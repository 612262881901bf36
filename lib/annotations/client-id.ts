import { z } from "zod";
import { serverHmac } from "@/lib/auth/server-hmac";

/**
 * Span ids a client chooses (so that a retry cannot save a span twice) live
 * in a namespace of the client's own: the server stores the id as
 * `<namespace>.<key>`, where the namespace is derived by HMAC from the user
 * and the project. A key can therefore never meet a span of another user or
 * project, and whether such a span exists cannot be learned by choosing its
 * id. The namespace says nothing about who owns it (blind review shows span
 * ids to reviewers), and the browser receives its own with the page's data
 * so that the ids it makes are final.
 */
export const ClientKey = z.string().regex(/^[A-Za-z0-9_.-]{8,100}$/, "ids are 8–100 letters, digits, '.', '-' or '_'");

export function clientIdNamespace(userId: string, projectId: string): string {
  return "k" + serverHmac("client-span-id", projectId, userId).subarray(0, 9).toString("hex");
}

/** The stored id for a client's key: the key itself when it already carries the client's namespace. */
export function scopedClientId(namespace: string, key: string): string {
  return key.startsWith(namespace + ".") ? key : `${namespace}.${key}`;
}
