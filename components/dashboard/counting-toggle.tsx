import Link from "next/link";

/** Says which layers the figures count, with a link that switches in-progress layers in or out. */
export function CountingToggle({ basePath, includeInProgress }: { basePath: string; includeInProgress: boolean }) {
  return (
    <p className="counting" data-testid="counting">
      {includeInProgress ? "Counting submitted, approved and in-progress layers." : "Counting submitted and approved layers."}{" "}
      {includeInProgress ? (
        <Link href={basePath} className="button">
          Count completed layers only
        </Link>
      ) : (
        <Link href={`${basePath}?include=in_progress`} className="button">
          Include in-progress layers
        </Link>
      )}
    </p>
  );
}
