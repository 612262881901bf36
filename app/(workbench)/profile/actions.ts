"use server";
import { revalidatePath } from "next/cache";
import { formText } from "@/lib/actions/action-error";
import { formAction } from "@/lib/actions/form-action";
import { createApiToken, revokeApiToken, TokenName } from "@/lib/auth/api-tokens";

export const createTokenAction = formAction<{ token: string }>(async (actor, form) => {
  const created = await createApiToken({ userId: actor.id, name: TokenName.parse(form.get("name")) });
  revalidatePath("/profile");
  return { message: "Copy this token now; it is not shown again.", token: created.token };
});

export const revokeTokenAction = formAction(async (actor, form) => {
  await revokeApiToken({ actor, tokenId: formText(form, "tokenId") });
  revalidatePath("/profile");
  return { message: "Revoked" };
});
