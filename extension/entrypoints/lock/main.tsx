import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LockPage } from './LockPage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LockPage />
  </StrictMode>,
);
