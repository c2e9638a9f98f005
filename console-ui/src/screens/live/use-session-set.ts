import { useEffect, useState } from 'react';

function load(key: string): ReadonlySet<string> {
  try {
    const saved: unknown = JSON.parse(globalThis.sessionStorage?.getItem(key) ?? '[]');
    return new Set(Array.isArray(saved) ? saved.filter((v): v is string => typeof v === 'string') : []);
  } catch {
    return new Set();
  }
}

/** Keep at most this many ids: a lesson's worth, so the stored list cannot grow without end. */
const LIMIT = 2000;

/**
 * A set of ids kept for this browser tab (sessionStorage), e.g. the concerns a teacher has
 * dealt with: a reload does not bring them back to the top of the feed.
 */
export function useSessionSet(key: string): { values: ReadonlySet<string>; add: (id: string) => void } {
  const [values, setValues] = useState(() => load(key));
  useEffect(() => setValues(load(key)), [key]);
  return {
    values,
    add(id) {
      setValues((current) => {
        if (current.has(id)) return current;
        const next = new Set([...current, id].slice(-LIMIT));
        globalThis.sessionStorage?.setItem(key, JSON.stringify([...next]));
        return next;
      });
    },
  };
}
