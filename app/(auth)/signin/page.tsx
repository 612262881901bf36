import { SignInForm } from "@/components/auth/sign-in-form";
import { signInAction } from "./actions";
import { safeNextPath } from "@/lib/auth/safe-next";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <main className="signin">
      <div className="card">
        <h1>Marginalia</h1>
        <p className="muted">Sign in to annotate. Demo logins are printed when the app starts.</p>
        <SignInForm next={safeNextPath(next)} signIn={signInAction} />
      </div>
    </main>
  );
}
