import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { endpoints } from '../lib/api';

export function ClassesPage() {
  const classes = useQuery({ queryKey: ['classes'], queryFn: endpoints.classes });
  return (
    <section aria-labelledby="classes-heading">
      <h1 id="classes-heading">Your classes</h1>
      {classes.isPending && <p>Loading classes…</p>}
      {classes.isError && <p role="alert">{classes.error.message}</p>}
      {classes.data?.length === 0 && <p>You have no classes to watch. Ask your DSL to add you to a class.</p>}
      <ul className="class-list">
        {classes.data?.map((c) => (
          <li key={c.id}>
            <Link to={`/classes/${c.id}/live`}>
              <strong>{c.name}</strong>
              <span>
                {c.profile} · {c.pupilCount} pupils
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
