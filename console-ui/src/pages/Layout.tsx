import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, Outlet, useNavigate } from 'react-router';
import { ROLE_LABELS } from '@waymark/shared';
import { endpoints } from '../lib/api';
import { useSession } from '../lib/session';

export function Layout() {
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (session.isPending) return <p className="loading">Loading…</p>;
  if (session.isError) return <p role="alert">Could not reach the Waymark server: {session.error.message}</p>;
  if (!session.data) return <Navigate to="/sign-in" replace />;
  const staff = session.data;

  async function signOut() {
    await endpoints.logout();
    queryClient.clear();
    navigate('/sign-in');
  }

  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">
          Waymark
        </Link>
        <span className="school">{staff.schoolName}</span>
        <span className="account">
          {staff.name} · {ROLE_LABELS[staff.role]}
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </span>
      </header>
      <main className="content">
        <Outlet />
      </main>
    </>
  );
}
