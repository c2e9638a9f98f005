/** A setting's value as a technician reads it: lists one item per line, dictionaries laid out. */
export function SettingValue({ value }: { value: string }) {
  let parsed: unknown = value;
  try {
    parsed = JSON.parse(value);
  } catch {
    // A plain string (an address, a pattern): shown as it is.
  }
  if (Array.isArray(parsed)) {
    return (
      <ul className="deploy-value-list">
        {parsed.map((item, i) => (
          <li key={i}>
            <code>{String(item)}</code>
          </li>
        ))}
      </ul>
    );
  }
  if (parsed !== null && typeof parsed === 'object') {
    return (
      <pre className="deploy-value-json">
        <code>{JSON.stringify(parsed, null, 2)}</code>
      </pre>
    );
  }
  return <code>{value}</code>;
}
