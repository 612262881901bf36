/** The outcome of a table row's form, in a row of its own beneath it: a status, or an error read out at once. */
export function RowNote(props: {
  columns: number;
  state: { ok: true; message: string } | { ok: false; error: string };
  errorId?: string;
  children?: React.ReactNode;
}) {
  const { columns, state, errorId, children } = props;
  return (
    <tr className="row-note">
      <td colSpan={columns}>
        {state.ok ? (
          <span role="status" className="ok">
            {children ?? state.message}
          </span>
        ) : (
          <span className="error" role="alert" id={errorId}>
            {state.error}
          </span>
        )}
      </td>
    </tr>
  );
}
