"use server";
import { revalidatePath } from "next/cache";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { createApiToken, revokeApiToken, TokenName } from "@/lib/auth/api-tokens";

export type CreateTokenState = { token?: string; error?: string } | null;

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  const actor = await requirePageActor();
  const name = TokenName.safeParse(form.get("name"));
  if (!name.success) return { error: name.error.issues[0]?.message ?? "Invalid name" };
  const created = await createApiToken({ userId: actor.id, name: name.data });
  revalidatePath("/profile");
  return { token: created.token };
}

export async function revokeTokenAction(form: FormData) {
  const actor = await requirePageActor();
  await revokeApiToken({ actor, tokenId: String(form.get("tokenId")) });
  revalidatePath("/profile");
}
