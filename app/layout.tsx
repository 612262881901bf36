import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marginalia", template: "%s · Marginalia" },
  description: "Collaborative annotation workbench for analysts",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the CSP nonce (proxy.ts) differs each time.
  await connection();
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
