import Link from "next/link";
import { requirePageActor } from "@/lib/auth/require-page-actor";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { CreateTokenForm } from "@/components/profile/create-token-form";
import { RevokeTokenButton } from "@/components/profile/revoke-token-button";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata = { title: "API tokens" };

export default async function ProfilePage() {
  const actor = await requirePageActor();
  const tokens = await listApiTokens({ actor });
  return (
    <main className="page">
      <h1>API tokens</h1>
      <p className="muted">
        Scripts and pipelines call the REST API with <code>Authorization: Bearer &lt;token&gt;</code> and act as you ({actor.email}). Every operation is in the{" "}
        <Link href="/api-docs">API reference</Link>.
      </p>
      <CreateTokenForm create={createTokenAction} />
      <h2>Active tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>Name</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{t.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                <td>{t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "never"}</td>
                <td>
                  <RevokeTokenButton tokenId={t.id} name={t.name} revoke={revokeTokenAction} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
