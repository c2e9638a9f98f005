import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MessagePage } from './MessagePage';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MessagePage />
  </StrictMode>,
);
